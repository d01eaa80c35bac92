import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');
const settings = { deniedRegistries: ['docker.io/randomuser', 'quay.io'] };

ruleTester('disallow-denied-registries', {
  valid: [
    { name: 'off while the setting is empty', code: pod(['    image: quay.io/evil/miner:1.0']) },
    { name: 'not denied', code: pod(['    image: randomuser2/app:1']), settings },
  ],
  invalid: [
    {
      name: 'a Docker Hub namespace and a host',
      settings,
      code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: randomuser/app:1', '  - name: b', '    image: quay.io/x/y:2', ''].join('\n'),
      errors: [
        {
          messageId: 'denied', line: 8, column: 12, endLine: 8, endColumn: 28,
          message: 'Container "app" pulls "randomuser/app:1" from docker.io/randomuser, which kubeHarden.deniedRegistries forbids: use an image from an approved registry.',
        },
        { messageId: 'denied', line: 10, column: 12, endLine: 10, endColumn: 25, data: { container: 'Container "b"', image: 'quay.io/x/y:2', pattern: 'quay.io' } },
      ],
    },
  ],
});
