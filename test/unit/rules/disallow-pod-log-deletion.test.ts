import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';


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
    {
      name: 'delete on pods/log: the API serves only get on that subresource, so the grant opens nothing',
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
    },
  ],
  invalid: [],
});
