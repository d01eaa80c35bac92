import { ruleTester } from '../../helpers/rule-tester';

const pod = (lines: string[]) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], ...lines, ''].join('\n');

ruleTester('require-image-pull-policy-always', {
  valid: [
    { name: 'Always', code: pod(['    image: nginx:1.27', '    imagePullPolicy: Always']) },
    { name: 'digest-pinned images may be cached', code: pod(['    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', '    imagePullPolicy: IfNotPresent']) },
    { name: 'unset with latest defaults to Always', code: pod(['    image: nginx:latest']) },
  ],
  invalid: [
    {
      name: 'unset with a version tag (reported at the image), IfNotPresent replaced in place with its comment',
      code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: nginx:1.27', '  - name: b', '    image: redis:7', '    imagePullPolicy: IfNotPresent # cache', ''].join('\n'),
      errors: [
        {
          messageId: 'notAlways', line: 8, column: 12, endLine: 8, endColumn: 22,
          message: 'Container "app" pulls image "nginx:1.27" with imagePullPolicy IfNotPresent (the default for a tagged image): a copy cached on the node is used without checking the registry (or your pull credentials); set imagePullPolicy: Always or pin the image by digest.',
        },
        { messageId: 'notAlways', line: 11, column: 22, endLine: 11, endColumn: 34, data: { container: 'Container "b"', image: 'redis:7', policy: 'IfNotPresent' } },
      ],
      output: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', '  containers:', '  - name: app'], '    image: nginx:1.27', '    imagePullPolicy: Always', '  - name: b', '    image: redis:7', '    imagePullPolicy: Always # cache', ''].join('\n'),
    },
    {
      name: 'flow container, 4-space indentation',
      code: ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '    name: web', 'spec:', '    template:', '        spec:', '            containers:',
        '                - {name: app, image: "nginx:1.27", imagePullPolicy: Never}', ''].join('\n'),
      errors: [{ messageId: 'notAlways', line: 9, column: 69, endLine: 9, endColumn: 74 }],
      output: ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '    name: web', 'spec:', '    template:', '        spec:', '            containers:',
        '                - {name: app, image: "nginx:1.27", imagePullPolicy: Always}', ''].join('\n'),
    },
  ],
});
