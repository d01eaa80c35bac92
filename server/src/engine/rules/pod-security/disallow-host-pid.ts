import { setInPod } from '../../fix/workload';
import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-host-pid',
  title: 'Pods must not use the host PID namespace',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'hostNamespaces', since: 0 },
  covers: ['B03'],
  equivalents: {
    pss: ['hostNamespaces'], kubeLinter: ['host-pid'], checkov: ['CKV_K8S_17'], trivy: ['KSV010'],
    kubescape: ['C-0038', 'C-0275'], polaris: ['hostPIDSet'], kubesec: ['HostPID'],
  },
  messages: {
    hostPID: 'The pod shares the node\'s process namespace: remove spec.hostPID or set it to false.',
  },
  docs: {
    summary: 'With hostPID the containers see every process on the node, can read their environment and command '
      + 'lines (often holding credentials) and, with enough privilege, signal or ptrace them or enter their '
      + 'namespaces through /proc. Both Pod Security levels forbid it.',
    remediation: 'Remove `hostPID: true` from the pod spec (or set it to false). To share processes between the '
      + 'containers of one pod, use `shareProcessNamespace: true` instead.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostPID: true
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostPID: false
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  // `false` replaces `true` where it is written (the API default, so the same as removing the
  // key): the line and its comment stay, and the change reads as a decision in review.
  // Never safe: node exporters and debugging agents read the node's processes.
  fix: { safety: 'unsafe', risk: 'a node agent that reads or signals the node\'s processes stops working' },
  checkPod({ pod, report }) {
    const v = pod.field('hostPID');
    if (isTrue(v)) report({ messageId: 'hostPID', at: v!.value, fix: setInPod(pod, ['hostPID'], false) });
  },
});
