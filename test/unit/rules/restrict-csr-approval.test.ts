import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can approve certificate requests, issuing credentials for other identities. Remove one of the grants, or name the signers it may approve for in resourceNames.';

ruleTester('restrict-csr-approval', {
  valid: [
    {
      name: 'approval without approve on signers',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: half
        rules:
        - apiGroups: ["certificates.k8s.io"]
          resources: ["certificatesigningrequests", "certificatesigningrequests/approval"]
          verbs: ["get", "update"]
      `,
    },
    {
      name: 'approve on signers in the wrong group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
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
  ],
  invalid: [
    {
      name: 'approval and approve on a named signer',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
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
      errors: [{
        messageId: 'approve', line: 7, column: 15, endLine: 7, endColumn: 52, severity: 'error', covers: ['RB18'],
        message: `ClusterRole "csr-approver" grants "update" on "certificatesigningrequests/approval" and "approve" on "signers": ${END}`,
      }],
    },
  ],
});
