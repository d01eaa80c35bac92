import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-writable-host-mounts', {
  valid: [
    {
      name: 'read-only hostPath mount; writable emptyDir mount',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
            - name: logs
              mountPath: /host/logs
              readOnly: true
            - name: scratch
              mountPath: /tmp
          volumes:
          - name: logs
            hostPath:
              path: /var/log
          - name: scratch
            emptyDir: {}
      `,
    },
    {
      name: 'a hostPath volume no container mounts; a null hostPath is an emptyDir',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
            - name: empty
              mountPath: /data
          volumes:
          - name: unused
            hostPath:
              path: /var/log
          - name: empty
            hostPath:
      `,
    },
  ],
  invalid: [
    {
      name: 'readOnly missing, readOnly false, in a Deployment; the init container too',
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
                volumeMounts:
                - name: logs
                  mountPath: /logs
              containers:
              - name: app
                image: nginx:1.27
                volumeMounts:
                - mountPath: /logs
                  name: logs
                  readOnly: false # was true
              volumes:
              - name: logs
                hostPath:
                  path: /var/log
      `,
      errors: [
        { messageId: 'writable', line: 12, column: 17, endLine: 12, endColumn: 21, data: { container: 'Init container "init"', volume: 'logs' } },
        { messageId: 'writable', line: 20, column: 21, endLine: 20, endColumn: 26, data: { container: 'Container "app"', volume: 'logs' } },
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
                volumeMounts:
                - name: logs
                  mountPath: /logs
                  readOnly: true
              containers:
              - name: app
                image: nginx:1.27
                volumeMounts:
                - mountPath: /logs
                  name: logs
                  readOnly: true # was true
              volumes:
              - name: logs
                hostPath:
                  path: /var/log
      `,
    },
    {
      name: 'flow-style mount, 4-space indentation, a second document',
      code: yaml`
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
                  volumeMounts:
                      - {name: run, mountPath: /run/app}
            volumes:
                - name: run
                  hostPath:
                      path: /run/app
      `,
      errors: [{ messageId: 'writable', line: 15, column: 24, endLine: 15, endColumn: 27 }],
      output: yaml`
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
                  volumeMounts:
                      - {name: run, mountPath: /run/app, readOnly: true}
            volumes:
                - name: run
                  hostPath:
                      path: /run/app
      `,
    },
    {
      name: 'CRLF line breaks',
      code: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: nginx:1.27\r\n    volumeMounts:\r\n    - name: logs\r\n      mountPath: /logs\r\n  volumes:\r\n  - name: logs\r\n    hostPath:\r\n      path: /var/log\r\n',
      errors: [{ messageId: 'writable', line: 10, column: 13, endLine: 10, endColumn: 17 }],
      output: 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: app\r\n    image: nginx:1.27\r\n    volumeMounts:\r\n    - name: logs\r\n      mountPath: /logs\r\n      readOnly: true\r\n  volumes:\r\n  - name: logs\r\n    hostPath:\r\n      path: /var/log\r\n',
    },
    {
      name: 'a mount shared through an alias: the fix declines',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            volumeMounts:
            - &logs
              name: logs
              mountPath: /logs
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
            - *logs
          volumes:
          - name: logs
            hostPath:
              path: /var/log
      `,
      errors: [
        { messageId: 'writable', line: 11, column: 13, endLine: 11, endColumn: 17, data: { container: 'Init container "init"', volume: 'logs' } },
        { messageId: 'writable', line: 11, column: 13, endLine: 11, endColumn: 17, data: { container: 'Container "app"', volume: 'logs' } },
      ],
    },
  ],
});
