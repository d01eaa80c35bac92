import { get, num } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-privileged-ports',
  title: 'Containers should listen on ports above 1023',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H18'],
  equivalents: { kubeLinter: ['privileged-ports'], trivy: ['KSV117'] },
  messages: {
    port: '{{container}} declares containerPort {{port}}, below 1024: listen on a port above 1023 and map it in the Service (targetPort).',
  },
  defaultReason: 'Info and opt-in (as in kube-linter): the declaration is informational, and many images run as '
    + 'non-root with NET_BIND_SERVICE or ip_unprivileged_port_start.',
  docs: {
    summary: 'Binding a port below 1024 needs root or NET_BIND_SERVICE, so a container that declares one usually '
      + 'runs as root or keeps a capability it would not otherwise need.',
    remediation: 'Have the program listen on a port above 1023 (8080, 8443) and expose the usual port through the Service: `port: 80`, `targetPort: 8080`.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service'],
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
    ports:
    - containerPort: 80
    - {name: https, containerPort: 443}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 8080
    - containerPort: 1024
`,
  },
  fix: null, // the program's listening port changes with it
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      for (const entry of c.ports()) {
        const p = get(entry, 'containerPort', pod.doc);
        const port = num(p);
        if (port !== undefined && port > 0 && port < 1024) report({ messageId: 'port', data: { container: c.label, port }, at: p!.value });
      }
    }
  },
});
