import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');
const settings = { trustedRegistries: ['ghcr.io/acme', '*.azurecr.io', 'docker.io/library'] };

ruleTester('require-trusted-registry', {
  valid: [
    { name: 'off while the setting is empty', code: pod(['    image: quay.io/evil/miner:1.0']) },
    { name: 'an official Docker Hub image under docker.io/library', code: pod(['    image: nginx:1.27']), settings },
    { name: 'a repository prefix and a wildcard host', code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: ghcr.io/acme/api:1.0', '  - name: b', '    image: prod.azurecr.io/b:2', ''].join('\n'), settings },
  ],
  invalid: [
    {
      name: 'another Docker Hub namespace, another ghcr.io owner, localhost',
      settings,
      code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: bitnami/redis:7.2', '  - name: b', '    image: ghcr.io/acme-evil/api:1.0', '  - name: c', '    image: localhost:5000/app:1', ''].join('\n'),
      errors: [
        {
          messageId: 'untrusted', line: 8, column: 12, endLine: 8, endColumn: 29,
          message: 'Container "app" pulls "bitnami/redis:7.2" from docker.io, which is not in kubeHarden.trustedRegistries: mirror the image into a trusted registry (ghcr.io/acme, *.azurecr.io, docker.io/library).',
        },
        { messageId: 'untrusted', line: 10, column: 12, endLine: 10, endColumn: 37, data: { container: 'Container "b"', image: 'ghcr.io/acme-evil/api:1.0', registry: 'ghcr.io', trusted: 'ghcr.io/acme, *.azurecr.io, docker.io/library' } },
        { messageId: 'untrusted', line: 12, column: 12, endLine: 12, endColumn: 32, data: { container: 'Container "c"', image: 'localhost:5000/app:1', registry: 'localhost:5000', trusted: 'ghcr.io/acme, *.azurecr.io, docker.io/library' } },
      ],
    },
  ],
});
