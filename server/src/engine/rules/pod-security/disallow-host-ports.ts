import { removeFrom, titleLabel } from '../../fix/workload';
import { get, num } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-host-ports',
  title: 'Containers must not bind host ports',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'baseline', check: 'hostPorts', since: 0 },
  covers: ['B08'],
  equivalents: {
    pss: ['hostPorts'], checkov: ['CKV_K8S_26'], trivy: ['KSV024'], kubescape: ['C-0044'], polaris: ['hostPortSet'],
  },
  messages: {
    hostPort: '{{container}} binds host port {{port}}: remove ports[].hostPort (or set it to 0) and expose the port through a Service.',
  },
  docs: {
    summary: 'A hostPort opens the port on the node\'s own address and forwards it to the container, bypassing '
      + 'Services and NetworkPolicies; it also pins the pod to nodes where the port is free. Both Pod '
      + 'Security levels forbid host ports other than 0.',
    remediation: 'Remove `hostPort` from the container\'s `ports` (or set it to 0), keep `containerPort`, and publish '
      + 'the port with a Service (NodePort or LoadBalancer when it must be reached from outside the cluster).',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/services-networking/service/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: dns
    image: coredns:1.11
    ports:
    - hostPort: 53  # legacy node-local DNS
      containerPort: 53
      protocol: UDP
    - {containerPort: 9153, hostPort: 9153, name: metrics}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: dns
    image: coredns:1.11
    ports:
    - containerPort: 53
      protocol: UDP
    - {containerPort: 9153, name: metrics}
`,
  },
  // Removing hostPort keeps containerPort, which is all other pods and Services need. (Under
  // hostNetwork the API fills hostPort in again from containerPort; disallow-host-network reports
  // that.) A `hostIP` stays: without a hostPort it binds nothing.
  // Never safe: an ingress controller or node agent reached on the node's address loses its clients.
  fix: { safety: 'unsafe', risk: 'clients that reach the pod on the node\'s address lose it' },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      for (const port of c.ports()) {
        const hostPort = get(port, 'hostPort', pod.doc);
        // 0 is the API's "unset"; a string is not a valid int32, so the API would refuse the pod.
        const n = num(hostPort);
        if (n === undefined || n === 0) continue;
        const fix = removeFrom(port, 'hostPort', `Remove hostPort ${n} from ${titleLabel(c)}`);
        report({ messageId: 'hostPort', data: { container: c.label, port: n }, at: hostPort!.value, fix });
      }
    }
  },
});
