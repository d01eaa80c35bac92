import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app',
  '    image: nginx:1.27', '  volumes:', ...lines, ''].join('\n');

ruleTester('report-sensitive-volumes', {
  valid: [{ name: 'emptyDir only', code: pod(['  - name: tmp', '    emptyDir: {}']) }],
  invalid: [
    {
      name: 'secret, configMap and PVC volumes',
      code: pod([
        '  - name: creds',
        '    secret: {secretName: db}',
        '  - name: cfg',
        '    configMap:',
        '      name: app-config',
        '  - name: data',
        '    persistentVolumeClaim: {claimName: data-0}',
      ]),
      errors: [
        {
          messageId: 'volume', line: 11, column: 5, endLine: 11, endColumn: 11, data: { volume: 'creds', what: 'Secret', name: 'db' },
          message: 'Volume "creds" mounts Secret "db" into the pod: whoever controls this workload reads it.',
        },
        { messageId: 'volume', line: 13, column: 5, endLine: 13, endColumn: 14, data: { volume: 'cfg', what: 'ConfigMap', name: 'app-config' } },
        { messageId: 'volume', line: 16, column: 5, endLine: 16, endColumn: 26, data: { volume: 'data', what: 'PersistentVolumeClaim', name: 'data-0' } },
      ],
    },
  ],
});
