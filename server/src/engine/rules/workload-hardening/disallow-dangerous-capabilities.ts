import { removeItem } from '../../fix/remove';
import { inTitle } from '../../fix/workload';
import { BASELINE_CAPABILITIES } from '../../model/capabilities';
import { capabilityEntries, DANGEROUS_CAPABILITIES } from '../../model/capability-names';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-dangerous-capabilities',
  title: 'Containers must not add dangerous capabilities',
  category: 'workload-hardening',
  severity: 'error',
  pss: null,
  covers: ['H02', 'H03', 'H04', 'H06', 'H07'],
  equivalents: {
    checkov: ['CKV_K8S_39'], trivy: ['KSV005', 'KSV120'], kubescape: ['C-0046'], polaris: ['dangerousCapabilities'],
    kubesec: ['CapSysAdmin'],
  },
  messages: {
    dangerous: '{{container}} adds capability "{{capability}}", which lets it {{why}}: remove it from securityContext.capabilities.add.',
  },
  fixMessages: {
    removeCapability: 'Remove capability "{{capability}}" from {{where}}',
  },
  docs: {
    summary: 'SYS_ADMIN, ALL, NET_ADMIN, SYS_MODULE, SYS_PTRACE, SYS_RAWIO, SYS_BOOT, MAC_ADMIN, MAC_OVERRIDE, '
      + 'BPF, PERFMON and SETPCAP each hand a container a way to the node or to other workloads; `CAP_` '
      + 'prefixes and lowercase spellings are recognised. The Pod Security rules already report every such '
      + 'add except SETPCAP, which is among the capabilities baseline lets a container add, and on the same '
      + 'node: so this rule reports only what they leave unsaid — SETPCAP at the baseline level, and every '
      + 'dangerous capability in a namespace labelled `pod-security.kubernetes.io/enforce: privileged`, where '
      + 'the Pod Security rules are off but a reviewer still asks why a workload needs SYS_ADMIN. On by '
      + 'default.',
    remediation: 'Remove the capability from `securityContext.capabilities.add`. If a workload truly needs one, '
      + 'isolate it (dedicated node pool and namespace) and document why; prefer narrower mechanisms (a '
      + 'device plugin, a CSI driver, NET_BIND_SERVICE for low ports).',
    references: [OWASP_K01, 'https://man7.org/linux/man-pages/man7/capabilities.7.html', 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: agents
  labels:
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: agents
spec:
  containers:
  - name: agent
    image: agent:1.0
    securityContext:
      privileged: true
      capabilities:
        add: [CAP_SYS_ADMIN, NET_BIND_SERVICE, all, NET_ADMIN, SYS_MODULE, BPF]
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: agents
  labels:
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: agents
spec:
  containers:
  - name: agent
    image: agent:1.0
    securityContext:
      privileged: true
      capabilities:
        add: [NET_BIND_SERVICE]
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop a program that needs this capability' }, // the container may rely on the capability
  checkPod({ pod, policy, report }) {
    // Where the Pod Security rules report an add (on the same node), this rule stays silent.
    const restrictedReports = policy.level === 'restricted';
    for (const c of pod.containers) {
      for (const e of capabilityEntries(c, 'add')) {
        const danger = DANGEROUS_CAPABILITIES[e.name];
        if (!danger) continue;
        const pssReports = !policy.privileged && (restrictedReports || !BASELINE_CAPABILITIES.has(e.raw));
        if (pssReports) continue;
        const what = inTitle(c.label);
        report({
          messageId: 'dangerous',
          data: { container: c.label, capability: e.raw, why: danger.why },
          at: e.ref.value,
          covers: [danger.row],
          fix: { messageId: 'removeCapability', data: { capability: e.raw, where: what }, edits: ({ text, doc }) => removeItem(text, doc, e.seq, e.index) },
        });
      }
    }
  },
});
