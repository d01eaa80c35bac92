import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can read every Secret. Name the Secrets it needs in resourceNames, or remove the grant.';

// One rule entry, judged with the wildcard-verbs rule on (it answers) and off (this rule does).
const ALL_VERBS_ON_SECRETS = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: app
    namespace: shop
  rules:
  - apiGroups:
    - "*"
    resources:
    - secrets
    verbs:
    - "*"
`;

ruleTester('restrict-secret-read-access', {
  valid: [
    {
      name: '"*" verbs on secrets: the wildcard-verbs finding answers for RB05 (one finding per entry)',
      code: ALL_VERBS_ON_SECRETS,
    },
    {
      name: 'resourceNames narrow the grant to named Secrets',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: tls-reader
        rules:
        - apiGroups: [""]
          resources: ["secrets"]
          resourceNames: ["web-tls"]
          verbs: ["get", "list", "watch"]
      `,
    },
    {
      name: 'secrets in another API group is another resource',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: external
        rules:
        - apiGroups: ["external-secrets.io"]
          resources: ["secrets", "secretstores"]
          verbs: ["get", "list"]
      `,
    },
    {
      name: 'write-only verbs and other resources',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: writer
        rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["create"]
        - apiGroups: [""]
          resources: ["configmaps", "secrets/status"]
          verbs: ["get"]
      `,
    },
    {
      name: 'only "*" shows the grant: disallow-wildcard-resources reports it',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: read-all
        rules:
        - apiGroups: [""]
          resources: ["*"]
          verbs: ["get"]
      `,
    },
  ],
  invalid: [
    {
      name: 'a ClusterRole: High, in every namespace',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: secret-reader
        rules:
        - apiGroups: [""]
          resources: ["pods", "secrets"]
          verbs: ["get", "list", "watch"]
      `,
      errors: [{
        messageId: 'read', line: 7, column: 23, endLine: 7, endColumn: 32, severity: 'error', covers: ['RB05'],
        message: `ClusterRole "secret-reader" grants "get", "list", "watch" on "secrets" in every namespace: ${END}`,
      }],
    },
    {
      name: 'a Role: Medium, in its namespace; "*" verbs and apiGroups count, block style; with the wildcard-verbs rule off, reported here',
      settings: { rules: { 'disallow-wildcard-verbs': 'off' } },
      code: ALL_VERBS_ON_SECRETS,
      errors: [{
        messageId: 'read', line: 10, column: 5, endLine: 10, endColumn: 12, severity: 'warning',
        message: `Role "app" grants "*" on "secrets" in namespace "shop": ${END}`,
      }],
    },
    {
      name: 'list alone returns every value; one finding per rule that grants it',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: lister
        rules:
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["list"]
        - apiGroups: [""]
          resources: ["secrets"]
          resourceNames: ["a"]
          verbs: ["get"]
        - apiGroups: [""]
          resources: ["secrets"]
          verbs: ["watch"]
      `,
      errors: [
        { messageId: 'read', line: 7, column: 15, endLine: 7, endColumn: 24, message: `ClusterRole "lister" grants "list" on "secrets" in every namespace: ${END}` },
        { messageId: 'read', line: 14, column: 15, endLine: 14, endColumn: 24, message: `ClusterRole "lister" grants "watch" on "secrets" in every namespace: ${END}` },
      ],
    },
    {
      name: 'a Role inside a List, its rule a flow map',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: a, namespace: ns}
          rules:
          - {apiGroups: [""], resources: [secrets], verbs: [get]}
      `,
      errors: [{ messageId: 'read', line: 8, column: 35, endLine: 8, endColumn: 42, severity: 'warning', message: `Role "a" grants "get" on "secrets" in namespace "ns": ${END}` }],
    },
  ],
});
