import { isMap, YAMLMap } from 'yaml';
import { removePruning, setValue, titleLabel, together } from '../../fix/workload';
import { ContainerView } from '../../model/workload';
import { get, Ref, str } from '../../model/yaml-nav';
import { atLeast, Policy } from '../../policy';
import { defineRule, PodCheckContext } from '../../rule';
import { PSS_REFERENCES } from '../references';

/** SELinux types a container may request; the empty type keeps the runtime's default. */
export const ALLOWED_SELINUX_TYPES: ReadonlyArray<{ since: number; types: readonly string[] }> = [
  { since: 0, types: ['', 'container_t', 'container_init_t', 'container_kvm_t'] },
  // The type for container engines running inside a container (policy 1.31+).
  { since: 31, types: ['container_engine_t'] },
];

export function allowedSelinuxTypes(policy: Policy): Set<string> {
  return new Set(ALLOWED_SELINUX_TYPES.filter(e => atLeast(policy, e.since)).flatMap(e => e.types));
}

type Messages = 'type' | 'user' | 'role';

export default defineRule({
  id: 'restrict-selinux-options',
  title: 'SELinux options must not select a custom type, user or role',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'baseline', check: 'seLinuxOptions', since: 0 },
  covers: ['B10'],
  equivalents: { pss: ['seLinuxOptions'], trivy: ['KSV025'] },
  messages: {
    type: '{{where}} sets SELinux type "{{value}}": remove seLinuxOptions.type or use container_t (or container_init_t, container_kvm_t{{engine}}).',
    user: '{{where}} sets SELinux user "{{value}}": remove seLinuxOptions.user.',
    role: '{{where}} sets SELinux role "{{value}}": remove seLinuxOptions.role.',
  },
  docs: {
    summary: 'The container runtime labels every container with the confined `container_t` SELinux type. Choosing '
      + 'another type (such as `spc_t` or `unconfined_t`), user or role can lift that confinement and give '
      + 'the container the access of a host process. Both Pod Security levels allow only the container types '
      + 'and no custom user or role; `level` (the MCS categories) stays free.',
    remediation: 'Remove `seLinuxOptions.type`, `user` and `role` from the pod and container securityContexts, or set '
      + '`type` to `container_t`, `container_init_t`, `container_kvm_t` or (policy 1.31+) '
      + '`container_engine_t`. `seLinuxOptions.level` may stay.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions:
      user: system_u
      role: system_r
      type: spc_t
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions:
        type: container_t
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      seLinuxOptions:
        type: container_t
`,
  },
  // Removing a field hands the choice back to the container runtime, which labels containers
  // container_t: a workload that relied on a host type or user may be denied what it did.
  fix: { safety: 'unsafe', risk: 'may stop a program that relies on the custom SELinux label' },
  checkPod(ctx) {
    const { pod, policy } = ctx;
    const types = allowedSelinuxTypes(policy);
    // The pod and each container are checked independently: a container value does not
    // excuse a bad pod-level value.
    checkOptions(ctx, pod.sc('seLinuxOptions'), 'pod', types);
    for (const c of pod.containers) checkOptions(ctx, c.sc('seLinuxOptions'), c, types);
  },
});

function checkOptions(ctx: PodCheckContext<Messages>, options: Ref | undefined, owner: ContainerView | 'pod', types: Set<string>): void {
  if (!options || !isMap(options.value)) return;
  const map: YAMLMap = options.value;
  const where = owner === 'pod' ? 'The pod' : owner.label;
  const engine = types.has('container_engine_t') ? ', container_engine_t' : '';
  // The fix removes the field (the runtime's own label, the API default); seLinuxOptions left
  // empty goes too. Naming container_t instead is a suggestion: it is the runtime's default type
  // on the usual SELinux policies, but not a value every node's policy must use.
  const remove = (field: string) => together(`Remove seLinuxOptions.${field} from ${titleLabel(owner)}`, [removePruning(map, field)]);
  const type = get(map, 'type', ctx.pod.doc);
  const typeValue = str(type);
  if (typeValue !== undefined && !types.has(typeValue)) {
    const suggestions = [together(`Set seLinuxOptions.type: container_t in ${titleLabel(owner)}`, [setValue(map, 'type', 'container_t')])];
    ctx.report({ messageId: 'type', data: { where, value: typeValue, engine }, at: type!.value, fix: remove('type'), suggestions });
  }
  for (const field of ['user', 'role'] as const) {
    const ref = get(map, field, ctx.pod.doc);
    const value = str(ref);
    if (value) ctx.report({ messageId: field, data: { where, value }, at: ref!.value, fix: remove(field) });
  }
}
