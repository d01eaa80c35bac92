import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const logShipper = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: log-shipper
  spec:
    template:
      spec:
        initContainers:
        - name: setup
          image: busybox:1.36
          volumeMounts:
          - name: varlog
            mountPath: /var/log
        containers:
        - name: shipper
          image: fluent-bit:3.0
          volumeMounts:
          - name: config
            mountPath: /etc/fluent-bit
          - name: varlog
            mountPath: /var/log
            readOnly: true
          - name: machine-id
            mountPath: /etc/machine-id
        volumes:
        - name: config
          configMap:
            name: fluent-bit
        - name: varlog
          hostPath:
            path: /var/log
            type: DirectoryOrCreate
        - name: machine-id
          hostPath:
            # a single file
            path: /etc/machine-id
            type: File
`;

ruleTester('disallow-host-path-volumes', {
  valid: [
    {
      name: 'configMap, emptyDir and persistentVolumeClaim volumes',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          volumes:
          - name: config
            configMap:
              name: app-config
          - name: scratch
            emptyDir: {}
          - name: data
            persistentVolumeClaim:
              claimName: data
      `,
    },
    {
      name: 'a null hostPath is no source at all, which Kubernetes defaults to emptyDir',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          volumes:
          - name: v
            hostPath:
      `,
    },
    {
      name: 'at restricted, restrict-volume-types replaces this rule',
      level: 'restricted',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          volumes:
          - name: logs
            hostPath:
              path: /var/log
      `,
    },
  ],
  invalid: [
    {
      name: 'hostPath volume in a Pod, reported at its key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          volumes:
          - name: logs
            hostPath:
              path: /var/log
      `,
      errors: [{
        messageId: 'hostPath', line: 11, column: 5, endLine: 11, endColumn: 13, covers: ['B07'],
        message: 'Volume "logs" mounts a path of the node (hostPath): use a persistentVolumeClaim, configMap, secret or emptyDir volume instead.',
        suggestions: [
          {
            title: 'Replace hostPath with an empty pod-local directory (emptyDir) in volume "logs"',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                containers:
                - name: app
                  image: nginx:1.27
                volumes:
                - name: logs
                  emptyDir: {}
            `,
          },
          {
            title: 'Remove volume "logs"',
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
        ],
      }],
    },
    {
      name: 'DaemonSet with several volumes, flow and empty hostPath maps, an unnamed volume',
      version: 'v1.0',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
        spec:
          template:
            spec:
              containers:
              - name: agent
                image: agent:1.0
              volumes:
              - name: config
                configMap: {name: agent}
              - hostPath: {path: /var/run/docker.sock, type: Socket}
                name: docker
              - hostPath: {}
      `,
      errors: [
        {
          messageId: 'hostPath', line: 14, column: 9, endLine: 14, endColumn: 17, data: { volume: 'Volume "docker"' },
          // An empty directory cannot stand in for a socket: only the removal is offered.
          suggestions: [{
            title: 'Remove volume "docker"',
            output: yaml`
              apiVersion: apps/v1
              kind: DaemonSet
              metadata:
                name: ds
              spec:
                template:
                  spec:
                    containers:
                    - name: agent
                      image: agent:1.0
                    volumes:
                    - name: config
                      configMap: {name: agent}
                    - hostPath: {}
            `,
          }],
        },
        {
          messageId: 'hostPath', line: 16, column: 9, endLine: 16, endColumn: 17, data: { volume: 'Volume #3' },
          suggestions: [
            {
              title: 'Replace hostPath with an empty pod-local directory (emptyDir) in volume #3',
              output: yaml`
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: ds
                spec:
                  template:
                    spec:
                      containers:
                      - name: agent
                        image: agent:1.0
                      volumes:
                      - name: config
                        configMap: {name: agent}
                      - hostPath: {path: /var/run/docker.sock, type: Socket}
                        name: docker
                      - emptyDir: {}
              `,
            },
            {
              title: 'Remove volume #3',
              output: yaml`
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: ds
                spec:
                  template:
                    spec:
                      containers:
                      - name: agent
                        image: agent:1.0
                      volumes:
                      - name: config
                        configMap: {name: agent}
                      - hostPath: {path: /var/run/docker.sock, type: Socket}
                        name: docker
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'suggestions keep the name and mounts (emptyDir) or remove the mounts too; none replaces a single file',
      code: logShipper,
      errors: [
        {
          messageId: 'hostPath', line: 30, column: 9, endLine: 30, endColumn: 17, data: { volume: 'Volume "varlog"' },
          suggestions: [
            {
              title: 'Replace hostPath with an empty pod-local directory (emptyDir) in volume "varlog"',
              output: logShipper.replace('hostPath:\n          path: /var/log\n          type: DirectoryOrCreate', 'emptyDir: {}'),
            },
            {
              title: 'Remove volume "varlog" and its mounts',
              output: yaml`
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: log-shipper
                spec:
                  template:
                    spec:
                      initContainers:
                      - name: setup
                        image: busybox:1.36
                      containers:
                      - name: shipper
                        image: fluent-bit:3.0
                        volumeMounts:
                        - name: config
                          mountPath: /etc/fluent-bit
                        - name: machine-id
                          mountPath: /etc/machine-id
                      volumes:
                      - name: config
                        configMap:
                          name: fluent-bit
                      - name: machine-id
                        hostPath:
                          # a single file
                          path: /etc/machine-id
                          type: File
              `,
            },
          ],
        },
        {
          messageId: 'hostPath', line: 34, column: 9, endLine: 34, endColumn: 17, data: { volume: 'Volume "machine-id"' },
          // The comment inside the removed volume goes with it.
          suggestions: [{
            title: 'Remove volume "machine-id" and its mounts',
            output: yaml`
              apiVersion: apps/v1
              kind: DaemonSet
              metadata:
                name: log-shipper
              spec:
                template:
                  spec:
                    initContainers:
                    - name: setup
                      image: busybox:1.36
                      volumeMounts:
                      - name: varlog
                        mountPath: /var/log
                    containers:
                    - name: shipper
                      image: fluent-bit:3.0
                      volumeMounts:
                      - name: config
                        mountPath: /etc/fluent-bit
                      - name: varlog
                        mountPath: /var/log
                        readOnly: true
                    volumes:
                    - name: config
                      configMap:
                        name: fluent-bit
                    - name: varlog
                      hostPath:
                        path: /var/log
                        type: DirectoryOrCreate
            `,
          }],
        },
      ],
    },
    {
      name: 'no emptyDir suggestion when a comment inside the hostPath would go with it; the flow mount is removed',
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
            - {name: cache, mountPath: /cache}
          volumes:
          - name: cache
            hostPath:
              path: /mnt/cache  # fast local disk
              type: Directory
      `,
      errors: [{
        messageId: 'hostPath', line: 13, column: 5, endLine: 13, endColumn: 13,
        suggestions: [{
          title: 'Remove volume "cache" and its mounts',
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
        }],
      }],
    },
    {
      name: 'a volume item shared through an alias is only removed where the alias is written',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: p
          spec:
            containers:
            - name: app
              image: nginx:1.27
            volumes:
            - &logs
              name: logs
              hostPath: {path: /var/log}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: q
          spec:
            containers:
            - name: app
              image: nginx:1.27
            volumes:
            - *logs
      `,
      errors: [
        { messageId: 'hostPath', line: 15, column: 7, endLine: 15, endColumn: 15, suggestions: [] },
        {
          messageId: 'hostPath', line: 15, column: 7, endLine: 15, endColumn: 15,
          suggestions: [{
            title: 'Remove volume "logs"',
            output: yaml`
              apiVersion: v1
              kind: List
              items:
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                spec:
                  containers:
                  - name: app
                    image: nginx:1.27
                  volumes:
                  - &logs
                    name: logs
                    hostPath: {path: /var/log}
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: q
                spec:
                  containers:
                  - name: app
                    image: nginx:1.27
            `,
          }],
        },
      ],
    },
  ],
});
