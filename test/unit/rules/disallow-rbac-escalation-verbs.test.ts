import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const ESCALATE = 'any subject bound to it can write permissions it does not hold into roles. Remove "escalate" from its verbs (a "*" verb includes it).';
const BIND = 'any subject bound to it can bind roles with permissions it does not hold. Remove "bind" from its verbs (a "*" verb includes it), or name the roles it may bind in resourceNames.';
const IMPERSONATE = 'any subject bound to it can act as other users, groups or service accounts. Remove "impersonate" from its verbs (a "*" verb includes it).';

// One rule entry, judged with the wildcard-verbs rule on (it answers) and off (this rule does).
const ALL_VERBS_ON_ROLES = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: rbac-admin
  rules:
  - apiGroups: ["rbac.authorization.k8s.io"]
    resources: ["roles"]
    verbs: ["*"]
`;

ruleTester('disallow-rbac-escalation-verbs', {
  valid: [
    {
      name: 'every verb on roles: the wildcard-verbs finding names escalate and bind and answers for RB11 and RB12',
      code: ALL_VERBS_ON_ROLES,
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
          resources: ["clusterroles"]
          resourceNames: ["view"]
          verbs: ["bind"]
      `,
    },
    {
      name: 'the verbs on resources that do not check them, or in the wrong API group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: odd
        rules:
        - apiGroups: [""]
          resources: ["pods", "roles"]
          verbs: ["escalate", "bind", "impersonate"]
      `,
    },
    {
      name: 'a Role cannot grant impersonation of users and groups (they are not namespaced)',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
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
  ],
  invalid: [
    {
      name: 'escalate beside other verbs: the suggestion removes the verb',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: role-editor
        rules:
        - apiGroups:
          - rbac.authorization.k8s.io
          resources:
          - roles
          - clusterroles
          verbs:
          - get
          - update
          - escalate  # needed by the operator
      `,
      errors: [{
        messageId: 'escalate', line: 14, column: 5, endLine: 14, endColumn: 13, severity: 'error', covers: ['RB11'],
        message: `ClusterRole "role-editor" grants "escalate" on "roles", "clusterroles" in every namespace: ${ESCALATE}`,
        suggestions: [{
          title: 'Remove verb "escalate" from rules[0]',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: role-editor
            rules:
            - apiGroups:
              - rbac.authorization.k8s.io
              resources:
              - roles
              - clusterroles
              verbs:
              - get
              - update
          `,
        }],
      }],
    },
    {
      name: 'bind as the only verb of the second rule: the suggestion removes the rule',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: binder
          namespace: team
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get"]
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["clusterroles"]
          verbs: ["bind"]
      `,
      errors: [{
        messageId: 'bind', line: 12, column: 11, endLine: 12, endColumn: 17, covers: ['RB12'],
        message: `Role "binder" grants "bind" on "clusterroles" in namespace "team": ${BIND}`,
        suggestions: [{
          title: 'Remove rules[1], whose only verb is "bind"',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: binder
              namespace: team
            rules:
            - apiGroups: [""]
              resources: ["pods"]
              verbs: ["get"]
          `,
        }],
      }],
    },
    {
      name: 'impersonate in flow style; a named user is enough',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: impersonator
        rules:
        - apiGroups: [""]
          resources: ["users"]
          resourceNames: ["admin@example.com"]
          verbs: ["impersonate", "get"]
      `,
      errors: [{
        messageId: 'impersonate', line: 9, column: 11, endLine: 9, endColumn: 24, covers: ['RB13'],
        message: `ClusterRole "impersonator" grants "impersonate" on "users": ${IMPERSONATE}`,
        suggestions: [{
          title: 'Remove verb "impersonate" from rules[0]',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: impersonator
            rules:
            - apiGroups: [""]
              resources: ["users"]
              resourceNames: ["admin@example.com"]
              verbs: ["get"]
          `,
        }],
      }],
    },
    {
      name: 'the only verb of the only rule: the suggestion leaves an empty rules list, which the API server accepts',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: sa-impersonator
        rules:
            -   apiGroups: [""]
                resources: ["serviceaccounts"]
                verbs:
                    - impersonate
      `,
      errors: [{
        messageId: 'impersonate', line: 9, column: 15, endLine: 9, endColumn: 26,
        message: `ClusterRole "sa-impersonator" grants "impersonate" on "serviceaccounts" in every namespace: ${IMPERSONATE}`,
        suggestions: [{
          title: 'Remove rules[0], whose only verb is "impersonate"',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: sa-impersonator
            rules: []
          `,
        }],
      }],
    },
    {
      name: 'every verb on roles with the wildcard-verbs rule off: escalate and bind at once, one finding at the resource, nothing to remove',
      settings: { rules: { 'disallow-wildcard-verbs': 'off' } },
      code: ALL_VERBS_ON_ROLES,
      errors: [
        {
          messageId: 'several', line: 7, column: 15, endLine: 7, endColumn: 22, covers: ['RB11', 'RB12'],
          message: 'Role "rbac-admin" grants "*" on "roles" in its namespace: any subject bound to it can write permissions it does not hold into roles, and can bind roles with permissions it does not hold. Replace "*" with the verbs it needs: "*" includes "escalate" and "bind".',
        },
      ],
    },
  ],
});
