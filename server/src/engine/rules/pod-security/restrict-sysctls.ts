import { isMap } from 'yaml';
import { removeItemPruning, together } from '../../fix/workload';
import { get, getSeq, seqItems, str } from '../../model/yaml-nav';
import { atLeast, Policy } from '../../policy';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

/**
 * The safe sysctls by the policy version that first allows them. A sysctl is safe when it is
 * namespaced per pod and cannot affect other pods or the node.
 */
export const SAFE_SYSCTLS: ReadonlyArray<{ since: number; names: readonly string[] }> = [
  {
    since: 0,
    names: ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'],
  },
  { since: 27, names: ['net.ipv4.ip_local_reserved_ports'] },
  { since: 29, names: ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'] },
  { since: 32, names: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
  { since: 37, names: ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'] },
];

export function safeSysctls(policy: Policy): Set<string> {
  return new Set(SAFE_SYSCTLS.filter(e => atLeast(policy, e.since)).flatMap(e => e.names));
}

export default defineRule({
  id: 'restrict-sysctls',
  title: 'Pods may set only safe sysctls',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'sysctls', since: 0 },
  covers: ['B13'],
  equivalents: { pss: ['sysctls'], kubeLinter: ['unsafe-sysctls'], trivy: ['KSV026'] },
  messages: {
    unsafe: 'Sysctl "{{name}}" is not in the safe set of policy v1.{{minor}}: remove it from spec.securityContext.sysctls.',
    unnamed: 'A sysctl without a name is not in the safe set: remove it from spec.securityContext.sysctls.',
  },
  docs: {
    summary: 'Sysctls set in the pod securityContext change kernel parameters. Outside a small safe set of '
      + 'namespaced parameters they can affect the whole node or other pods, or weaken kernel protections. '
      + 'Both Pod Security levels allow only the safe set, which grows with the policy version (1.27, 1.29, '
      + '1.32, 1.37).',
    remediation: 'Remove the sysctl from `spec.securityContext.sysctls`. If the workload needs it, have a cluster '
      + 'administrator allow it on dedicated nodes (`--allowed-unsafe-sysctls`) and run the pod in a '
      + 'namespace exempted from Pod Security, or raise the enforced policy version if a newer version lists '
      + 'it as safe.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext: {sysctls: [{name: kernel.msgmax, value: "65536"}, {name: net.ipv4.tcp_syncookies, value: "1"}], runAsNonRoot: true}
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext: {sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}], runAsNonRoot: true}
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  // The entry goes (with `sysctls`, and a securityContext, it leaves empty): the workload may have
  // depended on the kernel setting.
  fix: { safety: 'unsafe', risk: 'the pod no longer gets this kernel setting' },
  checkPod({ pod, policy, report }) {
    const safe = safeSysctls(policy);
    const seq = getSeq(pod.securityContext, 'sysctls', pod.doc);
    for (const item of seqItems(seq, pod.doc)) {
      if (!isMap(item.value)) continue;
      const nameRef = get(item.value, 'name', pod.doc);
      const name = str(nameRef);
      const remove = (what: string) => together(`Remove ${what} from the pod spec`, [removeItemPruning(seq!, seq!.items.indexOf(item.site))]);
      if (name === undefined || name === '') {
        // The empty name is not in the safe set either; the item's first key stands for it.
        report({ messageId: 'unnamed', at: nameRef?.value ?? item.value, fix: remove('the sysctl without a name') });
      } else if (!safe.has(name)) {
        report({ messageId: 'unsafe', data: { name, minor: policy.minor }, at: nameRef!.value, fix: remove(`sysctl "${name}"`) });
      }
    }
  },
});
