import { yaml } from '../../helpers/manifest';
import { WEB_IN_SHOP } from '../../helpers/rbac';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = WEB_IN_SHOP.replace('      serviceAccountName: web\n', '      serviceAccountName: web\n      automountServiceAccountToken: false\n');

const binding = (kind: string, role: string) => yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: web-rights
    namespace: shop
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ${kind}
    name: ${role}
  subjects:
  - kind: ServiceAccount
    name: web
`;

const ROLE = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: deployer\n  namespace: shop\nrules:\n${rules}`;
const BINDING_RELATED = (role: string) => ({ file: 'rbac.yaml', line: 4, column: 9, endLine: 4, endColumn: 19, message: `RoleBinding "web-rights" binds ${role} to ServiceAccount "web".` });

ruleTester('disallow-service-account-admin-rights', {
  valid: [
    { name: 'bound to view', code: WEB, files: { 'rbac.yaml': binding('ClusterRole', 'view') } },
    { name: 'a role that reads Secrets but creates no pods', code: WEB, files: { 'rbac.yaml': binding('Role', 'deployer'), 'role.yaml': ROLE('- apiGroups: [""]\n  resources: [secrets]\n  verbs: [get]\n') } },
    { name: 'cluster-admin bound to another ServiceAccount', code: WEB, files: { 'rbac.yaml': binding('ClusterRole', 'cluster-admin').replace('name: web\n', 'name: ci\n') } },
  ],
  invalid: [
    {
      name: 'cluster-admin through a RoleBinding: the namespace is taken over',
      code: WEB,
      files: { 'rbac.yaml': binding('ClusterRole', 'cluster-admin') },
      errors: [{
        messageId: 'admin', line: 13, column: 27, endLine: 13, endColumn: 30, severity: 'error', covers: ['SA09'],
        message: 'The pod of Deployment "web" runs as ServiceAccount "web", which RoleBinding "web-rights" binds to ClusterRole "cluster-admin": every verb on every resource of every API group. Code running in the pod can take over namespace "shop". Give the workload a ServiceAccount bound only to what it needs.',
        related: [BINDING_RELATED('ClusterRole "cluster-admin"')],
      }],
    },
    {
      name: 'the built-in edit role impersonates service accounts and mints tokens',
      code: WEB,
      files: { 'rbac.yaml': binding('ClusterRole', 'edit') },
      errors: [{
        messageId: 'admin', line: 13, column: 27, endLine: 13, endColumn: 30,
        data: { kind: 'Deployment', name: 'web', sa: 'web', how: 'RoleBinding "web-rights" binds to ClusterRole "edit"', scope: 'namespace "shop"', grants: '"impersonate" on "serviceaccounts"; "create" on "serviceaccounts/token"; "create" on "pods"; and 1 more' },
        related: [BINDING_RELATED('ClusterRole "edit"')],
      }],
    },
    {
      name: 'a Role of the workspace creating pods and reading Secrets: both entries pointed at',
      code: WEB,
      files: { 'rbac.yaml': binding('Role', 'deployer'), 'role.yaml': ROLE('- apiGroups: [""]\n  resources: [pods, secrets]\n  verbs: [create, get]\n') },
      errors: [{
        messageId: 'admin', line: 13, column: 27, endLine: 13, endColumn: 30,
        data: { kind: 'Deployment', name: 'web', sa: 'web', how: 'RoleBinding "web-rights" binds to Role "deployer"', scope: 'namespace "shop"', grants: '"create" on "pods"; "get" on "secrets"' },
        related: [
          BINDING_RELATED('Role "deployer"'),
          { file: 'role.yaml', line: 8, column: 15, endLine: 8, endColumn: 19, message: 'Role "deployer" grants "create" on "pods": can run any pod, with any service account of the namespace and its Secrets (RB09).' },
          { file: 'role.yaml', line: 8, column: 21, endLine: 8, endColumn: 28, message: 'Role "deployer" grants "get" on "secrets": can read every Secret (RB05).' },
        ],
      }],
    },
    {
      name: 'through the group of every service account of the namespace',
      code: WEB,
      files: { 'rbac.yaml': binding('ClusterRole', 'cluster-admin').replace('- kind: ServiceAccount\n  name: web', '- kind: Group\n  name: system:serviceaccounts:shop') },
      errors: [{
        messageId: 'admin', line: 13, column: 27, endLine: 13, endColumn: 30,
        related: [{ ...BINDING_RELATED('ClusterRole "cluster-admin"'), message: 'RoleBinding "web-rights" binds ClusterRole "cluster-admin" to group "system:serviceaccounts:shop".' }],
      }],
    },
    {
      name: 'the default ServiceAccount bound cluster-wide to escalate: reported where serviceAccountName would go',
      code: WEB.replace('      serviceAccountName: web\n', ''),
      files: {
        'rbac.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: escalator\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: escalator}\nsubjects: [{kind: ServiceAccount, name: default, namespace: shop}]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: escalator\nrules:\n- apiGroups: [rbac.authorization.k8s.io]\n  resources: [clusterroles]\n  verbs: [escalate, update]\n',
      },
      errors: [{
        messageId: 'admin', line: 12, column: 5, endLine: 12, endColumn: 9,
        data: { kind: 'Deployment', name: 'web', sa: 'default', how: 'ClusterRoleBinding "escalator" binds to ClusterRole "escalator"', scope: 'the cluster', grants: '"escalate" on "clusterroles"' },
        related: [
          { file: 'rbac.yaml', line: 4, column: 9, endLine: 4, endColumn: 18, message: 'ClusterRoleBinding "escalator" binds ClusterRole "escalator" to ServiceAccount "default".' },
          { file: 'rbac.yaml', line: 15, column: 11, endLine: 15, endColumn: 19, message: 'ClusterRole "escalator" grants "escalate" on "clusterroles": can write permissions it does not hold into roles (RB11).' },
        ],
      }],
    },
  ],
});
