import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');

ruleTester('require-image-digest', {
  valid: [{ name: 'pinned by digest', code: pod(['    image: nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']) }],
  invalid: [
    {
      name: 'a version tag',
      code: pod(['    image: nginx:1.27']),
      errors: [{
        messageId: 'noDigest', line: 8, column: 12, endLine: 8, endColumn: 22,
        message: 'Container "app" runs image "nginx:1.27" by tag: a tag can be moved to other content; pin it by digest (image@sha256:...).',
      }],
    },
  ],
});
