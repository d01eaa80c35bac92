import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-ssh-port', {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: app
          image: nginx:1.27
          ports:
          - containerPort: 8022
    `,
  ],
  invalid: [
    {
      name: '22 and 2222 in a StatefulSet',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: s
        spec:
          template:
            spec:
              containers:
              - name: box
                image: box:1.0
                ports:
                - containerPort: 22
                - containerPort: 2222
      `,
      errors: [
        { messageId: 'ssh', line: 12, column: 26, endLine: 12, endColumn: 28, data: { container: 'Container "box"', port: 22 } },
        { messageId: 'ssh', line: 13, column: 26, endLine: 13, endColumn: 30, data: { container: 'Container "box"', port: 2222 } },
      ],
    },
  ],
});
