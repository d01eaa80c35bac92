import { isMap } from 'yaml';
import { isSshPort } from '../../model/ssh-ports';
import { get, getMap, getSeq, num, seqItems, str } from '../../model/yaml-nav';
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
    service: 'Service "{{name}}" forwards {{what}} (SSH) to its pods: remove the SSH server and this port; use kubectl exec or an ephemeral debug container.',
  },
  docs: {
    summary: 'An SSH server in a container is a second, unaudited way in: its own keys and passwords, outside '
      + 'Kubernetes RBAC and audit logs. Reported for containerPort 22 and for ports named `ssh`, in '
      + 'containers and in Services (as Kubescape follows Services: a Service port 22, or one forwarding to '
      + 'target port 22 or `ssh`). Port 2222 is not reported, as in kube-linter: it is the usual port of '
      + 'applications that serve git over their own SSH (Gitea, Forgejo, gitlab-shell), not a shell into the '
      + 'container. On by default.',
    remediation: 'Remove the SSH server and the port. For interactive access use `kubectl exec` or `kubectl debug` '
      + '(ephemeral containers), which RBAC controls and the audit log records.',
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
        if (p && isSshPort(port, str(get(entry, 'name', pod.doc)))) report({ messageId: 'ssh', data: { container: c.label, port: port ?? str(p) ?? '' }, at: p.value });
      }
    }
  },
  checkObject({ object, report }) {
    if (object.kind !== 'Service' || object.group !== '') return;
    const { doc } = object;
    for (const item of seqItems(getSeq(getMap(object.node, 'spec', doc), 'ports', doc), doc)) {
      if (!isMap(item.value)) continue;
      const port = get(item.value, 'port', doc);
      const target = get(item.value, 'targetPort', doc);
      const targetNumber = num(target);
      const targetName = targetNumber === undefined ? str(target) : undefined;
      const data = { name: object.name ?? '(unnamed)' };
      if (port && isSshPort(num(port), str(get(item.value, 'name', doc)))) report({ messageId: 'service', data: { ...data, what: `port ${str(port)}` }, at: port.value });
      else if (target && isSshPort(targetNumber, targetName)) report({ messageId: 'service', data: { ...data, what: `port ${str(port) ?? '?'} to target port ${str(target)}` }, at: target.value });
    }
  },
});
