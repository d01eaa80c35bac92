import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-role-binding-patch',
  title: 'Roles do not edit existing role bindings',
  severity: 'info',
  level: 'restricted',
  covers: ['RB15'],
  equivalents: { trivy: ['KSV055'] },
  messages: {
    patch: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove "patch" on rolebindings, or limit it to named bindings.',
  },
  messageFor: { RB15: 'patch' },
  docs: {
    summary: '`get` and `patch` on rolebindings let a subject add subjects to existing bindings, handing out the '
      + 'roles those bindings refer to (the API server still checks `bind` for the role, so this is mostly a '
      + 'way to widen who holds a role).',
    remediation: 'Remove `patch` on rolebindings, or name the bindings in `resourceNames`.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: binding-admin
rules:
- apiGroups: ["rbac.authorization.k8s.io"]
  resources:
  - rolebindings
  verbs: ["*"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
rules:
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["rolebindings"]
  verbs: ["patch"]
`,
  },
});
