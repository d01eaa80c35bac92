import { ensureInSeq } from '../../fix/seq';
import { inTitle } from '../../fix/workload';
import { capabilityEntries } from '../../model/capability-names';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'require-capability-drop',
  title: 'Containers should drop capabilities they do not need',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H08'],
  equivalents: { trivy: ['KSV004'], kubesec: ['CapDropAny'] },
  messages: {
    nothingDropped: '{{container}} keeps every capability the container runtime grants by default: set '
      + 'securityContext.capabilities.drop: ["ALL"] and add back only what the program needs.',
  },
  fixMessages: {
    dropAll: 'Drop all capabilities in {{where}}',
  },
  defaultReason: 'Opt-in and info: baseline users chose fewer findings, and require-drop-net-raw, when on, already '
    + 'reports every container this rule would (one that drops nothing keeps NET_RAW) and replaces it.',
  docs: {
    summary: 'A container that drops no capability keeps the runtime\'s whole default set (CHOWN, DAC_OVERRIDE, '
      + 'FOWNER, SETUID, SETGID, NET_RAW, ...). At the restricted level require-drop-all-capabilities asks '
      + 'for `drop: [ALL]`, so this rule speaks only at the baseline level (or in a namespace that enforces '
      + '`privileged`), where nothing else asks for a drop. Windows pods are skipped: capabilities do not '
      + 'exist there.',
    remediation: 'Add `capabilities: {drop: ["ALL"]}` to the container\'s securityContext and add back (`add`) only '
      + 'the capabilities the program needs, such as NET_BIND_SERVICE for a port below 1024.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: ops
  labels: {pod-security.kubernetes.io/enforce: privileged}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: ops
spec:
  initContainers:
  - name: init
    image: busybox:1.36
    securityContext: {runAsUser: 1000}
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities: {drop: [ALL]}
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: ops
  labels: {pod-security.kubernetes.io/enforce: privileged}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: ops
spec:
  initContainers:
  - name: init
    image: busybox:1.36
    securityContext: {runAsUser: 1000, capabilities: {drop: [ALL]}}
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities: {drop: [ALL]}
`,
  },
  // Same edit and risk as require-drop-all-capabilities: an image that relies on a default
  // capability (chown at start-up, binding port 80 as root) stops working.
  fix: { safety: 'unsafe', risk: 'may stop a program that needs a capability; add it back explicitly' },
  checkPod({ pod, policy, report }) {
    if (pod.isWindows) return;
    if (policy.level === 'restricted' && !policy.privileged) return; // require-drop-all-capabilities
    for (const c of pod.containers) {
      if (capabilityEntries(c, 'drop').length > 0) continue;
      const what = inTitle(c.label);
      report({
        messageId: 'nothingDropped', data: { container: c.label },
        at: c.anchor('securityContext', 'capabilities', 'drop'),
        fix: { messageId: 'dropAll', data: { where: what }, edits: ({ text, doc }) => ensureInSeq(text, doc, c.node, ['securityContext', 'capabilities', 'drop'], 'ALL') },
      });
    }
  },
});
