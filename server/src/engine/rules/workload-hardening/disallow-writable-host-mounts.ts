import { setIn } from '../../fix/map';
import { inTitle } from '../../fix/workload';
import { hostMounts } from '../../model/host-paths';
import { get, isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-writable-host-mounts',
  title: 'Containers must mount hostPath volumes read-only',
  category: 'workload-hardening',
  severity: 'error',
  pss: null,
  covers: ['X01'],
  equivalents: { kubeLinter: ['writable-host-mount'], kubescape: ['C-0045'] },
  messages: {
    writable: '{{container}} mounts hostPath volume "{{volume}}" writable: set readOnly: true on the volume mount.',
  },
  fixMessages: {
    setReadOnly: 'Set readOnly: true on {{where}}',
  },
  defaultReason: 'On by default: the Pod Security rules report the hostPath volume itself, this rule points at each '
    + 'container mount that can write through it, which is what a reviewer blocks even where host access is '
    + 'allowed (node agents in a privileged namespace).',
  docs: {
    summary: 'A writable hostPath mount lets a compromised container change files on the node: plant a static pod '
      + 'manifest or a cron job, replace binaries, rewrite kubelet configuration.',
    remediation: 'Set `readOnly: true` on the volumeMounts entry. A node agent that must write should write to a '
      + 'dedicated, narrow directory; consider `recursiveReadOnly: Enabled` (Kubernetes 1.33+) so submounts '
      + 'are read-only too.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath', 'https://kubernetes.io/docs/concepts/storage/volumes/#read-only-mounts'],
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
    volumeMounts:
    - name: logs
      mountPath: /logs
  volumes:
  - name: logs
    hostPath:
      path: /var/log
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    volumeMounts:
    - name: logs
      mountPath: /logs
      readOnly: true
  volumes:
  - name: logs
    hostPath:
      path: /var/log
`,
  },
  // A node agent that writes (logs, sockets, state) stops working with a read-only mount.
  fix: { safety: 'unsafe', risk: 'may stop an app that writes to this host path' },
  checkPod({ pod, report }) {
    for (const m of hostMounts(pod)) {
      const readOnly = get(m.node, 'readOnly', pod.doc);
      if (isTrue(readOnly)) continue;
      const volume = m.volume.name ?? '';
      const where = `volume mount "${volume}" of ${inTitle(m.container.label)}`;
      report({
        messageId: 'writable',
        data: { container: m.container.label, volume },
        at: readOnly?.value ?? m.nameRef.value,
        fix: { messageId: 'setReadOnly', data: { where }, edits: ({ text, doc }) => setIn(text, doc, m.node, ['readOnly'], true) },
      });
    }
  },
});
