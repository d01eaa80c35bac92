import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-privileged-ports', {
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
          - containerPort: 8080
          - containerPort: 1024
    `,
  ],
  invalid: [
    {
      name: 'port 80 and 443',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            ports:
            - containerPort: 80
            - {name: https, containerPort: 443}
      `,
      errors: [
        { messageId: 'port', line: 10, column: 22, endLine: 10, endColumn: 24, data: { container: 'Container "app"', port: 80 } },
        { messageId: 'port', line: 11, column: 36, endLine: 11, endColumn: 39, data: { container: 'Container "app"', port: 443 } },
      ],
    },
  ],
});
