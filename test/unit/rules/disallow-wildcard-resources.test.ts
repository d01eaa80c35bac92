import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'List the resources it needs.';

ruleTester('disallow-wildcard-resources', {
  valid: [
    {
      name: 'explicit resources, subresources and "*/subresource"',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: scaler
        rules:
        - apiGroups: ["apps"]
          resources: ["deployments", "deployments/scale"]
          verbs: ["get"]
        - apiGroups: ["*"]
          resources: ["*/scale"]
          verbs: ["update"]
      `,
    },
    {
      name: 'a full wildcard is reported by disallow-full-wildcard-rules alone',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: ns-admin
        rules:
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['*']
      `,
    },
  ],
  invalid: [
    {
      name: 'flow sequence in a ClusterRole, custom resources of one group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: calico
        rules:
        - apiGroups: ["crd.projectcalico.org"]
          resources: ["*"]
          verbs: ["get", "list", "watch"]
      `,
      errors: [{
        messageId: 'wildcard', line: 7, column: 15, endLine: 7, endColumn: 18, severity: 'error', covers: ['RB02'],
        message: `ClusterRole "calico" grants "get", "list", "watch" on every resource ("*") in every namespace: any subject bound to it reaches every resource of "crd.projectcalico.org", resources added later included. ${END}`,
        suggestions: [{
          title: 'Replace "*" in rules[0].resources with "REPLACE-with-needed-resources"',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: calico
            rules:
            - apiGroups: ["crd.projectcalico.org"]
              resources: ["REPLACE-with-needed-resources"]
              verbs: ["get", "list", "watch"]
          `,
        }],
      }],
    },
    {
      name: 'block sequence in a Role with every verb: both wildcards are reported, each at its entry',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: core-all
          namespace: shop
        rules:
        - apiGroups:
          - ""
          resources:
          - pods
          - "*"
          verbs:
          - "*"
      `,
      errors: [{
        messageId: 'wildcard', line: 11, column: 5, endLine: 11, endColumn: 8,
        message: `Role "core-all" grants "*" on every resource ("*") in namespace "shop": any subject bound to it reaches every resource of its API groups, subresources (pods/exec) and resources added later included. ${END}`,
        suggestions: [{
          title: 'Replace "*" in rules[0].resources with "REPLACE-with-needed-resources"',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: core-all
              namespace: shop
            rules:
            - apiGroups:
              - ""
              resources:
              - pods
              - REPLACE-with-needed-resources
              verbs:
              - "*"
          `,
        }],
      }],
    },
    {
      name: 'metrics.k8s.io: no pods/exec there, the message names the group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: metrics
        rules:
        - apiGroups: ["metrics.k8s.io"]
          resources: ["*"]
          verbs: ["get", "list"]
      `,
      errors: [{
        messageId: 'wildcard', line: 7, column: 15, endLine: 7, endColumn: 18, severity: 'error', covers: ['RB02'],
        message: `ClusterRole "metrics" grants "get", "list" on every resource ("*") in every namespace: any subject bound to it reaches every resource of "metrics.k8s.io", resources added later included. ${END}`,
        suggestions: [{
          title: 'Replace "*" in rules[0].resources with "REPLACE-with-needed-resources"',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: metrics
            rules:
            - apiGroups: ["metrics.k8s.io"]
              resources: ["REPLACE-with-needed-resources"]
              verbs: ["get", "list"]
          `,
        }],
      }],
    },
    {
      name: "an operator's own API group (a CRD of the workspace defines it): info",
      files: { 'crd.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: nodemetrics.metrics.example.com\n' },
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: metrics
        rules:
        - apiGroups: ["metrics.example.com"]
          resources: ["*"]
          verbs: ["get", "list"]
      `,
      errors: [{
        messageId: 'wildcard', line: 7, column: 15, endLine: 7, endColumn: 18, severity: 'info', covers: ['RB02'],
        message: `ClusterRole "metrics" grants "get", "list" on every resource ("*") in every namespace: any subject bound to it reaches every resource of "metrics.example.com", resources added later included. ${END}`,
        suggestions: [{
          title: 'Replace "*" in rules[0].resources with "REPLACE-with-needed-resources"',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: metrics
            rules:
            - apiGroups: ["metrics.example.com"]
              resources: ["REPLACE-with-needed-resources"]
              verbs: ["get", "list"]
          `,
        }],
      }],
    },
    {
      name: 'every resource of the core group reads Secrets and opens exec, attach, port-forward and node proxy streams: the wildcard answers for those rows',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: metrics
        rules:
        - apiGroups: [""]
          resources: ["*"]
          verbs: ["get", "list"]
      `,
      errors: [{
        messageId: 'wildcard', line: 7, column: 15, endLine: 7, endColumn: 18, severity: 'error', covers: ['RB02', 'RB05', 'RB06', 'RB07', 'RB08', 'RB16'],
        message: `ClusterRole "metrics" grants "get", "list" on every resource ("*") in every namespace: any subject bound to it reaches every resource of its API groups, subresources (pods/exec) and resources added later included, so it can read every Secret and can run commands in any pod, with its service account token and Secrets (and 3 more). ${END}`,
        suggestions: [{
          title: 'Replace "*" in rules[0].resources with "REPLACE-with-needed-resources"',
          output: yaml`
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: metrics
            rules:
            - apiGroups: [""]
              resources: ["REPLACE-with-needed-resources"]
              verbs: ["get", "list"]
          `,
        }],
      }],
    },
  ],
});
