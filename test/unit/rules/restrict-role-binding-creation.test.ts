import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can bind any role, cluster-admin included, to any subject. Name the roles it may bind in resourceNames, or remove one of the grants.';

ruleTester('restrict-role-binding-creation', {
  valid: [
    {
      name: 'creating bindings without bind: the API server only lets it bind what it holds',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: binder
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["rolebindings"]
          verbs: ["create"]
      `,
    },
    {
      name: 'bind limited to named roles',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: view-granter
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["rolebindings"]
          verbs: ["create"]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles"]
          resourceNames: ["view"]
          verbs: ["bind"]
      `,
    },
    {
      name: 'a Role cannot create ClusterRoleBindings',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: r
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterrolebindings"]
          verbs: ["create"]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["roles"]
          verbs: ["bind"]
      `,
    },
  ],
  invalid: [
    {
      name: 'the two grants in different rules',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: operator
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles"]
          verbs: ["bind"]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources:
          - clusterrolebindings
          verbs: ["create"]
      `,
      errors: [{
        messageId: 'createAndBind', line: 11, column: 5, endLine: 11, endColumn: 24, severity: 'error', covers: ['RB14'],
        message: `ClusterRole "operator" grants "create" on "clusterrolebindings" and "bind" on "clusterroles": ${END}`,
      }],
    },
    {
      name: 'both in one rule of a Role',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: ns-binder
          namespace: team
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["rolebindings", "roles"]
          verbs: ["create", "bind"]
      `,
      errors: [{
        messageId: 'createAndBind', line: 8, column: 15, endLine: 8, endColumn: 29,
        message: `Role "ns-binder" grants "create" on "rolebindings" and "bind" on "roles" in namespace "team": ${END}`,
      }],
    },
  ],
});
