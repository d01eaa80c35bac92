import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app',
  '    image: nginx:1.27', ...lines, ''].join('\n');

ruleTester('prefer-secret-volumes-over-env', {
  valid: [
    { name: 'ConfigMap references and literal values', code: pod(['    env:', '    - name: A', '      valueFrom:', '        configMapKeyRef: {name: cfg, key: a}', '    envFrom:', '    - configMapRef: {name: cfg}']) },
  ],
  invalid: [
    {
      name: 'secretKeyRef and envFrom secretRef, at their keys',
      code: pod([
        '    env:',
        '    - name: DB_PASSWORD',
        '      valueFrom:',
        '        secretKeyRef: {name: db, key: password}',
        '    envFrom:',
        '    - secretRef:',
        '        name: api',
      ]),
      errors: [
        {
          messageId: 'secretKeyRef', line: 12, column: 9, endLine: 12, endColumn: 21, data: { container: 'Container "app"', name: 'db', env: 'DB_PASSWORD' },
        },
        {
          messageId: 'secretRef', line: 14, column: 7, endLine: 14, endColumn: 16,
          message: 'Container "app" loads every key of Secret "api" into its environment: prefer mounting the Secret as a volume.',
        },
      ],
    },
  ],
});
