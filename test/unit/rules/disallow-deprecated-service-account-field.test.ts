import { ruleTester } from '../../helpers/rule-tester';

const pod = (spec: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'], ...spec, '  containers:', '  - name: app', '    image: nginx:1.27', ''].join('\n');

ruleTester('disallow-deprecated-service-account-field', {
  valid: [{ name: 'serviceAccountName only', code: pod(['  serviceAccountName: api']) }],
  invalid: [
    {
      name: 'alone: the key is renamed, value and comment kept',
      code: pod(['  serviceAccount: api # legacy']),
      errors: [{ messageId: 'deprecated', line: 6, column: 3, endLine: 6, endColumn: 17, message: 'The pod spec uses the deprecated serviceAccount field: rename it to serviceAccountName.' }],
      output: pod(['  serviceAccountName: api # legacy']),
    },
    {
      name: 'next to the same serviceAccountName: removed, never renamed into a duplicate key',
      code: pod(['  serviceAccount: api', '  serviceAccountName: api']),
      errors: [{
        messageId: 'duplicate', line: 6, column: 3, endLine: 6, endColumn: 17,
        message: 'The pod spec sets the deprecated serviceAccount field beside serviceAccountName, to the same account "api": remove serviceAccount.',
      }],
      output: pod(['  serviceAccountName: api']),
    },
    {
      name: 'next to a different serviceAccountName: removed',
      code: pod(['  serviceAccount: old', '  serviceAccountName: api']),
      errors: [{ messageId: 'differs', line: 6, column: 3, endLine: 6, endColumn: 17, data: { old: 'old', name: 'api' } }],
      output: pod(['  serviceAccountName: api']),
    },
  ],
});
