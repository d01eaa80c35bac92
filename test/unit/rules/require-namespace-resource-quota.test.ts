import { ruleTester } from '../../helpers/rule-tester';

const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

ruleTester('require-namespace-resource-quota', {
  valid: [{ name: 'present in the namespace', code: ns + '---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: x, namespace: shop}\nspec: {hard: {pods: "10"}}\n' }],
  invalid: [
    {
      name: 'absent, or only in another namespace',
      code: ns + '---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: x, namespace: other}\nspec: {hard: {pods: "10"}}\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, data: { name: 'shop' } }],
    },
  ],
});
