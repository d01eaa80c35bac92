import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-sudo-in-entrypoint', {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        containers:
        - name: app
          image: app:1.0
          command: [/usr/bin/pseudo-sudoku]
          args: ["--sudo-mode=off", "run sudoers-check"]
    `,
  ],
  invalid: [
    {
      name: 'sudo as the program, and inside a shell command',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: app:1.0
            command: [sudo, chown, app, /data]
          containers:
          - name: app
            image: app:1.0
            command: ["/bin/sh", "-c"]
            args:
            - mkdir -p /run/app && /usr/bin/sudo -u app serve
      `,
      errors: [
        { messageId: 'sudo', line: 9, column: 15, endLine: 9, endColumn: 19, data: { container: 'Init container "init"', field: 'command' } },
        { messageId: 'sudo', line: 15, column: 7, endLine: 15, endColumn: 54, data: { container: 'Container "app"', field: 'args' } },
      ],
    },
  ],
});
