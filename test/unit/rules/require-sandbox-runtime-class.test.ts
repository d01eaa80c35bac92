import { ruleTester } from '../../helpers/rule-tester';

const deploy = (labels: string, spec: string[] = [], namespace = 'jobs') => [
  'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: runner, namespace: ${namespace}}`, 'spec:', '  template:',
  `    metadata: {labels: ${labels}}`, '    spec:', ...spec, '      containers:', '      - name: app', '        image: runner:1.0', '',
].join('\n');
const marked = '{app: runner, kube-harden.io/untrusted: "true"}';
const runtimeClass = (name: string, handler: string) => `apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: ${name}}\nhandler: ${handler}\n`;
const settings = { sandbox: { untrustedLabels: { trust: 'untrusted' }, untrustedNamespaces: ['tenants'], runtimeClasses: ['microvm'] } };

ruleTester('require-sandbox-runtime-class', {
  valid: [
    { name: 'not marked untrusted', code: deploy('{app: runner}') },
    { name: 'the marker on the Deployment itself, not on its pods', code: deploy('{app: runner}').replace('namespace: jobs}', 'namespace: jobs, labels: {kube-harden.io/untrusted: "true"}}') },
    { name: 'marker with another value', code: deploy('{kube-harden.io/untrusted: "false"}') },
    { name: 'gVisor', code: deploy(marked, ['      runtimeClassName: gvisor']) },
    { name: 'Kata with a hypervisor suffix', code: deploy(marked, ['      runtimeClassName: kata-qemu']) },
    { name: 'a configured class', code: deploy('{trust: untrusted}', ['      runtimeClassName: microvm']), settings },
    { name: 'a class of the workspace whose handler is runsc', code: deploy(marked, ['      runtimeClassName: sandboxed']), files: { 'rc.yaml': runtimeClass('sandboxed', 'runsc') } },
    { name: 'configured labels only count when configured', code: deploy('{trust: untrusted}') },
    { name: 'a kustomize patch that sets no runtimeClassName', code: deploy(marked), files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base.yaml]\npatches: [{path: case.yaml}]\n' } },
    { name: 'Windows pods', code: deploy(marked, ['      os: {name: windows}']) },
  ],
  invalid: [
    {
      name: 'marked untrusted, no runtimeClassName: reported at the template spec key',
      code: deploy(marked),
      errors: [{
        messageId: 'missing', line: 7, column: 5, endLine: 7, endColumn: 9,
        message: 'The pod is untrusted (label kube-harden.io/untrusted=true) but sets no runtimeClassName: it shares the node\'s kernel; set runtimeClassName to a gVisor or Kata RuntimeClass (gvisor, kata).',
        suggestions: [
          { title: 'Set runtimeClassName: gvisor in the pod spec', output: `${deploy(marked)}      runtimeClassName: gvisor\n` },
          { title: 'Set runtimeClassName: kata in the pod spec', output: `${deploy(marked)}      runtimeClassName: kata\n` },
        ],
      }],
    },
    {
      name: 'runc for a pod in an untrusted namespace; the configured class is suggested',
      code: deploy('{app: runner}', ['      runtimeClassName: runc  # default'], 'tenants'),
      settings,
      errors: [{
        messageId: 'notSandbox', line: 8, column: 25, endLine: 8, endColumn: 29,
        message: 'runtimeClassName "runc" is not a sandboxed runtime, and the pod is untrusted (namespace "tenants" is in kubeHarden.sandbox.untrustedNamespaces): use a gVisor or Kata RuntimeClass (microvm).',
        suggestions: [{ title: 'Set runtimeClassName: microvm in the pod spec', output: deploy('{app: runner}', ['      runtimeClassName: microvm  # default'], 'tenants') }],
      }],
    },
    {
      name: 'a kustomize patch is judged on the runtimeClassName it sets',
      code: deploy(marked, ['      runtimeClassName: runc']),
      files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base.yaml]\npatches: [{path: case.yaml}]\n' },
      errors: [{
        messageId: 'notSandbox', line: 8, column: 25, endLine: 8, endColumn: 29,
        suggestions: [
          { title: 'Set runtimeClassName: gvisor in the pod spec', output: deploy(marked, ['      runtimeClassName: gvisor']) },
          { title: 'Set runtimeClassName: kata in the pod spec', output: deploy(marked, ['      runtimeClassName: kata']) },
        ],
      }],
    },
    {
      name: 'a class named gvisor whose handler is runc; the workspace sandbox is suggested',
      code: deploy('{trust: untrusted}', ['      runtimeClassName: gvisor']),
      settings: { sandbox: { untrustedLabels: { trust: 'untrusted' }, untrustedNamespaces: [], runtimeClasses: [] } },
      files: { 'gvisor.yaml': runtimeClass('gvisor', 'runc'), 'kata.yaml': runtimeClass('vm', 'kata-clh') },
      errors: [{
        messageId: 'notSandbox', line: 8, column: 25, endLine: 8, endColumn: 31, data: { name: 'gvisor', why: 'label trust=untrusted', classes: 'vm' },
        suggestions: [{ title: 'Set runtimeClassName: vm in the pod spec', output: deploy('{trust: untrusted}', ['      runtimeClassName: vm']) }],
      }],
    },
    {
      name: 'a bare Pod labelled by the marker, flow-style spec',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  labels: {kube-harden.io/untrusted: "true"}\nspec: {containers: [{name: a, image: agent:1}]}\n',
      errors: [{
        messageId: 'missing', line: 6, column: 1, endLine: 6, endColumn: 5,
        suggestions: [
          { title: 'Set runtimeClassName: gvisor in the pod spec', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  labels: {kube-harden.io/untrusted: "true"}\nspec: {containers: [{name: a, image: agent:1}], runtimeClassName: gvisor}\n' },
          { title: 'Set runtimeClassName: kata in the pod spec', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\n  labels: {kube-harden.io/untrusted: "true"}\nspec: {containers: [{name: a, image: agent:1}], runtimeClassName: kata}\n' },
        ],
      }],
    },
  ],
});
