import { ruleTester } from '../../helpers/rule-tester';

const crb = (role: string, sa = 'kubernetes-dashboard') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: dashboard-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n- kind: ServiceAccount\n  name: ${sa}\n  namespace: kubernetes-dashboard\n`;

const METRICS = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: kubernetes-dashboard\nrules:\n- apiGroups: ["metrics.k8s.io"]\n  resources: ["pods", "nodes"]\n  verbs: ["get", "list", "watch"]\n';

ruleTester('disallow-dashboard-rbac', {
  valid: [
    { name: 'the Dashboard\'s own metrics role', code: crb('kubernetes-dashboard'), files: { 'dashboard.yaml': METRICS } },
    { name: 'view is harmless', code: crb('view') },
    { name: 'another ServiceAccount', code: crb('cluster-admin', 'ops') },
  ],
  invalid: [
    {
      name: 'the tutorial shortcut: cluster-admin for the Dashboard',
      code: crb('cluster-admin'),
      errors: [{
        messageId: 'dashboard', line: 11, column: 9, endLine: 11, endColumn: 29, severity: 'warning', covers: ['RB31'],
        message: 'ClusterRoleBinding "dashboard-admin" gives the Dashboard\'s ServiceAccount "kubernetes-dashboard" ClusterRole "cluster-admin", which grants every verb on every resource of every API group: anyone who reaches the Dashboard (or skips its login) acts with these rights. Keep the Dashboard\'s own minimal role and let users log in with their own token.',
      }],
    },
    {
      name: 'a chart-named ServiceAccount with a role of the workspace that reads Secrets',
      code: crb('dashboard-secrets', 'kubernetes-dashboard-web'),
      files: { 'role.yaml': METRICS.replace('name: kubernetes-dashboard', 'name: dashboard-secrets').replace('["metrics.k8s.io"]', '[""]').replace('"pods", "nodes"', '"secrets"') },
      errors: [{
        messageId: 'dashboard', line: 11, column: 9, endLine: 11, endColumn: 33,
        data: { kind: 'ClusterRoleBinding', name: 'dashboard-admin', sa: 'kubernetes-dashboard-web', role: 'ClusterRole "dashboard-secrets"', grants: '"get", "list", "watch" on "secrets"' },
        related: [{ file: 'role.yaml', line: 7, column: 15, endLine: 7, endColumn: 24, message: 'ClusterRole "dashboard-secrets" grants "get", "list", "watch" on "secrets": can read every Secret (RB05).' }],
      }],
    },
  ],
});
