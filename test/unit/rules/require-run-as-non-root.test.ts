import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-run-as-non-root', {
  valid: [
    {
      name: 'pod-level true covers every container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: true
          initContainers:
          - name: init
            image: busybox:1.36
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'container-level true with pod unset',
      code: yaml`
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
                securityContext:
                  runAsNonRoot: true
      `,
    },
    {
      name: 'user namespaces exempt the pod from 1.35',
      code: yaml`
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
      name: 'not a pod-bearing kind',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
        data:
          runAsNonRoot: "false"
      `,
    },
    {
      name: 'only checked at restricted',
      level: 'baseline',
      code: yaml`
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
  ],
  invalid: [
    {
      name: 'no securityContext anywhere: reported on the container name',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{
        messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14,
        message: 'Container "app" may run as root: set securityContext.runAsNonRoot: true (here or in the pod securityContext).',
        covers: ['R03'],
      }],
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
            runAsNonRoot: true
      `,
    },
    {
      name: 'container securityContext without the field: reported on its key',
      code: yaml`
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
                securityContext:
                  allowPrivilegeEscalation: false
      `,
      errors: [{ messageId: 'missing', line: 11, column: 9, endLine: 11, endColumn: 24 }],
      output: yaml`
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
                securityContext:
                  allowPrivilegeEscalation: false
              securityContext:
                runAsNonRoot: true
      `,
    },
    {
      name: 'pod false is reported once at pod level, the overriding container false too',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: false
          containers:
          - name: a
            image: nginx:1.27
          - name: b
            image: nginx:1.27
            securityContext:
              runAsNonRoot: false
      `,
      errors: [
        { messageId: 'podFalse', line: 7, column: 19, endLine: 7, endColumn: 24 },
        { messageId: 'containerFalse', line: 14, column: 21, endLine: 14, endColumn: 26, data: { container: 'Container "b"' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: true
          containers:
          - name: a
            image: nginx:1.27
          - name: b
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
      `,
    },
    {
      name: 'container false overrides a pod-level true',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "* * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      runAsNonRoot: false
      `,
      errors: [{ messageId: 'containerFalse', line: 17, column: 29, endLine: 17, endColumn: 34 }],
      output: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "* * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext:
                    runAsNonRoot: true
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      runAsNonRoot: true
      `,
    },
    {
      name: 'init and ephemeral containers are checked too',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              runAsNonRoot: true
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
      `,
      errors: [{ messageId: 'missing', line: 17, column: 11, endLine: 17, endColumn: 16, data: { container: 'Ephemeral container "debug"' } }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              runAsNonRoot: true
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext:
              runAsNonRoot: true
      `,
    },
    {
      name: 'before 1.35 user namespaces do not exempt',
      version: 'v1.34',
      code: yaml`
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
      errors: [{ messageId: 'missing', line: 8, column: 11, endLine: 8, endColumn: 14 }],
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
            runAsNonRoot: true
      `,
    },
    {
      name: 'no container and not the pod sets it: every finding shares one pod-level fix, written once',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 2000
              initContainers:
              - name: init
                image: busybox:1.36
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  allowPrivilegeEscalation: false
              - name: sidecar
                image: envoyproxy/envoy:v1.31.0
      `,
      errors: [
        { messageId: 'missing', line: 11, column: 15, endLine: 11, endColumn: 19, data: { container: 'Init container "init"' } },
        { messageId: 'missing', line: 16, column: 9, endLine: 16, endColumn: 24, data: { container: 'Container "app"' } },
        { messageId: 'missing', line: 18, column: 15, endLine: 18, endColumn: 22, data: { container: 'Container "sidecar"' } },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                fsGroup: 2000
                runAsNonRoot: true
              initContainers:
              - name: init
                image: busybox:1.36
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  allowPrivilegeEscalation: false
              - name: sidecar
                image: envoyproxy/envoy:v1.31.0
      `,
    },
    {
      name: 'flow pod securityContext maps, empty and not',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: {}
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          securityContext: {fsGroup: 2000}
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [
        { messageId: 'missing', line: 8, column: 11, endLine: 8, endColumn: 14 },
        { messageId: 'missing', line: 18, column: 11, endLine: 18, endColumn: 14 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          securityContext: {fsGroup: 2000, runAsNonRoot: true}
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'a container that sets it elsewhere keeps the fix on each container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext: {runAsNonRoot: true}
          - name: b
            image: nginx:1.27
            securityContext: {runAsUser: 1000}
          - name: c
            image: nginx:1.27
      `,
      errors: [
        {
          messageId: 'missingWithUid', line: 12, column: 5, endLine: 12, endColumn: 20, data: { container: 'Container "b"', uid: 1000 },
          message: 'Container "b" runs as UID 1000 but does not set runAsNonRoot: true, which the restricted level requires so that the kubelet refuses UID 0 if runAsUser is ever dropped: set securityContext.runAsNonRoot: true (here or in the pod securityContext).',
        },
        { messageId: 'missing', line: 13, column: 11, endLine: 13, endColumn: 12, data: { container: 'Container "c"' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext: {runAsNonRoot: true}
          - name: b
            image: nginx:1.27
            securityContext: {runAsUser: 1000, runAsNonRoot: true}
          - name: c
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
      `,
    },
    {
      name: 'runAsUser: 0 would stop the kubelet from starting the container: no fix reaches it, the pod-level one falls back to the others',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: root
            image: nginx:1.27
            securityContext:
              runAsUser: 0
          - name: app
            image: nginx:1.27
          - name: overridden
            image: nginx:1.27
            securityContext:
              runAsNonRoot: false
              runAsUser: 0
      `,
      errors: [
        { messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 20, data: { container: 'Container "root"' } },
        { messageId: 'missing', line: 11, column: 11, endLine: 11, endColumn: 14, data: { container: 'Container "app"' } },
        { messageId: 'containerFalse', line: 16, column: 21, endLine: 16, endColumn: 26, data: { container: 'Container "overridden"' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: root
            image: nginx:1.27
            securityContext:
              runAsUser: 0
          - name: app
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
          - name: overridden
            image: nginx:1.27
            securityContext:
              runAsNonRoot: false
              runAsUser: 0
      `,
    },
    {
      name: 'a pod-level runAsUser: 0 that containers inherit blocks the pod-level fix; a container UID overrides it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: false
            runAsUser: 0
          containers:
          - name: app
            image: nginx:1.27
          - name: b
            image: nginx:1.27
            securityContext:
              runAsNonRoot: false
              runAsUser: 1000
      `,
      errors: [
        { messageId: 'podFalse', line: 7, column: 19, endLine: 7, endColumn: 24 },
        { messageId: 'containerFalse', line: 15, column: 21, endLine: 15, endColumn: 26, data: { container: 'Container "b"' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: false
            runAsUser: 0
          containers:
          - name: app
            image: nginx:1.27
          - name: b
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
              runAsUser: 1000
      `,
    },
    {
      name: '4-space indentation, a comment after the last key, CRLF',
      code: [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '    name: j',
        'spec:',
        '    template:',
        '        spec:',
        '            restartPolicy: Never',
        '            securityContext:',
        '                fsGroup: 2000  # shared volume',
        '            containers:',
        '            -   name: job',
        '                image: busybox:1.36',
        '',
      ].join('\r\n'),
      errors: [{ messageId: 'missing', line: 12, column: 23, endLine: 12, endColumn: 26 }],
      output: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
            name: j
        spec:
            template:
                spec:
                    restartPolicy: Never
                    securityContext:
                        fsGroup: 2000  # shared volume
                        runAsNonRoot: true
                    containers:
                    -   name: job
                        image: busybox:1.36
      `.replace(/\n/g, '\r\n'),
    },
    {
      name: 'a pod securityContext shared through an alias is not edited',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: p
          spec:
            securityContext: &psc
              fsGroup: 2000
            containers:
            - name: app
              image: nginx:1.27
        - apiVersion: v1
          kind: Pod
          metadata:
            name: q
          spec:
            securityContext: *psc
            containers:
            - name: app
              image: nginx:1.27
      `,
      errors: [
        { messageId: 'missing', line: 12, column: 13, endLine: 12, endColumn: 16 },
        { messageId: 'missing', line: 21, column: 13, endLine: 21, endColumn: 16 },
      ],
    },
  ],
});
