import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can change configuration that workloads and cluster add-ons trust. Name the ConfigMaps it writes in resourceNames.';

ruleTester('restrict-configmap-write', {
  valid: [
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
  ],
});
