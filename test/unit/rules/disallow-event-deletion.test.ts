import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can delete events and hide what happened. Remove the grant; events expire on their own.';

ruleTester('disallow-event-deletion', {
  valid: [
    {
      name: 'recording events',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: recorder
        rules:
        - apiGroups: ["", "events.k8s.io"]
          resources: ["events"]
          verbs: ["create", "patch"]
      `,
    },
  ],
  invalid: [
    {
      name: 'deletecollection on core events, delete on events.k8s.io events',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: event-pruner
        rules:
        - apiGroups: [""]
          resources: ["events"]
          verbs: ["deletecollection"]
        - apiGroups: ["events.k8s.io"]
          resources: ["events"]
          verbs: ["delete"]
      `,
      errors: [
        { messageId: 'delete', line: 7, column: 15, endLine: 7, endColumn: 23, severity: 'warning', covers: ['RB26'], message: `ClusterRole "event-pruner" grants "deletecollection" on "events" in every namespace: ${END}` },
        { messageId: 'delete', line: 10, column: 15, endLine: 10, endColumn: 23, message: `ClusterRole "event-pruner" grants "delete" on "events" in every namespace: ${END}` },
      ],
    },
  ],
});
