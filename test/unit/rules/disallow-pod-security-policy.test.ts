import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-pod-security-policy', {
  valid: [
    {
      name: 'a custom resource of the same kind in another group',
      code: yaml`
        apiVersion: example.com/v1
        kind: PodSecurityPolicy
        metadata:
          name: x
      `,
    },
  ],
  invalid: [
    {
      name: 'policy/v1beta1',
      code: yaml`
        apiVersion: policy/v1beta1
        kind: PodSecurityPolicy
        metadata:
          name: restricted
        spec:
          privileged: false
      `,
      errors: [{ messageId: 'removed', line: 2, column: 7, endLine: 2, endColumn: 24 }],
    },
  ],
});
