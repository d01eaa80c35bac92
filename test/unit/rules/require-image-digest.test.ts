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
    {
      name: 'malformed digests pin nothing: too short, upper-case hex, an unknown algorithm',
      code: ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:',
        '  - {name: a, image: "nginx@sha256:abc123"}',
        '  - {name: b, image: "nginx@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"}',
        '  - {name: c, image: "nginx:1.27@md5:0123456789abcdef0123456789abcdef"}', ''].join('\n'),
      errors: [
        {
          messageId: 'badDigest', line: 7, column: 22, endLine: 7, endColumn: 43, data: { container: 'Container "a"', image: 'nginx@sha256:abc123', digest: 'sha256:abc123' },
          message: 'Container "a" runs image "nginx@sha256:abc123" with a malformed digest "sha256:abc123": a digest is sha256: and 64 lower-case hex digits (or sha384/sha512); the runtime cannot pull this reference, so nothing is pinned.',
        },
        { messageId: 'badDigest', line: 8, column: 22, endLine: 8, endColumn: 101, data: { container: 'Container "b"', image: 'nginx@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef', digest: 'sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef' } },
        { messageId: 'badDigest', line: 9, column: 22, endLine: 9, endColumn: 71, data: { container: 'Container "c"', image: 'nginx:1.27@md5:0123456789abcdef0123456789abcdef', digest: 'md5:0123456789abcdef0123456789abcdef' } },
      ],
    },
  ],
});
