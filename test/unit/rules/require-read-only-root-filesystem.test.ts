import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-read-only-root-filesystem', {
  valid: [
    {
      name: 'every container read-only',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext: {readOnlyRootFilesystem: true}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              readOnlyRootFilesystem: true
      `,
    },
    {
      name: 'Windows pods cannot set the field',
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
    {
      name: 'off at baseline',
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
      name: 'no securityContext: reported on the name; the suggestion adds /tmp',
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
        messageId: 'notSet', line: 7, column: 11, endLine: 7, endColumn: 14,
        suggestions: [{
          title: 'Set readOnlyRootFilesystem: true and mount an emptyDir at /tmp in container "app"',
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
                  readOnlyRootFilesystem: true
                volumeMounts:
                - name: tmp
                  mountPath: /tmp
              volumes:
              - name: tmp
                emptyDir: {}
          `,
        }],
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
              readOnlyRootFilesystem: true
      `,
    },
    {
      name: 'explicit false with a comment; existing mounts and volumes (a "tmp" volume is taken)',
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
                  readOnlyRootFilesystem: false # nginx writes its cache
                volumeMounts:
                - name: tmp
                  mountPath: /var/cache/nginx
              volumes:
              - name: tmp
                emptyDir: {}
      `,
      errors: [{
        messageId: 'writable', line: 12, column: 35, endLine: 12, endColumn: 40,
        suggestions: [{
          title: 'Set readOnlyRootFilesystem: true and mount an emptyDir at /tmp in container "app"',
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
                      readOnlyRootFilesystem: true # nginx writes its cache
                    volumeMounts:
                    - name: tmp
                      mountPath: /var/cache/nginx
                    - name: tmp-2
                      mountPath: /tmp
                  volumes:
                  - name: tmp
                    emptyDir: {}
                  - name: tmp-2
                    emptyDir: {}
          `,
        }],
      }],
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
                  readOnlyRootFilesystem: false # nginx writes its cache
                volumeMounts:
                - name: tmp
                  mountPath: /var/cache/nginx
              volumes:
              - name: tmp
                emptyDir: {}
      `.replace('false #', 'true #'),
    },
    {
      name: 'volumeMounts ends the container, securityContext missing: the mount stays in its list',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          volumes:
          - name: data
            emptyDir: {}
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
            - name: data
              mountPath: /data
          - name: side
            image: busybox:1.36
            volumeMounts:
            - {name: data, mountPath: /tmp/}
            securityContext: {runAsNonRoot: true}
      `,
      errors: [
        {
          messageId: 'notSet', line: 10, column: 11, endLine: 10, endColumn: 14,
          suggestions: [{
            title: 'Set readOnlyRootFilesystem: true and mount an emptyDir at /tmp in container "app"',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                volumes:
                - name: data
                  emptyDir: {}
                - name: tmp
                  emptyDir: {}
                containers:
                - name: app
                  image: nginx:1.27
                  volumeMounts:
                  - name: data
                    mountPath: /data
                  - name: tmp
                    mountPath: /tmp
                  securityContext:
                    readOnlyRootFilesystem: true
                - name: side
                  image: busybox:1.36
                  volumeMounts:
                  - {name: data, mountPath: /tmp/}
                  securityContext: {runAsNonRoot: true}
            `,
          }],
        },
        { messageId: 'notSet', line: 19, column: 5, endLine: 19, endColumn: 20 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          volumes:
          - name: data
            emptyDir: {}
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts:
            - name: data
              mountPath: /data
            securityContext:
              readOnlyRootFilesystem: true
          - name: side
            image: busybox:1.36
            volumeMounts:
            - {name: data, mountPath: /tmp/}
            securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}
      `,
    },
    {
      name: 'securityContext behind an alias: reported, the fix and suggestion decline',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext: &sc
              runAsNonRoot: true
            volumeMounts: []
          containers:
          - name: app
            image: nginx:1.27
            readOnlyRootFilesystem: true
            securityContext: *sc
      `,
      errors: [
        { messageId: 'notSet', line: 9, column: 5, endLine: 9, endColumn: 20 },
        { messageId: 'notSet', line: 16, column: 5, endLine: 16, endColumn: 20 },
      ],
    },
  ],
});
