import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'];

export default defineRule({
  id: 'require-user-namespace',
  title: 'Pods could run in their own user namespace',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H16'],
  equivalents: { kubesec: ['HostUsers'] },
  messages: {
    hostUsers: 'The pod shares the node\'s user namespace: set spec.hostUsers: false so root in the container is an unprivileged user on the node.',
  },
  defaultReason: 'Info and opt-in: it depends on node support the manifest cannot see.',
  docs: {
    summary: 'With `hostUsers: false` (beta and on by default from Kubernetes 1.33, with a runtime and filesystem '
      + 'that support ID-mapped mounts) UID 0 in the container maps to an unprivileged UID on the node, which '
      + 'defuses many escapes.',
    remediation: 'Set `spec.hostUsers: false` where the nodes support user namespaces. Pods using hostPath volumes '
      + 'that need host UIDs cannot use it. Pods sharing a host namespace (hostNetwork, hostPID, hostIPC) are '
      + 'not reported: the API server rejects `hostUsers: false` beside them.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/'],
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
---
apiVersion: v1
kind: Pod
metadata:
  name: q
spec:
  hostUsers: true
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  fix: null, // depends on node support
  checkPod({ pod, report }) {
    if (pod.isWindows || pod.usesUserNamespace) return;
    // The API server rejects hostUsers: false beside a host namespace (hostNetwork only behind an
    // alpha gate since 1.35): the advice would not apply, and the host namespace is the baseline
    // finding that matters.
    if (HOST_NAMESPACES.some(f => isTrue(pod.field(f)))) return;
    report({ messageId: 'hostUsers', at: pod.field('hostUsers')?.value ?? pod.anchor('hostUsers') });
  },
});
