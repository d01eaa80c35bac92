import { getMap, get, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { SYSTEM_NAMESPACES } from '../../workspace/domains/network';
import { NAMESPACE_ONLY } from '../../workspace/reads';

export default defineRule({
  id: 'disallow-sidecar-injection-opt-out',
  title: 'Pods do not opt out of their namespace\'s service mesh',
  category: 'network',
  // Some pods opt out for good reasons (Jobs with older Istio, node agents): a note, not an alarm.
  severity: 'info',
  pss: null,
  level: 'restricted',
  covers: ['MESH03'],
  equivalents: {},
  messages: {
    istio: '{{kind}} "{{name}}" opts its pods out of Istio sidecar injection, which namespace "{{namespace}}" '
      + 'enables: their traffic bypasses mutual TLS and authorization policies. Remove the '
      + 'sidecar.istio.io/inject {{where}}.',
    linkerd: '{{kind}} "{{name}}" opts its pods out of Linkerd proxy injection, which namespace "{{namespace}}" '
      + 'enables: their traffic bypasses mutual TLS and policies. Remove the linkerd.io/inject annotation.',
  },
  docs: {
    summary: 'A namespace labelled for sidecar injection (Istio `istio-injection: enabled` or `istio.io/rev`, '
      + 'Linkerd `linkerd.io/inject: enabled` annotation) puts every pod in the mesh, so their connections '
      + 'are encrypted, authenticated and subject to the mesh\'s authorization policies. A pod template that '
      + 'opts out (`sidecar.istio.io/inject: "false"` as label or annotation, `linkerd.io/inject: disabled`) '
      + 'talks in plain text and, under a STRICT PeerAuthentication, can no longer reach meshed services '
      + 'except through permissive exceptions. Reported only when the Namespace object is in the workspace. A '
      + 'pod naming no namespace is not judged: where it lands is decided at apply time.',
    remediation: 'Remove the opt-out from the pod template. If the pod cannot run a sidecar (a Job on an old Istio, a '
      + 'host-network agent), consider Istio ambient mode or native sidecars, and keep the exception '
      + 'documented.',
    references: ['https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/', 'https://linkerd.io/2/features/proxy-injection/'],
  },
  examples: {
    incorrect: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  namespace: shop
spec:
  template:
    metadata:
      annotations: {sidecar.istio.io/inject: "false"}
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: migrate:1.0
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
`,
    correct: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
  namespace: shop
spec:
  template:
    metadata:
      annotations: {linkerd.io/inject: disabled}
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: migrate:1.0
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
`,
  },
  fix: null,
  workspaceReads: NAMESPACE_ONLY,
  checkPod({ object, pod, workspace: { index, self }, report }) {
    if (object.kind === 'PodTemplate') return;
    const ns = index.namespaceOf(self);
    const nsObject = index.namespaceObject(ns);
    // A pod naming no namespace is applied wherever `kubectl -n` says: "default" is only a guess.
    if (!nsObject || SYSTEM_NAMESPACES.has(ns) || index.namespaceGuessed(self)) return;
    const data = { kind: object.kind, name: object.name ?? '(unnamed)', namespace: ns };
    const labels = getMap(pod.metadata, 'labels', object.doc);
    const annotations = getMap(pod.metadata, 'annotations', object.doc);
    const istioLabel = nsObject.labels['istio-injection'];
    // `istio-injection` wins over `istio.io/rev`; `disabled` turns injection off for the namespace.
    const istio = istioLabel !== undefined ? istioLabel === 'enabled' : !!nsObject.labels['istio.io/rev'];
    if (istio) {
      // Istio reads the label first (the annotation is its older form): one finding per pod template.
      const label = get(labels, 'sidecar.istio.io/inject', object.doc);
      const annotation = get(annotations, 'sidecar.istio.io/inject', object.doc);
      const [where, v] = label ? ['label', label] : ['annotation', annotation];
      if (str(v) === 'false') {
        report({ messageId: 'istio', data: { ...data, where }, at: v!.value, related: [{ ref: nsObject, message: `Namespace "${ns}" enables Istio sidecar injection.` }] });
      }
    }
    if (nsObject.annotations?.['linkerd.io/inject'] === 'enabled') {
      const v = get(annotations, 'linkerd.io/inject', object.doc);
      if (str(v) === 'disabled') {
        report({ messageId: 'linkerd', data, at: v!.value, related: [{ ref: nsObject, message: `Namespace "${ns}" enables Linkerd proxy injection.` }] });
      }
    }
  },
});
