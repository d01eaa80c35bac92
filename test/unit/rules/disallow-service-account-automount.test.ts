import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-service-account-automount', {
  valid: [{ name: 'opted out', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api\nautomountServiceAccountToken: false\n' }],
  invalid: [
    {
      name: 'the default account is a warning (reported at metadata), the field appended',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: shop\n',
      errors: [{
        messageId: 'automount', line: 3, column: 1, endLine: 3, endColumn: 9,
        message: 'ServiceAccount "default" lets every pod that uses it mount its token: set automountServiceAccountToken: false here, and true only in pods that call the API.',
      }],
      output: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: shop\nautomountServiceAccountToken: false\n',
    },
    {
      name: 'an explicit true is replaced in place',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\nautomountServiceAccountToken: true\nimagePullSecrets: [{name: reg}]\n',
      errors: [{ messageId: 'automount', line: 4, column: 31, endLine: 4, endColumn: 35, data: { name: 'api' } }],
      output: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api}\nautomountServiceAccountToken: false\nimagePullSecrets: [{name: reg}]\n',
    },
  ],
});
