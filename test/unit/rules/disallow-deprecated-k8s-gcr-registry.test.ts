import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');

ruleTester('disallow-deprecated-k8s-gcr-registry', {
  valid: [{ name: 'registry.k8s.io', code: pod(['    image: registry.k8s.io/pause:3.9']) }],
  invalid: [
    {
      name: 'plain and quoted images are rewritten in place, quotes and comments kept',
      code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: k8s.gcr.io/pause:3.2 # sandbox', '  - name: b', '    image: "k8s.gcr.io/ingress-nginx/controller:v1.1.0"', ''].join('\n'),
      errors: [
        {
          messageId: 'frozen', line: 8, column: 12, endLine: 8, endColumn: 32,
          message: 'Container "app" pulls "k8s.gcr.io/pause:3.2" from k8s.gcr.io, frozen since April 2023 (no new versions or security fixes): use registry.k8s.io instead.',
        },
        { messageId: 'frozen', line: 10, column: 12, endLine: 10, endColumn: 56 },
      ],
      output: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: registry.k8s.io/pause:3.2 # sandbox', '  - name: b', '    image: "registry.k8s.io/ingress-nginx/controller:v1.1.0"', ''].join('\n'),
    },
  ],
});
