import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const RB = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: reader
    namespace: shop
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: view
  subjects:
  - kind: ServiceAccount
    name: default
`;

ruleTester('disallow-default-service-account-binding', {
  valid: [
    RB.replace('name: default', 'name: web'),
    { name: 'a User named default is no ServiceAccount', code: RB.replace('kind: ServiceAccount', 'kind: User') },
    { name: 'a ClusterRoleBinding subject without namespace matches no ServiceAccount (the API rejects it)', code: RB.replace('kind: RoleBinding', 'kind: ClusterRoleBinding').replace('  namespace: shop\n', '') },
  ],
  invalid: [
    {
      name: 'a RoleBinding subject without namespace is the binding\'s namespace',
      code: RB,
      errors: [{
        messageId: 'defaultSa', line: 12, column: 9, endLine: 12, endColumn: 16, severity: 'warning', covers: ['SA04'],
        message: 'RoleBinding "reader" gives ClusterRole "view" to the "default" ServiceAccount of namespace "shop": every pod there that names no ServiceAccount gets it. Create a dedicated ServiceAccount for the workload that needs it and bind that instead.',
      }],
    },
    {
      name: 'a ClusterRoleBinding naming the namespace',
      code: `${RB.replace('kind: RoleBinding', 'kind: ClusterRoleBinding').replace('  namespace: shop\n', '')}  namespace: kube-system\n`,
      errors: [{ messageId: 'defaultSa', line: 11, column: 9, endLine: 11, endColumn: 16, data: { kind: 'ClusterRoleBinding', name: 'reader', role: 'ClusterRole "view"', namespace: 'kube-system' } }],
    },
    {
      name: 'the account named as the user its tokens authenticate as',
      code: RB.replace('- kind: ServiceAccount\n  name: default', '- kind: User\n  name: system:serviceaccount:prod:default'),
      errors: [{ messageId: 'defaultSa', line: 12, column: 9, endLine: 12, endColumn: 43, data: { kind: 'RoleBinding', name: 'reader', role: 'ClusterRole "view"', namespace: 'prod' } }],
    },
  ],
});
