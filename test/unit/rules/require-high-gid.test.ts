import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-high-gid', {
  valid: [
    {
      name: 'a high pod GID inherited, a high container GID',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsGroup: 10001
          containers:
          - name: app
            image: nginx:1.27
          - name: side
            image: busybox:1.36
            securityContext:
              runAsGroup: 65532
      `,
    },
    {
      name: 'group 0 is disallow-root-group\'s finding; user namespaces remap the rest',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsGroup: 0
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          hostUsers: false
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: '10000 itself on the pod, a low container GID, inherited by an ephemeral container; a CronJob container inheriting nothing',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsGroup: 10000
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              runAsGroup: 1000
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: c
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
      errors: [
        { messageId: 'podLow', line: 7, column: 17, endLine: 7, endColumn: 22, data: { value: 10000 }, suggestions: [
          {
            title: 'Set securityContext.runAsGroup: 65532 in the pod spec (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                securityContext:
                  runAsGroup: 65532
                containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    runAsGroup: 1000
                ephemeralContainers:
                - name: debug
                  image: busybox:1.36
              ---
              apiVersion: batch/v1
              kind: CronJob
              metadata:
                name: c
              spec:
                schedule: "@daily"
                jobTemplate:
                  spec:
                    template:
                      spec:
                        restartPolicy: Never
                        containers:
                        - name: job
                          image: busybox:1.36
            `,
          },
        ]},
        { messageId: 'containerLow', line: 12, column: 19, endLine: 12, endColumn: 23, data: { container: 'Container "app"', value: 1000 }, suggestions: [
          {
            title: 'Set securityContext.runAsGroup: 65532 in container "app" (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                securityContext:
                  runAsGroup: 10000
                containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    runAsGroup: 65532
                ephemeralContainers:
                - name: debug
                  image: busybox:1.36
              ---
              apiVersion: batch/v1
              kind: CronJob
              metadata:
                name: c
              spec:
                schedule: "@daily"
                jobTemplate:
                  spec:
                    template:
                      spec:
                        restartPolicy: Never
                        containers:
                        - name: job
                          image: busybox:1.36
            `,
          },
        ]},
        { messageId: 'unset', line: 29, column: 19, endLine: 29, endColumn: 22, data: { container: 'Container "job"', imageId: 'root unless the image says otherwise' }, suggestions: [
          {
            title: 'Set securityContext.runAsGroup: 65532 in the pod spec (the image must be able to run with this ID)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                securityContext:
                  runAsGroup: 10000
                containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    runAsGroup: 1000
                ephemeralContainers:
                - name: debug
                  image: busybox:1.36
              ---
              apiVersion: batch/v1
              kind: CronJob
              metadata:
                name: c
              spec:
                schedule: "@daily"
                jobTemplate:
                  spec:
                    template:
                      spec:
                        restartPolicy: Never
                        containers:
                        - name: job
                          image: busybox:1.36
                        securityContext:
                          runAsGroup: 65532
            `,
          },
        ]},
      ],
    },
  ],
});
