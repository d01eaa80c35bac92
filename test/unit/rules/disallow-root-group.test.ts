import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-root-group', {
  valid: [
    {
      name: 'non-zero groups; a pod-level 0 every container overrides',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsGroup: 0
            fsGroup: 10001
            supplementalGroups: [10002]
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              runAsGroup: 10001
      `,
    },
    {
      name: 'user namespaces map group 0 to an unprivileged host group',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostUsers: false
          securityContext:
            runAsGroup: 0
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: 'pod runAsGroup inherited, supplementalGroups, fsGroup, container runAsGroup',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsGroup: 0
            supplementalGroups: [10002, 0]
            fsGroup: 0
          containers:
          - name: app
            image: nginx:1.27
          - name: side
            image: busybox:1.36
            securityContext:
              runAsGroup: 0
      `,
      errors: [
        { messageId: 'runAsGroup', line: 7, column: 17, endLine: 7, endColumn: 18, data: { where: 'The pod securityContext' } },
        { messageId: 'supplementalGroups', line: 8, column: 33, endLine: 8, endColumn: 34 },
        { messageId: 'fsGroup', line: 9, column: 14, endLine: 9, endColumn: 15 },
        { messageId: 'runAsGroup', line: 16, column: 19, endLine: 16, endColumn: 20, data: { where: 'Container "side"' } },
      ],
    },
  ],
});
