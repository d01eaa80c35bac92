import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-naked-pods', {
  valid: [
    {
      name: 'a pod with an owner; a Deployment',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          ownerReferences:
          - apiVersion: apps/v1
            kind: ReplicaSet
            name: web-6d4cf56db6
            uid: 0b0c0f7e-1111-2222-3333-444455556666
            controller: true
        spec:
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: 'a bare Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
        spec:
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{ messageId: 'naked', line: 2, column: 7, endLine: 2, endColumn: 10, data: { name: 'debug' } }],
    },
  ],
});
