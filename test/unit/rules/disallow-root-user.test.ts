import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const podRoot = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    securityContext:
      runAsUser: 0
    containers:
    - name: app
      image: nginx:1.27
`;

const userNamespaceRoot = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    hostUsers: false
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0
`;

ruleTester('disallow-root-user', {
  valid: [
    {
      name: 'non-zero UIDs and unset',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsUser: 1000
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              runAsUser: 10001
          - name: b
            image: nginx:1.27
      `,
    },
    { name: 'user namespaces exempt the pod from 1.35', code: userNamespaceRoot, version: 'v1.35' },
    { name: 'user namespaces exempt the pod at the latest version', code: userNamespaceRoot },
    { name: 'the check starts at policy 1.23', code: podRoot, version: 'v1.22' },
    { name: 'only checked at restricted', code: podRoot, level: 'baseline' },
  ],
  invalid: [
    {
      name: 'pod-level 0',
      code: podRoot,
      errors: [{
        messageId: 'podRoot', line: 7, column: 16, endLine: 7, endColumn: 17, covers: ['R04'],
        message: 'The pod sets runAsUser: 0 (root): remove it or set spec.securityContext.runAsUser to a non-zero UID.',
        suggestions: [
          {
            title: 'Remove runAsUser: 0 from the pod securityContext',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                containers:
                - name: app
                  image: nginx:1.27
            `,
          },
          {
            title: 'Set securityContext.runAsUser: 65532 in the pod spec (the image must be able to run as this UID)',
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
            `,
          },
        ],
      }],
    },
    {
      name: 'a container 0 is not excused by a non-zero pod value, nor the reverse',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsUser: 0
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              runAsUser: 1000
          - name: b
            image: nginx:1.27
            securityContext:
              runAsUser: 0
      `,
      errors: [
        {
          messageId: 'podRoot', line: 7, column: 16, endLine: 7, endColumn: 17,
          suggestions: [
            {
              title: 'Remove runAsUser: 0 from the pod securityContext',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  containers:
                  - name: a
                    image: nginx:1.27
                    securityContext:
                      runAsUser: 1000
                  - name: b
                    image: nginx:1.27
                    securityContext:
                      runAsUser: 0
              `,
            },
            {
              title: 'Set securityContext.runAsUser: 65532 in the pod spec (the image must be able to run as this UID)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  securityContext:
                    runAsUser: 65532
                  containers:
                  - name: a
                    image: nginx:1.27
                    securityContext:
                      runAsUser: 1000
                  - name: b
                    image: nginx:1.27
                    securityContext:
                      runAsUser: 0
              `,
            },
          ],
        },
        {
          messageId: 'containerRoot', line: 16, column: 18, endLine: 16, endColumn: 19,
          message: 'Container "b" sets runAsUser: 0 (root): remove it or set a non-zero UID.',
          suggestions: [
            {
              title: 'Remove runAsUser: 0 from container "b"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  securityContext:
                    runAsUser: 0
                  containers:
                  - name: a
                    image: nginx:1.27
                    securityContext:
                      runAsUser: 1000
                  - name: b
                    image: nginx:1.27
              `,
            },
            {
              title: 'Set securityContext.runAsUser: 65532 in container "b" (the image must be able to run as this UID)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  securityContext:
                    runAsUser: 0
                  containers:
                  - name: a
                    image: nginx:1.27
                    securityContext:
                      runAsUser: 1000
                  - name: b
                    image: nginx:1.27
                    securityContext:
                      runAsUser: 65532
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'init and ephemeral containers of a Deployment',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                runAsUser: 1000
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {runAsUser: 0}
              containers:
              - name: app
                image: nginx:1.27
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  runAsUser: 0
      `,
      errors: [
        {
          messageId: 'containerRoot', line: 13, column: 38, endLine: 13, endColumn: 39, data: { container: 'Init container "init"' },
          suggestions: [
            {
              title: 'Remove runAsUser: 0 from init container "init"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  template:
                    spec:
                      securityContext:
                        runAsUser: 1000
                      initContainers:
                      - name: init
                        image: busybox:1.36
                      containers:
                      - name: app
                        image: nginx:1.27
                      ephemeralContainers:
                      - name: debug
                        image: busybox:1.36
                        securityContext:
                          runAsUser: 0
              `,
            },
            {
              title: 'Set securityContext.runAsUser: 65532 in init container "init" (the image must be able to run as this UID)',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  template:
                    spec:
                      securityContext:
                        runAsUser: 1000
                      initContainers:
                      - name: init
                        image: busybox:1.36
                        securityContext: {runAsUser: 65532}
                      containers:
                      - name: app
                        image: nginx:1.27
                      ephemeralContainers:
                      - name: debug
                        image: busybox:1.36
                        securityContext:
                          runAsUser: 0
              `,
            },
          ],
        },
        {
          messageId: 'containerRoot', line: 21, column: 22, endLine: 21, endColumn: 23, data: { container: 'Ephemeral container "debug"' },
          suggestions: [
            {
              title: 'Remove runAsUser: 0 from ephemeral container "debug"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  template:
                    spec:
                      securityContext:
                        runAsUser: 1000
                      initContainers:
                      - name: init
                        image: busybox:1.36
                        securityContext: {runAsUser: 0}
                      containers:
                      - name: app
                        image: nginx:1.27
                      ephemeralContainers:
                      - name: debug
                        image: busybox:1.36
              `,
            },
            {
              title: 'Set securityContext.runAsUser: 65532 in ephemeral container "debug" (the image must be able to run as this UID)',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: d
                spec:
                  template:
                    spec:
                      securityContext:
                        runAsUser: 1000
                      initContainers:
                      - name: init
                        image: busybox:1.36
                        securityContext: {runAsUser: 0}
                      containers:
                      - name: app
                        image: nginx:1.27
                      ephemeralContainers:
                      - name: debug
                        image: busybox:1.36
                        securityContext:
                          runAsUser: 65532
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'before 1.35 user namespaces do not exempt', code: userNamespaceRoot, version: 'v1.34',
      errors: [{
        messageId: 'containerRoot', line: 11, column: 18, endLine: 11, endColumn: 19,
        suggestions: [
          {
            title: 'Remove runAsUser: 0 from container "app"',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                hostUsers: false
                containers:
                - name: app
                  image: nginx:1.27
            `,
          },
          {
            title: 'Set securityContext.runAsUser: 65532 in container "app" (the image must be able to run as this UID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                hostUsers: false
                containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    runAsUser: 65532
            `,
          },
        ],
      }],
    },
    {
      name: 'first policy version with the check', code: podRoot, version: 'v1.23',
      errors: [{
        messageId: 'podRoot', line: 7, column: 16, endLine: 7, endColumn: 17,
        suggestions: [
          {
            title: 'Remove runAsUser: 0 from the pod securityContext',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                containers:
                - name: app
                  image: nginx:1.27
            `,
          },
          {
            title: 'Set securityContext.runAsUser: 65532 in the pod spec (the image must be able to run as this UID)',
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
            `,
          },
        ],
      }],
    },
    {
      name: 'other keys and a trailing comment stay; 4-space indentation and CRLF are kept',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: p',
        'spec:',
        '    containers:',
        '    -   name: app',
        '        image: nginx:1.27',
        '        securityContext:',
        '            runAsUser: 0  # apt needs root',
        '            runAsGroup: 3000',
        '',
      ].join('\r\n'),
      errors: [{
        messageId: 'containerRoot', line: 10, column: 24, endLine: 10, endColumn: 25,
        suggestions: [
          {
            title: 'Remove runAsUser: 0 from container "app"',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                  name: p
              spec:
                  containers:
                  -   name: app
                      image: nginx:1.27
                      securityContext:
                          runAsGroup: 3000
            `.replace(/\n/g, '\r\n'),
          },
          {
            title: 'Set securityContext.runAsUser: 65532 in container "app" (the image must be able to run as this UID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                  name: p
              spec:
                  containers:
                  -   name: app
                      image: nginx:1.27
                      securityContext:
                          runAsUser: 65532  # apt needs root
                          runAsGroup: 3000
            `.replace(/\n/g, '\r\n'),
          },
        ],
      }],
    },
    {
      name: 'a Windows pod may not set runAsUser: only its removal is offered',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          os: {name: windows}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext: {runAsUser: 0, windowsOptions: {runAsUserName: ContainerUser}}
      `,
      errors: [{
        messageId: 'containerRoot', line: 10, column: 34, endLine: 10, endColumn: 35,
        suggestions: [
          {
            title: 'Remove runAsUser: 0 from container "app"',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                os: {name: windows}
                containers:
                - name: app
                  image: mcr.microsoft.com/windows/nanoserver:ltsc2022
                  securityContext: {windowsOptions: {runAsUserName: ContainerUser}}
            `,
          },
        ],
      }],
    },
    {
      name: 'a securityContext shared through an alias is not edited',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: &root
            runAsUser: 0
          containers:
          - name: app
            image: nginx:1.27
            securityContext: *root
      `,
      errors: [
        { messageId: 'podRoot', line: 7, column: 16, endLine: 7, endColumn: 17 },
        { messageId: 'containerRoot', line: 7, column: 16, endLine: 7, endColumn: 17 },
      ],
    },
  ],
});
