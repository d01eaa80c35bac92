import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const rootContainer = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0
`;

ruleTester('require-high-uid', {
  valid: [
    {
      name: 'a high pod UID inherited; a pod-level low UID every container overrides does not count',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsUser: 10001
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          securityContext:
            runAsUser: 1000
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              runAsUser: 65532
      `,
    },
    {
      name: 'user namespaces map every UID outside the host user table',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostUsers: false
          securityContext:
            runAsUser: 1000
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'Windows pods may not set runAsUser',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          os:
            name: windows
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      `,
    },
    { name: 'UID 0 at restricted is disallow-root-user\'s finding', code: rootContainer, level: 'restricted' },
  ],
  invalid: [
    {
      name: 'pod value inherited by one container, 10000 itself on another',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsUser: 1000
          containers:
          - name: app
            image: nginx:1.27
          - name: side
            image: busybox:1.36
            securityContext:
              runAsUser: 10000
      `,
      errors: [
        { messageId: 'podLow', line: 7, column: 16, endLine: 7, endColumn: 20, data: { value: 1000 }, suggestions: [
          {
            title: 'Set securityContext.runAsUser: 65532 in the pod spec (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                securityContext:
                  runAsUser: 65532
                containers:
                - name: app
                  image: nginx:1.27
                - name: side
                  image: busybox:1.36
                  securityContext:
                    runAsUser: 10000
            `,
          },
        ]},
        { messageId: 'containerLow', line: 14, column: 18, endLine: 14, endColumn: 23, data: { container: 'Container "side"', value: 10000 }, suggestions: [
          {
            title: 'Set securityContext.runAsUser: 65532 in container "side" (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                securityContext:
                  runAsUser: 1000
                containers:
                - name: app
                  image: nginx:1.27
                - name: side
                  image: busybox:1.36
                  securityContext:
                    runAsUser: 65532
            `,
          },
        ]},
      ],
    },
    {
      // The kubelet refuses UID 0 under runAsNonRoot: the image's user is not root, only maybe low.
      name: 'unset under runAsNonRoot: the message does not say root',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{
        messageId: 'unset', line: 9, column: 11, endLine: 9, endColumn: 14,
        message: 'Container "app" sets no runAsUser, so the image\'s user (not root, as runAsNonRoot requires, yet possibly a UID host accounts use) applies: set securityContext.runAsUser above 10000 (for example 65532).',
        suggestions: [{
          title: 'Set securityContext.runAsUser: 65532 in the pod spec (the image must be able to run with this ID)',
          output: yaml`
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
            spec:
              securityContext:
                runAsNonRoot: true
                runAsUser: 65532
              containers:
              - name: app
                image: nginx:1.27
          `,
        }],
      }],
    },
    {
      name: 'unset everywhere: each container, on its securityContext key or its name',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  allowPrivilegeEscalation: false
      `,
      errors: [
        { messageId: 'unset', line: 9, column: 15, endLine: 9, endColumn: 19, data: { container: 'Init container "init"', imageId: 'root unless the image says otherwise' }, suggestions: [
          {
            title: 'Set securityContext.runAsUser: 65532 in the pod spec (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
              spec:
                template:
                  spec:
                    initContainers:
                    - name: init
                      image: busybox:1.36
                    containers:
                    - name: app
                      image: nginx:1.27
                      securityContext:
                        allowPrivilegeEscalation: false
                    securityContext:
                      runAsUser: 65532
            `,
          },
        ]},
        { messageId: 'unset', line: 14, column: 9, endLine: 14, endColumn: 24, data: { container: 'Container "app"', imageId: 'root unless the image says otherwise' }, suggestions: [
          {
            title: 'Set securityContext.runAsUser: 65532 in the pod spec (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
              spec:
                template:
                  spec:
                    initContainers:
                    - name: init
                      image: busybox:1.36
                    containers:
                    - name: app
                      image: nginx:1.27
                      securityContext:
                        allowPrivilegeEscalation: false
                    securityContext:
                      runAsUser: 65532
            `,
          },
        ]},
      ],
    },
    {
      name: 'UID 0 at baseline, where no Pod Security rule reports it',
      code: rootContainer,
      errors: [{ messageId: 'containerLow', line: 10, column: 18, endLine: 10, endColumn: 19, data: { container: 'Container "app"', value: 0 }, suggestions: [
          {
            title: 'Set securityContext.runAsUser: 65532 in container "app" (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    runAsUser: 65532
            `,
          },
        ]}],
    },
    {
      name: 'flow-style securityContext, 4-space indentation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
            -   name: app
                image: nginx:1.27
                securityContext: {runAsUser: 1000, runAsNonRoot: true}
      `,
      errors: [{ messageId: 'containerLow', line: 9, column: 38, endLine: 9, endColumn: 42, data: { container: 'Container "app"', value: 1000 }, suggestions: [
          {
            title: 'Set securityContext.runAsUser: 65532 in container "app" (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                  name: p
              spec:
                  containers:
                  -   name: app
                      image: nginx:1.27
                      securityContext: {runAsUser: 65532, runAsNonRoot: true}
            `,
          },
        ]}],
    },
  ],
});
