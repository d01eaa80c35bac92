import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');

ruleTester('disallow-latest-image-tag', {
  valid: [
    { name: 'a version tag', code: pod(['    image: nginx:1.27.2']) },
    { name: 'latest pinned by digest', code: pod(['    image: nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef']) },
    { name: 'a registry port is not a tag', code: pod(['    image: registry.local:5000/app:2.1']) },
    { name: 'templated', code: pod(['    image: $(IMAGE)']) },
    // Not pullable at all (require-image-digest reports it), so never latest.
    { name: 'a malformed digest, untagged', code: pod(['    image: gcr.io/acme/kafka@sha256:123456']) },
    { name: 'a malformed digest after latest', code: pod(['    image: nginx:latest@sha256:ABC']) },
  ],
  invalid: [
    {
      name: 'no tag, latest, and a registry port without a tag',
      code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: nginx', '  - name: b', '    image: "ghcr.io/acme/api:latest"', '  - name: c', '    image: registry.local:5000/app', ''].join('\n'),
      errors: [
        {
          messageId: 'untagged', line: 8, column: 12, endLine: 8, endColumn: 17,
          message: 'Container "app" runs image "nginx" without a tag, which means latest: pin a version tag (or a digest).',
        },
        {
          messageId: 'latest', line: 10, column: 12, endLine: 10, endColumn: 37,
          message: 'Container "b" runs image "ghcr.io/acme/api:latest" with the latest tag: pin a version tag (or a digest) so every node runs the same, reviewed image.',
        },
        { messageId: 'untagged', line: 12, column: 12, endLine: 12, endColumn: 35, data: { container: 'Container "c"', image: 'registry.local:5000/app' } },
      ],
    },
  ],
});
