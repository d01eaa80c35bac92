import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const ns = (meta: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n${meta}`;
const ISTIO = ns('  labels:\n    istio-injection: enabled\n');

const job = (metadata: string) => yaml`
  apiVersion: batch/v1
  kind: Job
  metadata:
    name: migrate
    namespace: shop
  spec:
    template:
      metadata:
        ${metadata}
      spec:
        restartPolicy: Never
        containers:
        - name: migrate
          image: migrate:1.0
`;

const OPT_OUT_ANNOTATION = job('annotations: {sidecar.istio.io/inject: "false"}');

ruleTester('disallow-sidecar-injection-opt-out', {
  valid: [
    { name: 'the namespace does not inject', code: OPT_OUT_ANNOTATION, files: { 'ns.yaml': ns('  labels:\n    istio-injection: disabled\n    istio.io/rev: canary\n') } },
    { name: 'the Namespace object is not in the workspace', code: OPT_OUT_ANNOTATION },
    {
      // `kubectl apply -n <ns>` decides where it lands: "default" is only a guess.
      name: 'a Job naming no namespace beside a default namespace labelled for injection',
      code: OPT_OUT_ANNOTATION.replace('  namespace: shop\n', ''),
      files: { 'ns.yaml': ISTIO.replace('name: shop', 'name: default') },
    },
    { name: 'injection kept', code: job('annotations: {sidecar.istio.io/inject: "true"}'), files: { 'ns.yaml': ISTIO } },
    { name: 'a Linkerd opt-out in an Istio namespace', code: job('annotations: {linkerd.io/inject: disabled}'), files: { 'ns.yaml': ISTIO } },
  ],
  invalid: [
    {
      name: 'an Istio opt-out annotation in a namespace labelled for injection, in another file',
      code: OPT_OUT_ANNOTATION,
      files: { 'ns.yaml': ISTIO },
      errors: [{
        messageId: 'istio', line: 9, column: 46, endLine: 9, endColumn: 53, severity: 'info', data: { kind: 'Job', name: 'migrate', namespace: 'shop', where: 'annotation' },
        related: [{ file: 'ns.yaml', line: 4, column: 9, endLine: 4, endColumn: 13, message: 'Namespace "shop" enables Istio sidecar injection.' }],
      }],
    },
    {
      name: 'the label form wins over the annotation, and a revision label enables injection',
      code: `${ns('  labels:\n    istio.io/rev: stable\n')}---\n${job('labels: {sidecar.istio.io/inject: "false"}\n        annotations: {sidecar.istio.io/inject: "false"}')}`,
      errors: [{
        messageId: 'istio', line: 16, column: 41, endLine: 16, endColumn: 48, data: { kind: 'Job', name: 'migrate', namespace: 'shop', where: 'label' },
        related: [{ file: 'case.yaml', line: 4, column: 9, endLine: 4, endColumn: 13, message: 'Namespace "shop" enables Istio sidecar injection.' }],
      }],
    },
    {
      name: 'a Linkerd opt-out where the Namespace annotation enables injection',
      code: job('annotations: {linkerd.io/inject: disabled}'),
      files: { 'ns.yaml': ns('  annotations:\n    linkerd.io/inject: enabled\n') },
      errors: [{
        messageId: 'linkerd', line: 9, column: 40, endLine: 9, endColumn: 48,
        related: [{ file: 'ns.yaml', line: 4, column: 9, endLine: 4, endColumn: 13, message: 'Namespace "shop" enables Linkerd proxy injection.' }],
      }],
    },
  ],
});
