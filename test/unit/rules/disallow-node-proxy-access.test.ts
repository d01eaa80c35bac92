import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can reach the kubelet API and run commands in every pod of a node. Remove the grant; read metrics through nodes/metrics or nodes/stats instead.';

ruleTester('disallow-node-proxy-access', {
  valid: [
    {
      name: 'metrics and stats subresources',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: monitoring
        rules:
        - apiGroups: [""]
          resources: ["nodes", "nodes/metrics", "nodes/stats"]
          verbs: ["get", "list", "watch"]
      `,
    },
    {
      name: 'a Role cannot reach nodes (they are not namespaced)',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: r
        rules:
        - apiGroups: [""]
          resources: ["nodes/proxy"]
          verbs: ["get"]
      `,
    },
  ],
  invalid: [
    {
      name: 'get on nodes/proxy, even for one named node',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: prometheus
        rules:
        - apiGroups: [""]
          resources:
          - nodes
          - nodes/proxy
          resourceNames: ["worker-1"]
          verbs: ["get", "list"]
      `,
      errors: [{
        messageId: 'proxy', line: 9, column: 5, endLine: 9, endColumn: 16, severity: 'error', covers: ['RB16'],
        message: `ClusterRole "prometheus" grants "get" on "nodes/proxy": ${END}`,
      }],
    },
    {
      name: '"*/proxy" covers nodes/proxy',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: proxier
        rules:
        - apiGroups: [""]
          resources: ["*/proxy"]
          verbs: ["create"]
      `,
      errors: [{ messageId: 'proxy', line: 7, column: 15, endLine: 7, endColumn: 24, message: `ClusterRole "proxier" grants "create" on "*/proxy": ${END}` }],
    },
  ],
});
