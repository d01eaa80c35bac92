import { setInPod } from '../../fix/workload';
import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-host-network',
  title: 'Pods must not use the host network namespace',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'hostNamespaces', since: 0 },
  covers: ['B02'],
  equivalents: {
    pss: ['hostNamespaces'], kubeLinter: ['host-network'], checkov: ['CKV_K8S_19'], trivy: ['KSV009'],
    kubescape: ['C-0041'], polaris: ['hostNetworkSet'], kubesec: ['HostNetwork'],
  },
  messages: {
    hostNetwork: 'The pod shares the node\'s network namespace: remove spec.hostNetwork or set it to false.',
  },
  docs: {
    summary: 'With hostNetwork the pod sees every network interface of the node: it can listen on any node port, '
      + 'sniff traffic of other pods and reach services bound to localhost on the node (the kubelet, metadata '
      + 'endpoints), and NetworkPolicies no longer isolate it. Both Pod Security levels forbid it.',
    remediation: 'Remove `hostNetwork: true` from the pod spec (or set it to false) and expose the workload through a '
      + 'Service; use a NodePort or LoadBalancer Service when it must be reached from outside the cluster.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: false
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  // `false` replaces `true` where it is written (the API default, so the same as removing the
  // key): the line and its comment stay, and the change reads as a decision in review. Never
  // safe: CNI plugins, kube-proxy and node exporters need the node's network.
  fix: { safety: 'unsafe', risk: 'a node agent (CNI, kube-proxy, exporter) loses the node\'s network' },
  checkPod({ pod, report }) {
    const v = pod.field('hostNetwork');
    if (!isTrue(v)) return;
    // A Windows HostProcess pod must use the host network (the API rejects it otherwise): the fix
    // waits until disallow-windows-host-process has turned HostProcess off.
    const hostProcess = [pod, ...pod.containers].some(x => isTrue(x.sc('windowsOptions', 'hostProcess')));
    report({ messageId: 'hostNetwork', at: v!.value, fix: hostProcess ? undefined : setInPod(pod, ['hostNetwork'], false) });
  },
});
