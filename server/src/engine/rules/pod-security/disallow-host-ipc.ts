import { setInPod } from '../../fix/workload';
import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-host-ipc',
  title: 'Pods must not use the host IPC namespace',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'hostNamespaces', since: 0 },
  covers: ['B04'],
  equivalents: {
    pss: ['hostNamespaces'], kubeLinter: ['host-ipc'], checkov: ['CKV_K8S_18'], trivy: ['KSV008'],
    kubescape: ['C-0038', 'C-0276'], polaris: ['hostIPCSet'], kubesec: ['HostIPC'],
  },
  messages: {
    hostIPC: 'The pod shares the node\'s IPC namespace: remove spec.hostIPC or set it to false.',
  },
  docs: {
    summary: 'With hostIPC the containers share System V IPC objects and POSIX message queues with every process '
      + 'on the node: they can read or corrupt the shared memory of host processes and of other pods using '
      + 'the host IPC namespace. Both Pod Security levels forbid it.',
    remediation: 'Remove `hostIPC: true` from the pod spec (or set it to false). Containers of one pod already share '
      + 'an IPC namespace; use a shared `emptyDir` with `medium: Memory` for shared memory.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {hostIPC: true, containers: [{name: app, image: nginx:1.27}]}
`,
    correct: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec: {hostIPC: false, containers: [{name: app, image: nginx:1.27}]}
`,
  },
  // `false` replaces `true` where it is written (the API default, so the same as removing the
  // key): the line and its comment stay, and the change reads as a decision in review.
  // Never safe: a program sharing memory with processes on the node asked for it.
  fix: { safety: 'unsafe', risk: 'a program sharing memory with processes on the node stops working' },
  checkPod({ pod, report }) {
    const v = pod.field('hostIPC');
    if (isTrue(v)) report({ messageId: 'hostIPC', at: v!.value, fix: setInPod(pod, ['hostIPC'], false) });
  },
});
