import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app', '    image: nginx:1.27'], ...lines, ''].join('\n');

ruleTester('require-cpu-request', {
  valid: [{ name: 'a limit alone is also the request', code: pod(['    resources:', '      limits: {cpu: "1"}']) }, { name: 'set', code: pod(['    resources:', '      requests: {cpu: "100m"}']) }],
  invalid: [
    {
      name: 'an empty resources map: reported at its key',
      code: pod(['    resources: {}']),
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 14,
        message: 'Container "app" sets no resources.requests.cpu: set one (e.g. 100m, sized for the workload).',
        suggestions: [{
          title: 'Set resources.requests.cpu: 100m in container "app" (a placeholder: size it for the workload)',
          output: pod(['    resources: {requests: {cpu: "100m"}}']),
        }],
      }],
    },
  ],
});
