import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

// escalate, bind and impersonate are named only where the rule's resources serve them.
const IMPACT = 'any subject bound to it can use every verb on them, verbs added later included. List the verbs it needs, e.g. "get", "list", "watch".';
// The finding says what the danger rows it answers for would have said, the worst two first.
const SO = (what: string) => IMPACT.replace('included.', `included, so it ${what}.`);
const RUN = 'can run any pod, with any service account of the namespace and its Secrets';
const DELETE = 'can delete workloads and the data they keep';
const NETWORK = 'can redirect, expose or unprotect network traffic';

ruleTester('disallow-wildcard-verbs', {
  valid: [
    {
      name: 'an empty verb grants nothing: no wildcard',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: empty-verb
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: [""]
      `,
    },
    {
      name: 'every verb on an empty resource name grants nothing',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: empty-resource
        rules:
        - apiGroups: [""]
          resources: [""]
          verbs: ["*"]
      `,
    },
    {
      name: 'every verb on pods/log is get, the only verb it serves',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: logs
        rules:
        - apiGroups: [""]
          resources: ["pods/log"]
          verbs: ["*"]
      `,
    },
    {
      name: 'a wildcard in apiGroups alone is no wildcard verb',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: any-group
        rules:
        - apiGroups: ["*"]
          resources: ["pods"]
          verbs: ["get", "list"]
      `,
    },
    {
      name: 'explicit verbs',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get", "list", "watch"]
      `,
    },
    {
      name: 'a nonResourceURLs rule is no resource grant',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: metrics
        rules:
        - nonResourceURLs: ["/metrics", "/healthz/*"]
          verbs: ["*"]
      `,
    },
    {
      name: 'a full wildcard is reported by disallow-full-wildcard-rules alone',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: admin-like
        rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
      `,
    },
    {
      name: 'an aggregated ClusterRole: the controller writes its rules',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: monitoring
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels:
              rbac.example.com/aggregate-to-monitoring: "true"
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["*"]
      `,
    },
    {
      name: 'a Role of another API group',
      code: yaml`
        apiVersion: example.com/v1
        kind: Role
        metadata:
          name: x
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["*"]
      `,
    },
    {
      name: 'a verb that merely contains "*" is a literal verb',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: x
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get*"]
      `,
    },
  ],
  invalid: [
    {
      name: 'flow sequence on a ClusterRole',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: pods-all
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["*"]
      `,
      errors: [{
        messageId: 'wildcard', line: 8, column: 11, endLine: 8, endColumn: 14, severity: 'error', covers: ['RB01', 'RB09', 'RB10'],
        message: `ClusterRole "pods-all" grants every verb ("*") on "pods" in every namespace: ${SO(`${RUN} and ${DELETE}`)}`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: pods-all
              rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get", "list", "watch"]
            `,
          },
          {
            title: 'Replace "*" in rules[0].verbs with "REPLACE-with-needed-verbs"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: pods-all
              rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["REPLACE-with-needed-verbs"]
            `,
          },
        ],
      }],
    },
    {
      name: 'block sequence beside other verbs, in a Role, the second rule, a comment kept',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: cm-editor
          namespace: shop
        rules:
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["get"]
        - apiGroups:
          - ""
          resources:
          - configmaps
          verbs:
          - get
          - '*'  # everything else
      `,
      errors: [{
        messageId: 'wildcard', line: 16, column: 5, endLine: 16, endColumn: 8,
        message: `Role "cm-editor" grants every verb ("*") on "configmaps" in namespace "shop": ${SO(`${DELETE} and can change configuration that workloads and cluster add-ons trust`)}`,
        suggestions: [
          {
            title: 'Replace "*" in rules[1].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: Role
              metadata:
                name: cm-editor
                namespace: shop
              rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get"]
              - apiGroups:
                - ""
                resources:
                - configmaps
                verbs:
                - get
                - list  # everything else
                - watch
            `,
          },
          {
            title: 'Replace "*" in rules[1].verbs with "REPLACE-with-needed-verbs"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: Role
              metadata:
                name: cm-editor
                namespace: shop
              rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get"]
              - apiGroups:
                - ""
                resources:
                - configmaps
                verbs:
                - get
                - REPLACE-with-needed-verbs  # everything else
            `,
          },
        ],
      }],
    },
    {
      name: 'indented block sequence with CRLF line breaks, in a second document',
      code: [
        'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '---',
        'apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', '  name: all-verbs', 'rules:',
        '  - apiGroups: ["apps"]', '    resources: ["deployments"]', '    verbs:', '      - "*"', '',
      ].join('\r\n'),
      errors: [{
        messageId: 'wildcard', line: 14, column: 9, endLine: 14, endColumn: 12,
        message: `Role "all-verbs" grants every verb ("*") on "deployments" in its namespace: ${SO(`${RUN} and ${DELETE}`)}`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: [
              'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '---',
              'apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', '  name: all-verbs', 'rules:',
              '  - apiGroups: ["apps"]', '    resources: ["deployments"]', '    verbs:', '      - "get"', '      - "list"', '      - "watch"', '',
            ].join('\r\n'),
          },
          {
            title: 'Replace "*" in rules[0].verbs with "REPLACE-with-needed-verbs"',
            output: [
              'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '---',
              'apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', '  name: all-verbs', 'rules:',
              '  - apiGroups: ["apps"]', '    resources: ["deployments"]', '    verbs:', '      - "REPLACE-with-needed-verbs"', '',
            ].join('\r\n'),
          },
        ],
      }],
    },
    {
      name: '4-space indentation and a wide dash gap are kept for the added lines',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
            name: wide
        rules:
            -   apiGroups: [""]
                resources: [endpoints]
                verbs:
                    -   '*'
      `,
      errors: [{
        messageId: 'wildcard', line: 9, column: 17, endLine: 9, endColumn: 20,
        message: `ClusterRole "wide" grants every verb ("*") on "endpoints" in every namespace: ${SO(NETWORK)}`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                  name: wide
              rules:
                  -   apiGroups: [""]
                      resources: [endpoints]
                      verbs:
                          -   'get'
                          -   'list'
                          -   'watch'
            `,
          },
          {
            title: 'Replace "*" in rules[0].verbs with "REPLACE-with-needed-verbs"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                  name: wide
              rules:
                  -   apiGroups: [""]
                      resources: [endpoints]
                      verbs:
                          -   'REPLACE-with-needed-verbs'
            `,
          },
        ],
      }],
    },
    {
      name: 'a list shared through an alias is reported where each rule uses it, and not edited',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: shared
        rules:
        - apiGroups: [""]
          resources: ["services"]
          verbs: &all ["*"]
        - apiGroups: ["apps"]
          resources: ["deployments"]
          verbs: *all
      `,
      errors: [
        { messageId: 'wildcard', line: 8, column: 16, endLine: 8, endColumn: 19, message: `ClusterRole "shared" grants every verb ("*") on "services" in every namespace: ${SO(`${DELETE} and ${NETWORK}`)}` },
        { messageId: 'wildcard', line: 11, column: 10, endLine: 11, endColumn: 14, message: `ClusterRole "shared" grants every verb ("*") on "deployments" in every namespace: ${SO(`${RUN} and ${DELETE}`)}` },
      ],
    },
    {
      name: 'escalate and bind are named on roles, impersonate is not',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: role-admin
        rules:
        - apiGroups: ["rbac.authorization.k8s.io"]
          resources: ["roles", "rolebindings"]
          verbs: ["*"]
      `,
      errors: [{
        messageId: 'wildcard', line: 8, column: 11, endLine: 8, endColumn: 14, severity: 'error', covers: ['RB01', 'RB11', 'RB12'],
        message: `ClusterRole "role-admin" grants every verb ("*") on "roles", "rolebindings" in every namespace: any subject bound to it can use every verb on them, escalate, bind and verbs added later included, so it can write permissions it does not hold into roles and can bind roles with permissions it does not hold. List the verbs it needs, e.g. "get", "list", "watch".`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: role-admin
              rules:
              - apiGroups: ["rbac.authorization.k8s.io"]
                resources: ["roles", "rolebindings"]
                verbs: ["get", "list", "watch"]
            `,
          },
          {
            title: 'Replace "*" in rules[0].verbs with "REPLACE-with-needed-verbs"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: role-admin
              rules:
              - apiGroups: ["rbac.authorization.k8s.io"]
                resources: ["roles", "rolebindings"]
                verbs: ["REPLACE-with-needed-verbs"]
            `,
          },
        ],
      }],
    },
    {
      name: 'impersonate is named on service accounts; five resources listed, then a count',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: sa-admin
        rules:
        - apiGroups: [""]
          resources: ["serviceaccounts", "pods", "services", "endpoints", "events", "nodes", "namespaces"]
          verbs: ["*"]
      `,
      errors: [{
        messageId: 'wildcard', line: 8, column: 11, endLine: 8, endColumn: 14, severity: 'error', covers: ['RB01', 'RB09', 'RB10', 'RB13', 'RB22', 'RB26'],
        message: `ClusterRole "sa-admin" grants every verb ("*") on "serviceaccounts", "pods", "services", "endpoints", "events" and 2 more in every namespace: any subject bound to it can use every verb on them, impersonate and verbs added later included, so it can act as other users, groups or service accounts and ${RUN} (and 3 more). List the verbs it needs, e.g. "get", "list", "watch".`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: sa-admin
              rules:
              - apiGroups: [""]
                resources: ["serviceaccounts", "pods", "services", "endpoints", "events", "nodes", "namespaces"]
                verbs: ["get", "list", "watch"]
            `,
          },
          {
            title: 'Replace "*" in rules[0].verbs with "REPLACE-with-needed-verbs"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: sa-admin
              rules:
              - apiGroups: [""]
                resources: ["serviceaccounts", "pods", "services", "endpoints", "events", "nodes", "namespaces"]
                verbs: ["REPLACE-with-needed-verbs"]
            `,
          },
        ],
      }],
    },
    {
      name: "an operator's own API group (defined by a CRD of the workspace): info",
      files: { 'crd.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.widgets.example.com\n' },
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: widget-operator
        rules:
        - apiGroups: ["widgets.example.com"]
          resources: ["widgets", "widgets/status"]
          verbs: ["*"]
      `,
      errors: [{
        messageId: 'wildcard', line: 8, column: 11, endLine: 8, endColumn: 14, severity: 'info', covers: ['RB01'],
        message: `ClusterRole "widget-operator" grants every verb ("*") on "widgets", "widgets/status" in every namespace: any subject bound to it can use every verb on them, verbs added later included. List the verbs it needs, e.g. "get", "list", "watch".`,
        suggestions: [
          {
            title: 'Replace "*" in rules[0].verbs with "get", "list", "watch"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: widget-operator
              rules:
              - apiGroups: ["widgets.example.com"]
                resources: ["widgets", "widgets/status"]
                verbs: ["get", "list", "watch"]
            `,
          },
          {
            title: 'Replace "*" in rules[0].verbs with "REPLACE-with-needed-verbs"',
            output: yaml`
              apiVersion: rbac.authorization.k8s.io/v1
              kind: ClusterRole
              metadata:
                name: widget-operator
              rules:
              - apiGroups: ["widgets.example.com"]
                resources: ["widgets", "widgets/status"]
                verbs: ["REPLACE-with-needed-verbs"]
            `,
          },
        ],
      }],
    },
  ],
});
