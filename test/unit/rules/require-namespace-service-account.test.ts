import { ruleTester } from '../../helpers/rule-tester';

const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const sa = (meta: string) => `---\napiVersion: v1\nkind: ServiceAccount\nmetadata: ${meta}\nautomountServiceAccountToken: false\n`;
const deploy = (namespace: string, sa?: string) => [
  'apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: web, namespace: ${namespace}}`, 'spec:', '  template:', '    spec:',
  ...(sa ? [`      serviceAccountName: ${sa}`] : []), '      containers: [{name: app, image: nginx:1.27}]', '',
].join('\n');

ruleTester('require-namespace-service-account', {
  valid: [
    { name: 'a ServiceAccount in the namespace', code: ns + sa('{name: web, namespace: shop}') },
    { name: 'a ServiceAccount placed in it by a kustomization', code: ns, files: { 'app/sa.yaml': sa('{name: web}').slice(4), 'app/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources: [sa.yaml]\n' } },
    { name: 'a workload names a ServiceAccount defined elsewhere', code: ns, files: { 'web.yaml': deploy('shop', 'web') } },
    { name: 'a ServiceAccount naming no namespace in the Namespace object\'s folder', code: ns, files: { 'sa.yaml': sa('{name: web}').slice(4) } },
    { name: 'a kustomize patch of the Namespace', code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {team: a}}\n', files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [base.yaml]\npatches: [{path: case.yaml}]\n' } },
  ],
  invalid: [
    {
      name: 'only default, or ServiceAccounts of other namespaces',
      code: ns + sa('{name: default, namespace: shop}') + sa('{name: web, namespace: other}'),
      errors: [{
        messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, data: { name: 'shop' },
        message: 'Namespace "shop" has no ServiceAccount besides "default" in the workspace: its pods run with the shared default identity; add a ServiceAccount per workload (with automountServiceAccountToken: false) and name it in serviceAccountName.',
      }],
    },
    {
      name: 'workloads run as default (explicitly or not), one in another namespace names its own',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: "shop", labels: {team: a}}\n',
      files: { 'a.yaml': deploy('shop', 'default'), 'b.yaml': deploy('shop'), 'c.yaml': deploy('other', 'web') },
      errors: [{ messageId: 'missing', line: 3, column: 18, endLine: 3, endColumn: 24 }],
    },
  ],
});
