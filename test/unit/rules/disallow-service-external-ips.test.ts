import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-service-external-ips', {
  valid: [
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n',
    { name: 'an empty list', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalIPs: []\n  ports:\n  - port: 80\n' },
    { name: 'not a core Service', code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  externalIPs: [192.0.2.10]\n' },
  ],
  invalid: [
    {
      name: 'externalIPs (CVE-2020-8554)',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n  externalIPs:\n  - 192.0.2.10\n  - 192.0.2.11\n',
      errors: [{ messageId: 'externalIPs', line: 8, column: 3, endLine: 8, endColumn: 14, severity: 'error', data: { name: 'web', ips: '192.0.2.10, 192.0.2.11' } }],
    },
    {
      name: 'at the baseline level too',
      level: 'baseline',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec: {externalIPs: [8.8.8.8], ports: [{port: 53}]}\n',
      errors: [{ messageId: 'externalIPs', line: 4, column: 8, endLine: 4, endColumn: 19 }],
    },
  ],
});
