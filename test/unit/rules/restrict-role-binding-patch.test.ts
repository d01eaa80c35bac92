import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can add subjects to existing role bindings. Remove "patch" on rolebindings, or limit it to named bindings.';

ruleTester('restrict-role-binding-patch', {
  valid: [
    {
      name: 'patch without get',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: r
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["rolebindings"]
          verbs: ["patch"]
      `,
    },
    {
      name: 'get and patch on other RBAC objects',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: r
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["roles"]
          verbs: ["get", "patch"]
      `,
    },
  ],
  invalid: [
    {
      name: 'get and patch across rules, patch limited to one binding',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: self-extend
          namespace: team
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["rolebindings"]
          verbs: ["get", "list"]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["rolebindings"]
          resourceNames: ["developers"]
          verbs: ["patch"]
      `,
      errors: [{
        messageId: 'patch', line: 11, column: 15, endLine: 11, endColumn: 29, severity: 'info', covers: ['RB15'],
        message: `Role "self-extend" grants "patch" on "rolebindings" and "get" on "rolebindings" in namespace "team": ${END}`,
      }],
    },
    {
      name: 'every verb on rolebindings in a ClusterRole, block style',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: binding-admin
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources:
          - rolebindings
          verbs: ["*"]
      `,
      errors: [{
        messageId: 'patch', line: 8, column: 5, endLine: 8, endColumn: 17,
        message: `ClusterRole "binding-admin" grants "*" on "rolebindings" in every namespace: ${END}`,
      }],
    },
  ],
});
