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
        message: 'Container "app" is privileged: remove securityContext.privileged or set it to false.',
      }],
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
        { messageId: 'privileged', line: 11, column: 39, endLine: 11, endColumn: 43, data: { container: 'Init container "init"' } },
        { messageId: 'privileged', line: 16, column: 23, endLine: 16, endColumn: 26, data: { container: 'Container "app"' } },
        { messageId: 'privileged', line: 21, column: 23, endLine: 21, endColumn: 27, data: { container: 'Ephemeral container "debug"' } },
      ],
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
    },
  ],
});
