import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can delete pod logs and hide what happened. Remove the grant.';

ruleTester('disallow-pod-log-deletion', {
  valid: [
    {
      name: 'reading logs; deleting pods is restrict-workload-deletion\'s',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: logs
        rules:
        - apiGroups: [""]
          resources: ["pods/log"]
          verbs: ["get", "list"]
        - apiGroups: [""]
          resources: ["pods"]
          verbs: ["delete"]
      `,
    },
  ],
  invalid: [
    {
      name: 'delete on pods/log',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: log-cleaner
        rules:
        - apiGroups: [""]
          resources: ["pods/log"]
          verbs: ["get", "delete"]
      `,
      errors: [{
        messageId: 'delete', line: 7, column: 15, endLine: 7, endColumn: 25, severity: 'warning', covers: ['RB25'],
        message: `ClusterRole "log-cleaner" grants "delete" on "pods/log" in every namespace: ${END}`,
      }],
    },
  ],
});
