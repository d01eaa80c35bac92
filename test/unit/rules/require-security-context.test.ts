import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-security-context', {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
        - name: app
          image: nginx:1.27
          securityContext:
            allowPrivilegeEscalation: false
    `,
  ],
  invalid: [
    {
      name: 'absent at pod level (reported on spec), empty on a container (reported on its key)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          - name: side
            image: busybox:1.36
            securityContext: {}
      `,
      errors: [
        // Each finding carries the row it shows: H12 for the pod, H13 for a container.
        { messageId: 'pod', line: 5, column: 1, endLine: 5, endColumn: 5, covers: ['H12'] },
        { messageId: 'container', line: 7, column: 11, endLine: 7, endColumn: 14, data: { container: 'Container "app"' }, covers: ['H13'] },
        { messageId: 'container', line: 11, column: 5, endLine: 11, endColumn: 20, data: { container: 'Container "side"' } },
      ],
    },
    {
      name: 'fields without values decode to nothing: such a securityContext is empty',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: {runAsUser: null, fsGroup: ~}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              privileged:
          - name: side
            image: busybox:1.36
            securityContext: {privileged: false, runAsUser: null}
      `,
      errors: [
        { messageId: 'pod', line: 6, column: 3, endLine: 6, endColumn: 18, covers: ['H12'] },
        { messageId: 'container', line: 10, column: 5, endLine: 10, endColumn: 20, data: { container: 'Container "app"' } },
      ],
    },
  ],
});
