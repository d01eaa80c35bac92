import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[], more: string[] = []) => ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', '  namespace: shop', 'spec:', '  containers:', '  - name: app',
  '    image: nginx:1.27', ...lines, ...more, ''].join('\n');

const defined = [
  '---', 'apiVersion: v1', 'kind: Secret', 'metadata: {name: db, namespace: shop}', 'stringData: {password: ""}',
  '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: cfg, namespace: shop}', 'data: {mode: fast}',
  '---', 'apiVersion: external-secrets.io/v1beta1', 'kind: ExternalSecret', 'metadata: {name: api-es, namespace: shop}', 'spec:', '  target: {name: api}',
];

ruleTester('disallow-dangling-env-references', {
  valid: [
    {
      name: 'every reference is defined in the namespace (an ExternalSecret target counts)',
      code: pod([
        '    env:',
        '    - {name: A, valueFrom: {secretKeyRef: {name: db, key: password}}}',
        '    - {name: B, valueFrom: {configMapKeyRef: {name: cfg, key: mode}}}',
        '    - {name: C, valueFrom: {secretKeyRef: {name: api, key: anything}}}',
        '    - {name: D, valueFrom: {secretKeyRef: {name: gone, key: x, optional: true}}}',
        '    envFrom:',
        '    - secretRef: {name: api}',
      ], defined),
    },
    {
      // `kubectl apply -n shop -f web.yaml` puts the pod beside them: "default" is only a guess.
      name: 'a pod naming no namespace, the objects in a namespace of another file',
      code: pod(['    envFrom:', '    - secretRef: {name: db}', '    - configMapRef: {name: cfg}']).replace('  namespace: shop\n', ''),
      files: { 'shop/config.yaml': defined.slice(1).join('\n') + '\n' },
    },
  ],
  invalid: [
    {
      name: 'a missing object, a missing key, an object in another namespace',
      code: pod([
        '    env:',
        '    - {name: A, valueFrom: {secretKeyRef: {name: dbx, key: password}}}',
        '    - {name: B, valueFrom: {configMapKeyRef: {name: cfg, key: speed}}}',
        '    envFrom:',
        '    - configMapRef: {name: other}',
      ], [...defined, '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: other, namespace: default}', 'data: {a: b}']),
      errors: [
        {
          messageId: 'missingObject', line: 11, column: 50, endLine: 11, endColumn: 53, data: { container: 'Container "app"', kind: 'Secret', name: 'dbx', namespace: 'shop' },
          message: 'Container "app" reads Secret "dbx", which is not defined in namespace "shop" of the workspace: the pod will not start until it exists (or mark the reference optional: true).',
        },
        { messageId: 'missingKey', line: 12, column: 63, endLine: 12, endColumn: 68, data: { container: 'Container "app"', kind: 'ConfigMap', name: 'cfg', key: 'speed' }, related: [{ file: 'case.yaml', line: 23, column: 18, endLine: 23, endColumn: 21, message: 'ConfigMap "cfg" is defined here' }] },
        { messageId: 'missingObject', line: 14, column: 28, endLine: 14, endColumn: 33, data: { container: 'Container "app"', kind: 'ConfigMap', name: 'other', namespace: 'shop' } },
      ],
    },
  ],
});
