import { yaml } from '../../helpers/manifest';
import { ENDPOINTS_LOCK, LEADER_ELECTION } from '../../helpers/operator-roles';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can change configuration that workloads and cluster add-ons trust. Name the ConfigMaps it writes in resourceNames.';

ruleTester('restrict-configmap-write', {
  valid: [
    // An operator's leader-election Role (the kubebuilder scaffold; the Endpoints lock of older
    // libraries): writing its lock in its own namespace is what it is for.
    { name: 'the leader-election Role of an operator', code: LEADER_ELECTION },
    { name: 'a leader-election Role of the ConfigMap and Endpoints locks', code: ENDPOINTS_LOCK },
    {
      name: 'named ConfigMaps (aws-auth is disallow-aws-auth-write\'s)',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: leader-election
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          resourceNames: ["my-operator-lock", "aws-auth"]
          verbs: ["update", "patch"]
        - apiGroups: [""]
          resources: ["configmaps"]
          verbs: ["get", "list", "watch"]
      `,
    },
  ],
  invalid: [
    {
      name: 'create is never limited by resourceNames; block style',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: cm-writer
        rules:
        - apiGroups:
          - ""
          resources:
          - configmaps
          verbs:
          - create
          - update
      `,
      errors: [{
        messageId: 'write', line: 9, column: 5, endLine: 9, endColumn: 15, severity: 'warning', covers: ['RB23'],
        message: `ClusterRole "cm-writer" grants "create", "update" on "configmaps" in every namespace: ${END}`,
      }],
    },
    {
      name: 'the same grants beside Secrets are no leader-election Role',
      code: LEADER_ELECTION.replace('resources: ["events"]', 'resources: ["events", "secrets"]'),
      errors: [{
        messageId: 'write', line: 8, column: 15, endLine: 8, endColumn: 27, severity: 'warning', covers: ['RB23'],
        message: `Role "manager-role" grants "create", "update", "patch", "delete" on "configmaps" in namespace "widget-system": ${END}`,
      }],
    },
    {
      name: 'a ClusterRole writing ConfigMaps writes them in every namespace',
      code: LEADER_ELECTION.replace('kind: Role', 'kind: ClusterRole').replace('  namespace: widget-system\n', ''),
      errors: [{
        messageId: 'write', line: 7, column: 15, endLine: 7, endColumn: 27, severity: 'warning', covers: ['RB23'],
        message: `ClusterRole "manager-role" grants "create", "update", "patch", "delete" on "configmaps" in every namespace: ${END}`,
      }],
    },
  ],
});
