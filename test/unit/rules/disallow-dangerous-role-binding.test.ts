import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const SECRET_READER = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: secret-reader
    namespace: shop
  rules:
  - apiGroups: [""]
    resources: ["secrets"]
    verbs: ["get", "list"]
`;

const BINDING = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: web-secrets
    namespace: shop
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: Role
    name: secret-reader
  subjects:
  - kind: ServiceAccount
    name: web
`;

const CRB = (role: string, subject = '- kind: ServiceAccount\n  name: agent\n  namespace: ops\n') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: agent\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: ${role}\nsubjects:\n${subject}`;

const MONITORING = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: monitoring
  aggregationRule:
    clusterRoleSelectors:
    - matchLabels:
        example.com/aggregate-to-monitoring: "true"
  rules: [] # filled in by the controller manager
`;

const MONITORING_PARTS = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: monitoring-pods
    labels:
      example.com/aggregate-to-monitoring: "true"
  rules:
  - apiGroups: [""]
    resources: ["pods", "services"]
    verbs: ["get", "list", "watch"]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRole
  metadata:
    name: monitoring-exec
    labels:
      example.com/aggregate-to-monitoring: "true"
  rules:
  - apiGroups: [""]
    resources: ["pods/exec"]
    verbs: ["create"]
`;

const EXEC_IMPACT = 'can run commands in any pod, with its service account token and Secrets';

ruleTester('disallow-dangerous-role-binding', {
  valid: [
    { name: 'a role granting reads of pods only', code: BINDING, files: { 'roles.yaml': SECRET_READER.replace('"secrets"', '"pods"') } },
    { name: 'a Secret named in resourceNames', code: BINDING, files: { 'roles.yaml': SECRET_READER.replace('verbs:', 'resourceNames: ["web-tls"]\n  verbs:') } },
    { name: 'the Role lives in another namespace: not the one bound', code: BINDING, files: { 'roles.yaml': SECRET_READER.replace('namespace: shop', 'namespace: prod') } },
    { name: 'a role not in the workspace is not judged', code: BINDING },
    { name: 'the built-in view role grants no Secret', code: CRB('view') },
    { name: 'cluster-admin is left to its own rule', code: CRB('cluster-admin') },
    { name: 'a binding without subjects grants nothing', code: BINDING.replace(/subjects:[\s\S]*$/, 'subjects: []\n'), files: { 'roles.yaml': SECRET_READER } },
    {
      name: 'a RoleBinding hands out a ClusterRole in its namespace only: cluster-scoped grants do not count',
      code: BINDING.replace('kind: Role\n', 'kind: ClusterRole\n').replace('secret-reader', 'pv-maker'),
      files: { 'roles.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: pv-maker\nrules:\n- apiGroups: [""]\n  resources: ["persistentvolumes"]\n  verbs: ["create"]\n' },
    },
  ],
  invalid: [
    {
      name: 'the Role in another file is read; the entry granting Secrets is pointed at',
      code: BINDING,
      files: { 'roles.yaml': SECRET_READER },
      errors: [{
        messageId: 'dangerous', line: 9, column: 9, endLine: 9, endColumn: 22, severity: 'warning', covers: ['RB05'],
        message: 'RoleBinding "web-secrets" gives ServiceAccount "shop/web" Role "secret-reader" in namespace "shop", which grants "get", "list" on "secrets" (can read every Secret). Bind a role that grants only what they need.',
        related: [{ file: 'roles.yaml', line: 8, column: 15, endLine: 8, endColumn: 24, message: 'Role "secret-reader" grants "get", "list" on "secrets": can read every Secret (RB05).' }],
      }],
    },
    {
      name: 'a broad group as subject makes it an error',
      code: BINDING.replace('- kind: ServiceAccount\n  name: web', '- kind: Group\n  name: system:serviceaccounts:shop'),
      files: { 'roles.yaml': SECRET_READER },
      errors: [{
        messageId: 'dangerous', line: 9, column: 9, endLine: 9, endColumn: 22, severity: 'error',
        data: { kind: 'RoleBinding', name: 'web-secrets', role: 'Role "secret-reader"', scope: ' in namespace "shop"', subjects: 'Group "system:serviceaccounts:shop"', grants: '"get", "list" on "secrets" (can read every Secret)' },
        related: [{ file: 'roles.yaml', line: 8, column: 15, endLine: 8, endColumn: 24, message: 'Role "secret-reader" grants "get", "list" on "secrets": can read every Secret (RB05).' }],
      }],
    },
    {
      name: 'the anonymous user as subject is broad too',
      code: BINDING.replace('- kind: ServiceAccount\n  name: web', '- kind: User\n  name: system:anonymous'),
      files: { 'roles.yaml': SECRET_READER },
      errors: [{
        messageId: 'dangerous', line: 9, column: 9, endLine: 9, endColumn: 22, severity: 'error',
        related: [{ file: 'roles.yaml', line: 8, column: 15, endLine: 8, endColumn: 24, message: 'Role "secret-reader" grants "get", "list" on "secrets": can read every Secret (RB05).' }],
      }],
    },
    {
      name: 'the built-in edit role: impersonation (critical) first, an error',
      code: CRB('edit'),
      errors: [{
        messageId: 'dangerous', line: 8, column: 9, endLine: 8, endColumn: 13, severity: 'error',
        covers: ['RB05', 'RB06', 'RB07', 'RB08', 'RB13', 'RB09', 'RB10', 'RB22', 'RB23', 'RB26', 'RB19', 'RB33'],
        message: `ClusterRoleBinding "agent" gives ServiceAccount "ops/agent" ClusterRole "edit" cluster-wide, which grants "impersonate" on "serviceaccounts" (can act as other users, groups or service accounts); "get", "list", "watch" on "secrets" (can read every Secret); "get" on "pods/exec" (${EXEC_IMPACT}); "get" on "pods/attach" (can attach to the processes of any running container); and 7 more. Bind a role that grants only what they need.`,
      }],
    },
    {
      name: 'RB33: an aggregated ClusterRole gets its rules from labelled roles in another file',
      code: CRB('monitoring'),
      files: { 'monitoring.yaml': MONITORING, 'parts.yaml': MONITORING_PARTS },
      errors: [{
        messageId: 'dangerous', line: 8, column: 9, endLine: 8, endColumn: 19, severity: 'warning', covers: ['RB06', 'RB33'],
        data: { kind: 'ClusterRoleBinding', name: 'agent', role: 'ClusterRole "monitoring"', scope: ' cluster-wide', subjects: 'ServiceAccount "ops/agent"', grants: `"create" on "pods/exec" (${EXEC_IMPACT})` },
        related: [{ file: 'parts.yaml', line: 20, column: 15, endLine: 20, endColumn: 26, message: `ClusterRole "monitoring-exec" grants "create" on "pods/exec": ${EXEC_IMPACT} (RB06).` }],
      }],
    },
    {
      name: 'the rules written in an aggregated ClusterRole are overwritten: only the selected roles count',
      code: CRB('monitoring'),
      files: { 'monitoring.yaml': MONITORING.replace('rules: [] # filled in by the controller manager', 'rules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]'), 'parts.yaml': MONITORING_PARTS },
      errors: [{
        messageId: 'dangerous', line: 8, column: 9, endLine: 8, endColumn: 19, covers: ['RB06', 'RB33'],
        related: [{ file: 'parts.yaml', line: 20, column: 15, endLine: 20, endColumn: 26, message: `ClusterRole "monitoring-exec" grants "create" on "pods/exec": ${EXEC_IMPACT} (RB06).` }],
      }],
    },
    {
      name: 'a full wildcard role defined in the same file, critical',
      code: `${CRB('ops-all')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ops-all\nrules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]\n`,
      errors: [{
        messageId: 'dangerous', line: 8, column: 9, endLine: 8, endColumn: 16, severity: 'error', covers: ['RB03'],
        message: 'ClusterRoleBinding "agent" gives ServiceAccount "ops/agent" ClusterRole "ops-all" cluster-wide, which grants every verb on every resource of every API group (holds every permission, as cluster-admin does). Bind a role that grants only what they need.',
        related: [{ file: 'case.yaml', line: 19, column: 15, endLine: 19, endColumn: 18, message: 'ClusterRole "ops-all" grants every verb on every resource of every API group: holds every permission, as cluster-admin does (RB03).' }],
      }],
    },
  ],
});
