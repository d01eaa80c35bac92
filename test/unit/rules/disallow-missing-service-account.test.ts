import { ruleTester } from '../../helpers/rule-tester';

const pod = (spec: string[], more: string[] = [], meta: string[] = []) => [...['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', ...meta, 'spec:'], ...spec, '  containers:', '  - name: app', '    image: nginx:1.27', ...more, ''].join('\n');

ruleTester('disallow-missing-service-account', {
  valid: [
    { name: 'default always exists', code: pod(['  serviceAccountName: default']) },
    { name: 'defined in the workspace', code: pod(['  serviceAccountName: api'], ['---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api}']) },
    {
      // `kubectl apply -n other -f pod.yaml` puts the pod beside it: "default" is only a guess.
      name: 'the pod names no namespace, the account is in another one',
      code: pod(['  serviceAccountName: api']),
      files: { 'other/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: other}\n' },
    },
  ],
  invalid: [
    {
      name: 'defined only in another namespace',
      code: pod(['  serviceAccountName: api'], ['---', 'apiVersion: v1', 'kind: ServiceAccount', 'metadata: {name: api, namespace: other}'], ['  namespace: web']),
      errors: [{
        messageId: 'missing', line: 7, column: 23, endLine: 7, endColumn: 26,
        message: 'ServiceAccount "api" is not defined in namespace "web" of the workspace: the pod is rejected until it exists.',
      }],
    },
  ],
});
