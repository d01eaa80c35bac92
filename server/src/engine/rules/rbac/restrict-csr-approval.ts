import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

// Approval needs both grants: the approval subresource and `approve` on the signer.
export default grantRule({
  id: 'restrict-csr-approval',
  title: 'Roles do not approve certificate signing requests',
  severity: 'error',
  covers: ['RB18'],
  equivalents: { checkov: ['CKV_K8S_156'], kubescape: ['C-0280'] },
  messages: {
    approve: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove one of the '
      + 'grants, or name the signers it may approve for in resourceNames.',
  },
  messageFor: { RB18: 'approve' },
  docs: {
    summary: '`update` or `patch` on `certificatesigningrequests/approval` together with `approve` on `signers` '
      + 'lets a subject approve certificate requests: with the `kubernetes.io/kube-apiserver-client` signer, '
      + 'client certificates for any user or group, `system:masters` included.',
    remediation: 'Grant CSR approval only to the approver controller, naming the signers it handles in `resourceNames` of the `signers` rule.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: csr-approver
rules:
- apiGroups: ["certificates.k8s.io"]
  resources: ["certificatesigningrequests/approval"]
  verbs: ["update"]
- apiGroups: ["certificates.k8s.io"]
  resources: ["signers"]
  resourceNames: ["kubernetes.io/kube-apiserver-client"]
  verbs: ["approve"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: wrong
rules:
- apiGroups: ["certificates.k8s.io"]
  resources: ["certificatesigningrequests/approval"]
  verbs: ["patch"]
- apiGroups: [""]
  resources: ["signers"]
  verbs: ["approve"]
`,
  },
});
