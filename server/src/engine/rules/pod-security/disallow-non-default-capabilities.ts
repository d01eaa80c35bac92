import { removeFromSeq } from '../../fix/remove';
import { keepingComments, titleLabel, together } from '../../fix/workload';
import { addedCapabilities, BASELINE_CAPABILITIES } from '../../model/capabilities';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-non-default-capabilities',
  title: 'Containers must not add capabilities beyond the runtime defaults',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'capabilities_baseline', since: 0 },
  covers: ['B06'],
  equivalents: {
    pss: ['capabilities_baseline'], checkov: ['CKV_K8S_25'], trivy: ['KSV022', 'KSV119'], kubescape: ['C-0046'],
  },
  messages: {
    nonDefault: '{{container}} adds capability "{{capability}}", which is not among the capabilities the baseline Pod '
      + 'Security level lets a container add: remove it from securityContext.capabilities.add.',
  },
  docs: {
    summary: 'Capabilities such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or NET_RAW hand a container parts of root\'s '
      + 'power over the node: mounting filesystems, reconfiguring the network, tracing other processes. The '
      + 'baseline level only lets a container add these 13 capabilities: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, '
      + 'FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT. That is '
      + 'Docker\'s and containerd\'s default set without NET_RAW: those runtimes grant NET_RAW by default '
      + '(CRI-O does not), but the baseline does not let a container ask for it. Names are compared exactly, '
      + 'as Kubernetes does: `CAP_SYS_ADMIN` or `sys_admin` are not in the set either.',
    remediation: 'Remove the capability from `securityContext.capabilities.add`. If the workload truly needs it, run '
      + 'it in a namespace with a less strict policy and document why; prefer a narrower mechanism (a device '
      + 'plugin, a CSI driver, NET_BIND_SERVICE for low ports).',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities:
        add: [CAP_SYS_ADMIN, chown]
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop a program that needs this capability' }, // the container may rely on the capability
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      for (const { name, ref } of addedCapabilities(c)) {
        if (!BASELINE_CAPABILITIES.has(name)) {
          // Every entry of that name goes (a duplicate would be the same finding again); an `add`
          // left empty goes too, with a `capabilities` map it leaves empty, unless a comment line
          // would go with them.
          const path = ['securityContext', 'capabilities', 'add'];
          const fix = together(`Remove capability "${name}" from ${titleLabel(c)}`, [keepingComments(
            ({ text, doc }) => removeFromSeq(text, doc, c.node, path, name, { ifEmpty: 'removeParent' }),
            ({ text, doc }) => removeFromSeq(text, doc, c.node, path, name),
          )]);
          report({ messageId: 'nonDefault', data: { container: c.label, capability: name }, at: ref.value, fix });
        }
      }
    }
  },
});
