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
          - containerPort: 2222
            name: git-ssh
    `,
    {
      name: 'a Service of ordinary ports',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - {port: 80, targetPort: http}\n  - {port: 2222, targetPort: 2222}\n',
    },
  ],
  invalid: [
    {
      name: '22 and a port named ssh in a StatefulSet',
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
                - containerPort: 2022
                  name: ssh
      `,
      errors: [
        { messageId: 'ssh', line: 12, column: 26, endLine: 12, endColumn: 28, data: { container: 'Container "box"', port: 22 } },
        { messageId: 'ssh', line: 13, column: 26, endLine: 13, endColumn: 30, data: { container: 'Container "box"', port: 2022 } },
      ],
    },
    {
      name: 'Services that forward SSH: port 22, a target port 22, a target port named ssh',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: box\nspec:\n  type: LoadBalancer\n  ports:\n  - {port: 22, targetPort: 2022}\n  - {port: 8022, targetPort: 22}\n  - {port: 9022, targetPort: ssh}\n',
      errors: [
        {
          messageId: 'service', line: 8, column: 12, endLine: 8, endColumn: 14,
          message: 'Service "box" forwards port 22 (SSH) to its pods: remove the SSH server and this port; use kubectl exec or an ephemeral debug container.',
        },
        { messageId: 'service', line: 9, column: 30, endLine: 9, endColumn: 32, data: { name: 'box', what: 'port 8022 to target port 22' } },
        { messageId: 'service', line: 10, column: 30, endLine: 10, endColumn: 33, data: { name: 'box', what: 'port 9022 to target port ssh' } },
      ],
    },
  ],
});
