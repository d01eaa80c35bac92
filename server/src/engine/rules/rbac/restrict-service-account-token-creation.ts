import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-service-account-token-creation',
  title: 'Roles do not mint service account tokens',
  severity: 'error',
  covers: ['RB19'],
  equivalents: { kubescape: ['C-0282'] },
  messages: {
    token: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Name the service '
      + 'accounts it needs tokens for in resourceNames, or remove the grant.',
  },
  messageFor: { RB19: 'token' },
  docs: {
    summary: '`create` on `serviceaccounts/token` issues tokens for any service account in scope: the subject can then act as each of them, with their roles.',
    remediation: 'Name the service accounts in `resourceNames`, or remove the grant.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: token-minter
rules:
- apiGroups: [""]
  resources: ["serviceaccounts", "serviceaccounts/token"]
  verbs: ["get", "create"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: sa-admin
rules:
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["create", "get"]
`,
  },
});
