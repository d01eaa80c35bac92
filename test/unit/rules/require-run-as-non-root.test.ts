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
    },
  ],
});
