import { ruleTester } from '../../helpers/rule-tester';

const pod = (spec: string[], more: string[] = []) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'], ...spec, '  containers:', '  - name: app', '    image: nginx:1.27', ...more, ''].join('\n');

ruleTester('disallow-service-account-token-automount', {
  valid: [
    { name: 'the pod opts out', code: pod(['  automountServiceAccountToken: false']) },
    {
      name: 'its ServiceAccount (same namespace) opts out',
      code: pod(['  serviceAccountName: api'], ['---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api}', 'automountServiceAccountToken: false']),
    },
    {
      name: 'an explicit true beside a ServiceAccount that opts out: the pattern disallow-service-account-automount recommends',
      code: pod(['  serviceAccountName: api', '  automountServiceAccountToken: true'], ['---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api}', 'automountServiceAccountToken: false']),
    },
  ],
  invalid: [
    {
      name: 'unset with the default ServiceAccount: reported at spec, the field inserted first in line with the spec keys',
      code: pod([]),
      errors: [{
        messageId: 'unset', line: 5, column: 1, endLine: 5, endColumn: 5,
        message: 'The pod mounts a token of ServiceAccount "default", which does not disable automounting: set automountServiceAccountToken: false in the pod spec unless the application calls the Kubernetes API.',
      }],
      output: pod([], ['  automountServiceAccountToken: false']),
    },
    {
      name: 'a ServiceAccount that automounts is named in the message; an explicit true is replaced in place',
      code: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'], '  serviceAccountName: api', '  automountServiceAccountToken: true # needs the API?', '  containers:', '  - name: app', '    image: nginx:1.27', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: b}', 'spec:', '  serviceAccountName: api', '  containers:', '  - name: app', '    image: nginx:1.27',
        '---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api}', ''].join('\n'),
      errors: [
        { messageId: 'explicitTrue', line: 7, column: 33, endLine: 7, endColumn: 37 },
        { messageId: 'unset', line: 16, column: 3, endLine: 16, endColumn: 21, data: { sa: 'api' }, related: [{ file: 'case.yaml', line: 23, column: 18, endLine: 23, endColumn: 21, message: 'ServiceAccount "api" does not set automountServiceAccountToken: false' }] },
      ],
      output: [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:'], '  serviceAccountName: api', '  automountServiceAccountToken: false # needs the API?', '  containers:', '  - name: app', '    image: nginx:1.27', '---', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: b}', 'spec:', '  serviceAccountName: api', '  containers:', '  - name: app', '    image: nginx:1.27', '  automountServiceAccountToken: false',
        '---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api}', ''].join('\n'),
    },
  ],
});
