import { WEB_IN_SHOP, webReaderBinding } from '../../helpers/rbac';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = WEB_IN_SHOP;

const WEB_NO_TOKEN = WEB.replace('        image: nginx:1.27\n', '        image: nginx:1.27\n      automountServiceAccountToken: false\n');

const BINDING = webReaderBinding();

const SA = (extra = '') => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n${extra}`;
const SUGGESTION = { title: 'Set automountServiceAccountToken: false in the pod spec', output: WEB_NO_TOKEN };
const RELATED = { file: 'rbac.yaml', line: 4, column: 9, endLine: 4, endColumn: 19, message: 'RoleBinding "web-reader" binds Role "reader" to ServiceAccount "web".' };

ruleTester('disallow-automounted-token-with-rbac', {
  valid: [
    { name: 'no binding names the ServiceAccount', code: WEB },
    { name: 'a binding of another namespace\'s ServiceAccount', code: WEB, files: { 'rbac.yaml': BINDING.replace(/namespace: shop/, 'namespace: prod') } },
    { name: 'the pod does not mount the token', code: WEB_NO_TOKEN, files: { 'rbac.yaml': BINDING } },
    { name: 'the ServiceAccount does not automount', code: WEB, files: { 'rbac.yaml': BINDING, 'sa.yaml': SA('automountServiceAccountToken: false\n') } },
    { name: 'system:authenticated is every identity: left to the broad-subject rule', code: WEB, files: { 'rbac.yaml': BINDING.replace('- kind: ServiceAccount\n  name: web', '- kind: Group\n  name: system:authenticated') } },
  ],
  invalid: [
    {
      name: 'a RoleBinding in another file names the ServiceAccount (no namespace: the binding\'s)',
      code: WEB,
      files: { 'rbac.yaml': BINDING },
      errors: [{
        messageId: 'mounted', line: 13, column: 27, endLine: 13, endColumn: 30, severity: 'warning', covers: ['SA08'],
        message: 'The pod of Deployment "web" mounts the token of ServiceAccount "web", which RoleBinding "web-reader" grants permissions: code running in any of its containers can use them. Set automountServiceAccountToken: false unless the application calls the Kubernetes API.',
        related: [RELATED],
        suggestions: [SUGGESTION],
      }],
    },
    {
      name: 'the ServiceAccount in the same file: it can be changed instead, for every pod using it',
      code: `${SA()}---\n${WEB}`,
      files: { 'rbac.yaml': BINDING },
      errors: [{
        messageId: 'mounted', line: 19, column: 27, endLine: 19, endColumn: 30, related: [RELATED],
        suggestions: [
          { title: SUGGESTION.title, output: `${SA()}---\n${WEB_NO_TOKEN}` },
          { title: 'Set automountServiceAccountToken: false on ServiceAccount "web"', output: `${SA('automountServiceAccountToken: false\n')}---\n${WEB}` },
        ],
      }],
    },
    {
      name: 'the pod\'s explicit true beside its ServiceAccount\'s false: the recommended opt-in, info only',
      code: WEB_NO_TOKEN.replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true'),
      files: { 'rbac.yaml': BINDING, 'sa.yaml': SA('automountServiceAccountToken: false\n') },
      errors: [{
        messageId: 'optedIn', line: 17, column: 37, endLine: 17, endColumn: 41, severity: 'info', related: [RELATED], suggestions: [SUGGESTION],
        message: 'The pod of Deployment "web" opts in to the token of ServiceAccount "web", which keeps it from other pods, and RoleBinding "web-reader" grants it permissions: keep them to what the application calls.',
      }],
    },
    {
      name: 'the default ServiceAccount, through the group of its namespace',
      code: WEB.replace('      serviceAccountName: web\n', ''),
      files: { 'rbac.yaml': BINDING.replace('- kind: ServiceAccount\n  name: web', '- kind: Group\n  name: system:serviceaccounts:shop') },
      errors: [{
        messageId: 'mounted', line: 12, column: 5, endLine: 12, endColumn: 9, data: { kind: 'Deployment', name: 'web', sa: 'default', bindings: 'RoleBinding "web-reader"', s: 's' },
        related: [{ ...RELATED, message: 'RoleBinding "web-reader" binds Role "reader" to group "system:serviceaccounts:shop".' }],
        suggestions: [{ title: SUGGESTION.title, output: WEB_NO_TOKEN.replace('      serviceAccountName: web\n', '') }],
      }],
    },
  ],
});
