import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const CRB = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: ops
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: cluster-admin
  subjects:
  - kind: Group
    name: ops
    apiGroup: rbac.authorization.k8s.io
`;

const RB = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: web
    namespace: shop
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: cluster-admin # too much
  subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
`;

const as = (text: string, name: string) => text.replace('name: cluster-admin', `name: ${name}`);

ruleTester('disallow-cluster-admin-binding', {
  valid: [
    as(CRB, 'view'),
    as(RB, 'edit'),
    { name: 'a Role named cluster-admin is not the built-in ClusterRole', code: RB.replace('kind: ClusterRole', 'kind: Role') },
    { name: 'not an RBAC binding', code: CRB.replace('rbac.authorization.k8s.io/v1', 'example.com/v1') },
  ],
  invalid: [
    {
      name: 'ClusterRoleBinding to cluster-admin',
      code: CRB,
      errors: [{
        messageId: 'clusterWide', line: 8, column: 9, endLine: 8, endColumn: 22, severity: 'error', covers: ['RB04'],
        data: { kind: 'ClusterRoleBinding', name: 'ops', namespace: 'default' },
        suggestions: [
          { title: 'Bind ClusterRole "view" instead of "cluster-admin"', output: as(CRB, 'view') },
          { title: 'Bind ClusterRole "edit" instead of "cluster-admin"', output: as(CRB, 'edit') },
        ],
      }],
    },
    {
      name: 'RoleBinding to cluster-admin: the namespace is named; the trailing comment survives the suggestion',
      code: RB,
      errors: [{
        messageId: 'namespaced', line: 9, column: 9, endLine: 9, endColumn: 22,
        data: { kind: 'RoleBinding', name: 'web', namespace: 'shop' },
        message: 'RoleBinding "web" binds ClusterRole "cluster-admin": its subjects hold every permission in namespace "shop", Roles and RoleBindings included. Bind a role limited to what they need (for example "edit" or "view").',
        suggestions: [
          { title: 'Bind ClusterRole "view" instead of "cluster-admin"', output: as(RB, 'view') },
          { title: 'Bind ClusterRole "edit" instead of "cluster-admin"', output: as(RB, 'edit') },
        ],
      }],
    },
    {
      name: 'a flow-style roleRef',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: User, name: alice}]\n',
      errors: [{
        messageId: 'clusterWide', line: 4, column: 73, endLine: 4, endColumn: 86,
        suggestions: [
          { title: 'Bind ClusterRole "view" instead of "cluster-admin"', output: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects: [{kind: User, name: alice}]\n' },
          { title: 'Bind ClusterRole "edit" instead of "cluster-admin"', output: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: ops}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}\nsubjects: [{kind: User, name: alice}]\n' },
        ],
      }],
    },
    {
      name: 'a ClusterRole named cluster-admin redefined in the workspace is pointed at',
      code: CRB,
      files: { 'roles.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cluster-admin\nrules: []\n' },
      errors: [{
        messageId: 'clusterWide', line: 8, column: 9, endLine: 8, endColumn: 22,
        related: [{ file: 'roles.yaml', line: 4, column: 9, endLine: 4, endColumn: 22, message: 'ClusterRole "cluster-admin" is defined here.' }],
        suggestions: [
          { title: 'Bind ClusterRole "view" instead of "cluster-admin"', output: as(CRB, 'view') },
          { title: 'Bind ClusterRole "edit" instead of "cluster-admin"', output: as(CRB, 'edit') },
        ],
      }],
    },
  ],
});
