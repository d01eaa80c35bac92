import { get, getMap } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-naked-pods',
  title: 'Pods should be managed by a controller',
  category: 'namespaces',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['NS03'],
  equivalents: { kubescape: ['C-0073'] },
  kinds: ['Pod'],
  messages: {
    naked: 'Pod "{{name}}" has no controller: it is not rescheduled when its node fails; run it from a Deployment, StatefulSet, DaemonSet or Job.',
  },
  defaultReason: 'Info and opt-in: one-off debugging pods, examples and tests are legitimately written as bare Pods.',
  docs: {
    summary: 'A Pod created on its own (no ownerReferences) is never recreated when its node drains or fails, and '
      + 'it escapes the rollout history and policies applied to controllers.',
    remediation: 'Wrap the pod spec in a Deployment (or StatefulSet, DaemonSet, Job) template.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/configuration/overview/#naked-pods-vs-replicasets-deployments-and-jobs'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
  ownerReferences:
  - apiVersion: apps/v1
    kind: ReplicaSet
    name: web-6d4cf56db6
    uid: 0b0c0f7e-1111-2222-3333-444455556666
    controller: true
spec:
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== '') return;
    if (get(getMap(object.node, 'metadata', object.doc), 'ownerReferences', object.doc)) return;
    const kind = get(object.node, 'kind', object.doc);
    if (kind) report({ messageId: 'naked', data: { name: object.name ?? '(unnamed)' }, at: kind.value });
  },
});
