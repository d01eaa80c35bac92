import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-privileged-containers', {
  valid: [
    {
      name: 'privileged false and unset',
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
              privileged: false
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'a quoted "true" is a string, which Kubernetes rejects rather than running privileged',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              privileged: "true"
      `,
    },
    {
      name: 'the field is container-level only: a pod-level key is not read',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            privileged: true
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
          privileged: "true"
      `,
    },
  ],
  invalid: [
    {
      name: 'privileged container in a Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              privileged: true
      `,
      errors: [{
        messageId: 'privileged', line: 10, column: 19, endLine: 10, endColumn: 23, covers: ['B05'],
        fixTitle: 'Set securityContext.privileged: false in container "app"',
        message: 'Container "app" is privileged: remove securityContext.privileged or set it to false.',
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
              privileged: false
      `,
    },
    {
      name: 'init, regular and ephemeral containers of a Deployment, YAML 1.1 yes',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {privileged: true}
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  privileged: yes
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  privileged: true
      `,
      errors: [
        { messageId: 'privileged', line: 11, column: 39, endLine: 11, endColumn: 43, data: { container: 'Init container "init"' }, fixTitle: 'Set securityContext.privileged: false in init container "init"' },
        { messageId: 'privileged', line: 16, column: 23, endLine: 16, endColumn: 26, data: { container: 'Container "app"' } },
        { messageId: 'privileged', line: 21, column: 23, endLine: 21, endColumn: 27, data: { container: 'Ephemeral container "debug"' } },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {privileged: false}
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  privileged: false
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  privileged: false
      `,
    },
    {
      name: 'CronJob at the restricted level and the oldest policy version',
      level: 'restricted',
      version: 'v1.0',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      privileged: true
      `,
      errors: [{ messageId: 'privileged', line: 15, column: 27, endLine: 15, endColumn: 31 }],
      output: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      privileged: false
      `,
    },
    {
      name: 'an unnamed container is labelled by position',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
          - image: nginx:1.27
            securityContext:
              privileged: true
      `,
      errors: [{ messageId: 'privileged', line: 11, column: 19, endLine: 11, endColumn: 23, data: { container: 'Container #2' } }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
          - image: nginx:1.27
            securityContext:
              privileged: false
      `,
    },
    {
      name: 'fix: false where written, in a flow map with other keys and before a comment; 4-space indentation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
                -   name: a
                    image: nginx:1.27
                    securityContext: {privileged: true, runAsUser: 1000}
                -   name: b
                    image: nginx:1.27
                    securityContext:
                        runAsUser: 1000
                        privileged: true  # needs /dev
                    # b ends here
      `,
      errors: [
        { messageId: 'privileged', line: 9, column: 43, endLine: 9, endColumn: 47, data: { container: 'Container "a"' } },
        { messageId: 'privileged', line: 14, column: 29, endLine: 14, endColumn: 33, data: { container: 'Container "b"' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
                -   name: a
                    image: nginx:1.27
                    securityContext: {privileged: false, runAsUser: 1000}
                -   name: b
                    image: nginx:1.27
                    securityContext:
                        runAsUser: 1000
                        privileged: false  # needs /dev
                    # b ends here
      `,
    },
    {
      name: 'fix: a Windows pod may not set the field at all, so it is removed',
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
            securityContext:
              privileged: true
              windowsOptions:
                runAsUserName: ContainerUser
      `,
      errors: [{ messageId: 'privileged', line: 12, column: 19, endLine: 12, endColumn: 23, fixTitle: 'Remove securityContext.privileged from container "app"' }],
      output: yaml`
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
            securityContext:
              windowsOptions:
                runAsUserName: ContainerUser
      `,
    },
    {
      name: 'fix: CRLF line breaks, in the second document of a file',
      code: crlf(yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              privileged: true
      `),
      errors: [{ messageId: 'privileged', line: 15, column: 19, endLine: 15, endColumn: 23 }],
      output: crlf(yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              privileged: false
      `),
    },
    {
      name: 'no fix for a securityContext shared through an alias: the edit would change both containers',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext: &sc
              privileged: true
          - name: b
            image: nginx:1.27
            securityContext: *sc
      `,
      errors: [
        { messageId: 'privileged', line: 10, column: 19, endLine: 10, endColumn: 23, data: { container: 'Container "a"' } },
        { messageId: 'privileged', line: 10, column: 19, endLine: 10, endColumn: 23, data: { container: 'Container "b"' } },
      ],
    },
  ],
});
