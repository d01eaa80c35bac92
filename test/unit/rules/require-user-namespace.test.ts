import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-user-namespace', {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        hostUsers: false
        containers:
        - name: app
          image: nginx:1.27
    `,
    {
      // hostUsers: false beside a host namespace is rejected by the API server.
      name: 'pods sharing a host namespace cannot use one',
      code: ['hostNetwork', 'hostPID', 'hostIPC'].map(f => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${f.toLowerCase()}\nspec:\n  ${f}: true\n  containers:\n  - name: app\n    image: nginx:1.27\n`).join('---\n'),
    },
  ],
  invalid: [
    {
      name: 'unset (reported on spec) and explicit true (on the value)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          hostUsers: true
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [
        { messageId: 'hostUsers', line: 5, column: 1, endLine: 5, endColumn: 5 },
        { messageId: 'hostUsers', line: 15, column: 14, endLine: 15, endColumn: 18 },
      ],
    },
  ],
});
