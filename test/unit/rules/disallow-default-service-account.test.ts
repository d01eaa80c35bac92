import { ruleTester } from '../../helpers/rule-tester';

const pod = (spec: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'], ...spec, '  containers:', '  - name: app', '    image: nginx:1.27', ''].join('\n');

ruleTester('disallow-default-service-account', {
  valid: [{ name: 'its own account', code: pod(['  serviceAccountName: api']) }],
  invalid: [
    { name: 'unset: reported at spec', code: pod([]), errors: [{ messageId: 'implicit', line: 5, column: 1, endLine: 5, endColumn: 5 }] },
    {
      name: 'named default',
      code: pod(['  serviceAccountName: default']),
      errors: [{ messageId: 'explicit', line: 6, column: 23, endLine: 6, endColumn: 30, message: 'The pod names the default ServiceAccount: give the workload its own ServiceAccount so its permissions are its own.' }],
    },
  ],
});
