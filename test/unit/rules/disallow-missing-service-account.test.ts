import { ruleTester } from '../../helpers/rule-tester';

const pod = (spec: string[], more: string[] = []) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'], ...spec, '  containers:', '  - name: app', '    image: nginx:1.27', ...more, ''].join('\n');

ruleTester('disallow-missing-service-account', {
  valid: [
    { name: 'default always exists', code: pod(['  serviceAccountName: default']) },
    { name: 'defined in the workspace', code: pod(['  serviceAccountName: api'], ['---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api}']) },
  ],
  invalid: [
    {
      name: 'defined only in another namespace',
      code: pod(['  serviceAccountName: api'], ['---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api, namespace: other}']),
      errors: [{
        messageId: 'missing', line: 6, column: 23, endLine: 6, endColumn: 26,
        message: 'ServiceAccount "api" is not defined in namespace "default" of the workspace: the pod is rejected until it exists.',
      }],
    },
  ],
});
