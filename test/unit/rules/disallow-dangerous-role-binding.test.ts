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
    // A grant written in a role of the workspace is reported on that role by the role rules
    // (raised one step because this binding hands it out), not again here.
    { name: 'the Role in another file: its Secrets grant is reported on the Role, not again here', code: BINDING, files: { 'roles.yaml': SECRET_READER } },
    {
      name: 'a broad group bound to a Role of the workspace: the broad-subject rule and the Role report it',
      code: BINDING.replace('- kind: ServiceAccount\n  name: web', '- kind: Group\n  name: system:serviceaccounts:shop'),
      files: { 'roles.yaml': SECRET_READER },
    },
    { name: 'an aggregated ClusterRole whose parts are in the workspace: the parts report their grants', code: CRB('monitoring'), files: { 'monitoring.yaml': MONITORING, 'parts.yaml': MONITORING_PARTS } },
    {
      name: 'a full wildcard role in the same file is reported on the role (disallow-full-wildcard-rules)',
      code: `${CRB('ops-all')}---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ops-all\nrules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]\n`,
    },
  ],
  invalid: [
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
      name: 'RB33: an aggregated ClusterRole of the workspace that selects the built-in edit parts hands out their grants',
      code: CRB('monitoring'),
      files: { 'monitoring.yaml': MONITORING.replace('example.com/aggregate-to-monitoring', 'rbac.authorization.k8s.io/aggregate-to-edit') },
      errors: [{
        messageId: 'dangerous', line: 8, column: 9, endLine: 8, endColumn: 19, severity: 'error',
        covers: ['RB05', 'RB06', 'RB07', 'RB08', 'RB13', 'RB09', 'RB10', 'RB22', 'RB23', 'RB26', 'RB19', 'RB33'],
        message: `ClusterRoleBinding "agent" gives ServiceAccount "ops/agent" ClusterRole "monitoring" cluster-wide, which grants "impersonate" on "serviceaccounts" (can act as other users, groups or service accounts); "get", "list", "watch" on "secrets" (can read every Secret); "get" on "pods/exec" (${EXEC_IMPACT}); "get" on "pods/attach" (can attach to the processes of any running container); and 7 more. Bind a role that grants only what they need.`,
      }],
    },
  ],
});
