import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app', '    image: nginx:1.27'], ...lines, ''].join('\n');

ruleTester('require-memory-request', {
  valid: [{ name: 'a limit alone is also the request', code: pod(['    resources:', '      limits: {memory: "1"}']) }, { name: 'set', code: pod(['    resources:', '      requests: {memory: "128Mi"}']) }],
  invalid: [
    {
      name: 'an empty resources map: reported at its key',
      code: pod(['    resources: {}']),
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 14,
        message: 'Container "app" sets no resources.requests.memory: set one (e.g. 128Mi, sized for the workload).',
        suggestions: [{
          title: 'Set resources.requests.memory: 128Mi in container "app" (a placeholder: size it for the workload)',
          output: pod(['    resources: {requests: {memory: "128Mi"}}']),
        }],
      }],
    },
  ],
});
