import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app', '    image: nginx:1.27'], ...lines, ''].join('\n');

ruleTester('require-cpu-limit', {
  valid: [{ name: 'set', code: pod(['    resources:', '      limits: {cpu: "500m"}']) }],
  invalid: [
    {
      name: 'an empty resources map: reported at its key',
      code: pod(['    resources: {}']),
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 14,
        message: 'Container "app" sets no resources.limits.cpu: set one (e.g. 500m, sized for the workload).',
        suggestions: [{
          title: 'Set resources.limits.cpu: 500m in container "app" (a placeholder: size it for the workload)',
          output: pod(['    resources: {limits: {cpu: "500m"}}']),
        }],
      }],
    },
  ],
});
