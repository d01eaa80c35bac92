import { OWASP_K03 } from '../references';
import { GRANT_FIX_MESSAGES, grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES, READ_ONLY_VERBS, replaceWildcard, RESOURCES_PLACEHOLDER } from '../rbac-common';

export default grantRule({
  id: 'disallow-full-wildcard-rules',
  title: 'Roles are not cluster-admin equivalents',
  severity: 'error',
  covers: ['RB03'],
  equivalents: { trivy: ['KSV044'], kubescape: ['C-0035', 'C-0187'], polaris: ['rolebindingClusterAdminRole', 'clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole'] },
  messages: {
    admin: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. List the API groups, resources and verbs it needs.',
  },
  fixMessages: { replaceWildcard: GRANT_FIX_MESSAGES.replaceWildcard },
  messageFor: { RB03: 'admin' },
  docs: {
    summary: 'A rule with `*` in apiGroups, resources and verbs grants everything: in a ClusterRole it is '
      + '`cluster-admin` under another name; in a Role it is admin of the namespace, RBAC included. Reported '
      + 'once per rule, instead of the wildcard-verb and wildcard-resource findings.',
    remediation: 'List the API groups, resources and verbs the subject needs; bind the built-in `cluster-admin` (or '
      + '`admin`) explicitly where full control is really intended, so it is visible as such.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ns-admin
  namespace: team-a
rules:
- apiGroups: ["", "*"]
  resources: ["*", "pods"]
  verbs: [get, "*"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: core-all
rules:
- apiGroups: [""]
  resources: ["*"]
  verbs: ["*"]
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["get"]
`,
  },
  suggest: f => [replaceWildcard(f, 'verbs', READ_ONLY_VERBS), replaceWildcard(f, 'resources', [RESOURCES_PLACEHOLDER])],
});
