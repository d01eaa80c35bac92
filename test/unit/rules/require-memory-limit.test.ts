import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[], more: string[] = []) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app', '    image: nginx:1.27'], ...lines, ...more, ''].join('\n');

ruleTester('require-memory-limit', {
  valid: [
    { name: 'set', code: pod(['    resources:', '      limits: {memory: 512Mi}']) },
    {
      name: 'a LimitRange of the namespace supplies the default',
      code: pod([], ['---', 'apiVersion: v1', 'kind: LimitRange', 'metadata: {name: lr}', 'spec:', '  limits:', '  - type: Container', '    default: {memory: 256Mi}']),
    },
  ],
  invalid: [
    {
      name: 'no resources: reported at the name; the suggestion inserts a placeholder',
      code: pod([]),
      errors: [{
        messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14,
        message: 'Container "app" sets no resources.limits.memory: set one (e.g. 256Mi, sized for the workload).',
        suggestions: [{
          title: 'Set resources.limits.memory: 256Mi in container "app" (a placeholder: size it for the workload)',
          output: pod(['    resources:', '      limits:', '        memory: "256Mi"']),
        }],
      }],
    },
    {
      name: 'requests only: reported at resources, limits added beside them',
      code: pod(['    resources:', '      requests: {cpu: 100m, memory: 128Mi}']),
      errors: [{
        messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 14,
        suggestions: [{
          title: 'Set resources.limits.memory: 256Mi in container "app" (a placeholder: size it for the workload)',
          output: pod(['    resources:', '      requests: {cpu: 100m, memory: 128Mi}', '      limits:', '        memory: "256Mi"']),
        }],
      }],
    },
  ],
});
