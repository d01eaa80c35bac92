import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const pod = (...paths: string[]) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
    volumes:
${paths.map((p, i) => `    - name: v${i}\n      hostPath:\n        path: ${p}`).join('\n')}
`;

ruleTester('disallow-cloud-credential-host-paths', {
  valid: [
    { name: 'look-alike names', code: pod('/opt/aws', '/data/.aws-cache', '/etc/kubernetes/azure.json.d-not', '/home/ci/.config') },
  ],
  invalid: [
    {
      name: 'AKS service principal, CLI credential directories',
      code: pod('/etc/kubernetes/azure.json', '/root/.aws', '/.azure/', '/home/ci/.config/gcloud/credentials.db'),
      errors: [
        { messageId: 'credentials', line: 12, column: 13, endLine: 12, endColumn: 39, data: { volume: 'Volume "v0"', path: '/etc/kubernetes/azure.json' } },
        { messageId: 'credentials', line: 15, column: 13, endLine: 15, endColumn: 23 },
        { messageId: 'credentials', line: 18, column: 13, endLine: 18, endColumn: 21, data: { volume: 'Volume "v2"', path: '/.azure' } },
        { messageId: 'credentials', line: 21, column: 13, endLine: 21, endColumn: 51 },
      ],
    },
  ],
});
