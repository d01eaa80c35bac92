import { podSpecOf } from '../../model/workload';
import { get, getIn, getMap, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

const CONTROL_PLANE = new Set(['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler']);

export default defineRule({
  id: 'disallow-kube-system-workloads',
  title: 'User workloads must not run in kube-system',
  category: 'namespaces',
  severity: 'warning',
  pss: null,
  covers: ['NS02'],
  equivalents: { trivy: ['KSV037'] },
  messages: {
    kubeSystem: '{{kind}} "{{name}}" runs in kube-system: deploy it to a namespace of its own.',
  },
  docs: {
    summary: 'kube-system holds the cluster\'s own components and their service accounts and secrets; it is '
      + 'usually exempt from Pod Security admission and policy engines. A workload deployed there shares that '
      + 'trust and escapes the policies of ordinary namespaces. Control-plane static pods (label `tier: '
      + 'control-plane` and `component` kube-apiserver, etcd, kube-controller-manager or kube-scheduler) are '
      + 'not reported. On by default.',
    remediation: 'Set `metadata.namespace` to a dedicated namespace for the workload, with its own Pod Security labels, NetworkPolicies and RBAC.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: kube-system
spec:
  template:
    metadata:
      labels: {tier: control-plane, component: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver-node1
  namespace: kube-system
  labels: {tier: control-plane, component: kube-apiserver}
spec:
  containers:
  - name: kube-apiserver
    image: registry.k8s.io/kube-apiserver:v1.31.0
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: kube-system
`,
  },
  fix: null, // moving a workload between namespaces moves its RBAC, secrets and Services too
  checkObject({ object, report }) {
    const pod = podSpecOf(object);
    if (!pod || object.namespace !== 'kube-system') return;
    const labels = getMap(pod.metadata, 'labels', object.doc);
    const component = str(get(labels, 'component', object.doc));
    if (str(get(labels, 'tier', object.doc)) === 'control-plane' && component !== undefined && CONTROL_PLANE.has(component)) return;
    const at = getIn(object.node, ['metadata', 'namespace'], object.doc);
    if (at) report({ messageId: 'kubeSystem', data: { kind: object.kind, name: object.name ?? '(unnamed)' }, at: at.value });
  },
});
