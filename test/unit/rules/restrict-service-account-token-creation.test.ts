import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can mint tokens for service accounts and act as them. Name the service accounts it needs tokens for in resourceNames, or remove the grant.';

ruleTester('restrict-service-account-token-creation', {
  valid: [
    {
      name: 'tokens for a named service account',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: token-for-builder
        rules:
        - apiGroups: [""]
          resources: ["serviceaccounts/token"]
          resourceNames: ["builder"]
          verbs: ["create"]
      `,
    },
    {
      name: 'creating service accounts is not creating their tokens',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: sa-admin
        rules:
        - apiGroups: [""]
          resources: ["serviceaccounts"]
          verbs: ["create", "get"]
      `,
    },
  ],
  invalid: [
    {
      name: 'tokens for every service account',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: token-minter
        rules:
        - apiGroups: [""]
          resources: ["serviceaccounts", "serviceaccounts/token"]
          verbs: ["get", "create"]
      `,
      errors: [{
        messageId: 'token', line: 7, column: 34, endLine: 7, endColumn: 57, severity: 'error', covers: ['RB19'],
        message: `ClusterRole "token-minter" grants "create" on "serviceaccounts/token" in every namespace: ${END}`,
      }],
    },
  ],
});
