import { OWASP_K03 } from '../references';
import { dropVerb, GRANT_FIX_MESSAGES, grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

// The API server refuses to let a subject grant what it does not hold, unless it holds these verbs:
// they are the escape hatches of RBAC's escalation prevention.
export default grantRule({
  id: 'disallow-rbac-escalation-verbs',
  title: 'Roles do not grant escalate, bind or impersonate',
  severity: 'error',
  covers: ['RB11', 'RB12', 'RB13'],
  equivalents: { checkov: ['CKV_K8S_158', 'CKV2_K8S_3'], trivy: ['KSV043', 'KSV050'], kubescape: ['C-0065', 'C-0191'] },
  messages: {
    escalate: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove "escalate" from its verbs (a "*" verb includes it).',
    bind: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove "bind" '
      + 'from its verbs (a "*" verb includes it), or name the roles it may bind in resourceNames.',
    impersonate: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove '
      + '"impersonate" from its verbs (a "*" verb includes it).',
    several: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impacts}}. Replace "*" with the verbs it needs: "*" includes {{rows}}.',
  },
  fixMessages: { removeRule: GRANT_FIX_MESSAGES.removeRule, removeVerb: GRANT_FIX_MESSAGES.removeVerb },
  messageFor: { RB11: 'escalate', RB12: 'bind', RB13: 'impersonate' },
  messageForSeveral: 'several',
  docs: {
    summary: 'The three verbs the RBAC API checks to prevent privilege escalation: `escalate` on roles lets a '
      + 'subject write permissions it does not hold into a role, `bind` lets it bind roles with permissions '
      + 'it does not hold, and `impersonate` on users, groups, service accounts or UIDs lets it act as them. '
      + 'One named role or user is enough for `escalate` and `impersonate`, so `resourceNames` does not '
      + 'silence those; `bind` limited to named roles in `resourceNames` (the documented way to delegate '
      + 'binding) is not reported. In a Role only what a namespace can hold counts (impersonating its service '
      + 'accounts, binding roles and ClusterRoles in it).',
    remediation: 'Remove the verb. Where a controller must bind roles, name the roles in `resourceNames`, and grant '
      + '`escalate` and `impersonate` to no everyday subject.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: rbac-admin
rules:
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles"]
  verbs: ["escalate", "bind"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
  namespace: dev
rules:
- apiGroups: [""]
  resources: ["users", "groups"]
  verbs: ["impersonate"]
`,
  },
  suggest: f => [f.entry.value !== '*' && f.grant.at.field === 'verbs' ? dropVerb(f, f.entry) : undefined],
});
