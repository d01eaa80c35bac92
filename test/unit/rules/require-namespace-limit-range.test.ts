import { ruleTester } from '../../helpers/rule-tester';

const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';

ruleTester('require-namespace-limit-range', {
  valid: [
    { name: 'present in the namespace', code: ns + '---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: x, namespace: shop}\nspec: {limits: [{type: Container, default: {memory: 1Gi}}]}\n' },
    {
      // Applied with `kubectl -n shop` beside namespace.yaml: it names no namespace of its own.
      name: 'naming no namespace, in the Namespace object\'s folder',
      code: ns,
      files: { 'x.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: x}\nspec: {limits: [{type: Container, default: {memory: 1Gi}}]}\n' },
    },
  ],
  invalid: [
    {
      name: 'naming no namespace in another folder: another app\'s, applied elsewhere',
      code: ns,
      files: { 'other/x.yaml': 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: x}\nspec: {limits: [{type: Container, default: {memory: 1Gi}}]}\n' },
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, data: { name: 'shop' } }],
    },
    {
      name: 'absent, or only in another namespace',
      code: ns + '---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: x, namespace: other}\nspec: {limits: [{type: Container, default: {memory: 1Gi}}]}\n',
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 13, data: { name: 'shop' } }],
    },
  ],
});
