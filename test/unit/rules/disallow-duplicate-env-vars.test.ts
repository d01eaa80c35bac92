import { ruleTester } from '../../helpers/rule-tester';

const pod = (env: string[]) => ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app',
  '    image: nginx:1.27', '    env:', ...env, ''].join('\n');

ruleTester('disallow-duplicate-env-vars', {
  valid: [
    { name: 'distinct names', code: pod(['    - {name: A, value: "1"}', '    - {name: B, value: "2"}']) },
    {
      name: 'the same name in two containers',
      code: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:',
        '  - {name: a, image: x:1, env: [{name: A, value: "1"}]}', '  - {name: b, image: x:1, env: [{name: A, value: "1"}]}', ''].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'the overridden entry is reported and removed (comment lines kept)',
      code: pod([
        '    - name: DB_PASSWORD',
        '      valueFrom:',
        '        secretKeyRef: {name: db, key: password}',
        '    # debugging',
        '    - name: LOG_LEVEL',
        '      value: info',
        '    - name: DB_PASSWORD',
        '      value: hunter2',
      ]),
      errors: [{
        messageId: 'duplicate', line: 10, column: 13, endLine: 10, endColumn: 24, data: { container: 'Container "app"', name: 'DB_PASSWORD' },
        message: 'Container "app" sets env DB_PASSWORD again further down: the last entry wins, so this one has no effect. Remove it.',
      }],
      output: pod([
        '    # debugging',
        '    - name: LOG_LEVEL',
        '      value: info',
        '    - name: DB_PASSWORD',
        '      value: hunter2',
      ]),
    },
    {
      name: 'three entries: the first two are reported; flow items',
      code: pod(['    - {name: A, value: "1"}', '    - {name: A, value: "2"}', '    - {name: A, value: "3"}']),
      errors: [
        { messageId: 'duplicate', line: 10, column: 14, endLine: 10, endColumn: 15 },
        { messageId: 'duplicate', line: 11, column: 14, endLine: 11, endColumn: 15 },
      ],
      output: pod(['    - {name: A, value: "3"}']),
    },
    {
      name: 'no fix when a later entry reads the earlier value',
      code: pod(['    - {name: PATH, value: /bin}', '    - {name: PATH, value: "$(PATH):/opt/bin"}']),
      errors: [{ messageId: 'duplicate', line: 10, column: 14, endLine: 10, endColumn: 18 }],
    },
  ],
});
