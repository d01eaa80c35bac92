import { get, num } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-ssh-port',
  title: 'Containers must not expose SSH',
  category: 'workload-hardening',
  severity: 'warning',
  pss: null,
  covers: ['H19'],
  equivalents: { kubeLinter: ['ssh-port'], kubescape: ['C-0042'] },
  messages: {
    ssh: '{{container}} declares containerPort {{port}} (SSH): remove the SSH server; use kubectl exec or an ephemeral debug container.',
  },
  docs: {
    summary: 'An SSH server in a container is a second, unaudited way in: its own keys and passwords, outside Kubernetes RBAC and audit logs. Reported for containerPort 22 (kube-linter) and 2222, the usual unprivileged SSH port. Services that forward port 22 or 2222 to a workload (Kubescape) are not followed yet. On by default.',
    remediation: 'Remove the SSH server and the port. For interactive access use `kubectl exec` or `kubectl debug` (ephemeral containers), which RBAC controls and the audit log records.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/debug/debug-application/debug-running-pod/#ephemeral-container'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: s
spec:
  template:
    spec:
      containers:
      - name: box
        image: box:1.0
        ports:
        - containerPort: 22
        - containerPort: 2222
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
    - containerPort: 8022
`,
  },
  fix: null, // the image still runs sshd
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      for (const entry of c.ports()) {
        const p = get(entry, 'containerPort', pod.doc);
        const port = num(p);
        if (port === 22 || port === 2222) report({ messageId: 'ssh', data: { container: c.label, port }, at: p!.value });
      }
    }
  },
});
