import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it holds every permission, as cluster-admin does. List the API groups, resources and verbs it needs.';

ruleTester('disallow-full-wildcard-rules', {
  valid: [
    {
      name: 'wildcards in two of the three fields',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
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
    {
      name: 'wildcards spread over different rules',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: split
        rules:
        - apiGroups: ["*"]
          resources: ["pods"]
          verbs: ["get"]
        - apiGroups: [""]
          resources: ["*"]
          verbs: ["list"]
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["*"]
      `,
    },
  ],
  invalid: [
    {
      name: 'cluster-admin as Kubernetes ships it: the nonResourceURLs rule is no resource grant',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: cluster-admin
        rules:
        - apiGroups:
          - '*'
          resources:
          - '*'
          verbs:
          - '*'
        - nonResourceURLs:
          - '*'
          verbs:
          - '*'
      `,
      errors: [{
        messageId: 'admin', line: 7, column: 5, endLine: 7, endColumn: 8, severity: 'error',
        // Every danger row it holds: suppressions, settings and other tools' ids all see them.
        covers: ['RB03', 'RB05', 'RB06', 'RB07', 'RB08', 'RB09', 'RB10', 'RB11', 'RB12', 'RB13', 'RB14', 'RB15', 'RB16', 'RB17', 'RB18', 'RB19', 'RB20', 'RB21', 'RB22', 'RB23', 'RB26'],
        message: `ClusterRole "cluster-admin" grants every verb on every resource of every API group in every namespace: ${END}`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: cluster-admin
              rules:
              - apiGroups:
                - '*'
                resources:
                - '*'
                verbs:
                - 'get'
                - 'list'
                - 'watch'
              - nonResourceURLs:
                - '*'
                verbs:
                - '*'
            `,
          },
          {
            title: 'Replace "*" in rules[0].resources with "REPLACE-with-needed-resources"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: cluster-admin
              rules:
              - apiGroups:
                - '*'
                resources:
                - 'REPLACE-with-needed-resources'
                verbs:
                - '*'
              - nonResourceURLs:
                - '*'
                verbs:
                - '*'
            `,
          },
        ],
      }],
    },
    {
      name: 'a namespaced Role, flow style, beside other entries',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: ns-admin
          namespace: team-a
        rules:
        - apiGroups: ["", "*"]
          resources: ["*", "pods"]
          verbs: [get, "*"]
      `,
      errors: [{
        messageId: 'admin', line: 7, column: 19, endLine: 7, endColumn: 22,
        message: `Role "ns-admin" grants every verb on every resource of every API group in namespace "team-a": ${END}`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: Role
              metadata:
                name: ns-admin
                namespace: team-a
              rules:
              - apiGroups: ["", "*"]
                resources: ["*", "pods"]
                verbs: [get, list, watch]
            `,
          },
          {
            title: 'Replace "*" in rules[0].resources with "REPLACE-with-needed-resources"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: Role
              metadata:
                name: ns-admin
                namespace: team-a
              rules:
              - apiGroups: ["", "*"]
                resources: ["REPLACE-with-needed-resources", "pods"]
                verbs: [get, "*"]
            `,
          },
        ],
      }],
    },
  ],
});
