import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const allowedVolumes = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
    volumes:
    - {name: a, configMap: {name: c}}
    - {name: b, csi: {driver: secrets-store.csi.k8s.io}}
    - {name: c, downwardAPI: {items: []}}
    - {name: d, emptyDir: {}}
    - {name: e, ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce]}}}}
    - {name: f, image: {reference: "registry.example/models:1.0"}}
    - {name: g, persistentVolumeClaim: {claimName: data}}
    - {name: h, projected: {sources: []}}
    - {name: i, secret: {secretName: s}}
`;

ruleTester('restrict-volume-types', {
  valid: [
    { name: 'every allowed volume type', code: allowedVolumes },
    // The image allowance was patched into the admission plugin's only (1.0) version of the check.
    { name: 'image volumes are allowed at every policy version', code: allowedVolumes, version: 'v1.0' },
    {
      name: 'a volume without a source (or with a null one) is defaulted to emptyDir before admission',
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
          - name: v0
          - name: v1
            nfs:
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
          volumes:
          - name: share
            nfs: {server: nfs.example, path: /exports}
      `,
    },
  ],
  invalid: [
    {
      name: 'nfs volume: reported at the source key, restricted row only',
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
          - name: share
            nfs:
              server: nfs.example
              path: /exports
      `,
      errors: [{
        messageId: 'restricted', line: 11, column: 5, endLine: 11, endColumn: 8, covers: ['R01'],
        message: 'Volume "share" uses the nfs volume type, which the restricted level forbids: use a persistentVolumeClaim, csi, ephemeral, configMap, secret, projected, downwardAPI, emptyDir or image volume.',
        suggestions: [
          {
            title: 'Replace nfs with emptyDir in volume "share" (the data lives only as long as the pod)',
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
                - name: share
                  emptyDir: {}
            `,
          },
          {
            title: 'Replace nfs with persistentVolumeClaim "share" in volume "share" (the claim must exist)',
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
                - name: share
                  persistentVolumeClaim:
                    claimName: share
            `,
          },
        ],
      }],
    },
    {
      name: 'a hostPath volume is also the baseline row (disallow-host-path-volumes is replaced)',
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
        messageId: 'restricted', line: 11, column: 5, endLine: 11, endColumn: 13, covers: ['R01', 'B07'], data: { volume: 'Volume "logs"', type: 'hostPath' },
        suggestions: [
          {
            title: 'Replace hostPath with emptyDir in volume "logs" (the data lives only as long as the pod)',
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
            title: 'Replace hostPath with persistentVolumeClaim "logs" in volume "logs" (the claim must exist)',
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
                  persistentVolumeClaim:
                    claimName: logs
            `,
          },
        ],
      }],
    },
    {
      name: 'an allowed source admits the volume, but a hostPath beside it is still the baseline finding',
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
          - name: odd
            emptyDir: {}
            hostPath: {path: /}
            nfs: {server: nfs.example, path: /}
      `,
      errors: [{
        messageId: 'restricted', line: 12, column: 5, endLine: 12, endColumn: 13, covers: ['B07'],
        suggestions: [
          {
            title: 'Remove hostPath from volume "odd"',
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
                - name: odd
                  emptyDir: {}
                  nfs: {server: nfs.example, path: /}
            `,
          },
        ],
      }],
    },
    {
      name: 'several volumes of a StatefulSet, each reported',
      version: 'v1.0',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: db
        spec:
          serviceName: db
          template:
            spec:
              containers:
              - name: db
                image: postgres:16
              volumes:
              - name: repo
                gitRepo:
                  repository: https://example.com/repo.git
              - name: data
                secret: {secretName: db}
              - iscsi: {targetPortal: 10.0.0.1, iqn: iqn.2001-04.com.example:storage, lun: 0}
                name: block
              - awsElasticBlockStore: {volumeID: vol-1}
      `,
      errors: [
        {
          messageId: 'restricted', line: 14, column: 9, endLine: 14, endColumn: 16, data: { volume: 'Volume "repo"', type: 'gitRepo' },
          suggestions: [
            {
              title: 'Replace gitRepo with emptyDir in volume "repo" (the data lives only as long as the pod)',
              output: yaml`
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  template:
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                      volumes:
                      - name: repo
                        emptyDir: {}
                      - name: data
                        secret: {secretName: db}
                      - iscsi: {targetPortal: 10.0.0.1, iqn: iqn.2001-04.com.example:storage, lun: 0}
                        name: block
                      - awsElasticBlockStore: {volumeID: vol-1}
              `,
            },
            {
              title: 'Replace gitRepo with persistentVolumeClaim "repo" in volume "repo" (the claim must exist)',
              output: yaml`
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  template:
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                      volumes:
                      - name: repo
                        persistentVolumeClaim:
                          claimName: repo
                      - name: data
                        secret: {secretName: db}
                      - iscsi: {targetPortal: 10.0.0.1, iqn: iqn.2001-04.com.example:storage, lun: 0}
                        name: block
                      - awsElasticBlockStore: {volumeID: vol-1}
              `,
            },
          ],
        },
        {
          messageId: 'restricted', line: 18, column: 9, endLine: 18, endColumn: 14, data: { volume: 'Volume "block"', type: 'iscsi' },
          suggestions: [
            {
              title: 'Replace iscsi with emptyDir in volume "block" (the data lives only as long as the pod)',
              output: yaml`
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  template:
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                      volumes:
                      - name: repo
                        gitRepo:
                          repository: https://example.com/repo.git
                      - name: data
                        secret: {secretName: db}
                      - emptyDir: {}
                        name: block
                      - awsElasticBlockStore: {volumeID: vol-1}
              `,
            },
            {
              title: 'Replace iscsi with persistentVolumeClaim "block" in volume "block" (the claim must exist)',
              output: yaml`
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  template:
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                      volumes:
                      - name: repo
                        gitRepo:
                          repository: https://example.com/repo.git
                      - name: data
                        secret: {secretName: db}
                      - persistentVolumeClaim:
                          claimName: block
                        name: block
                      - awsElasticBlockStore: {volumeID: vol-1}
              `,
            },
          ],
        },
        {
          messageId: 'restricted', line: 20, column: 9, endLine: 20, endColumn: 29, data: { volume: 'Volume #4', type: 'awsElasticBlockStore' },
          suggestions: [
            {
              title: 'Replace awsElasticBlockStore with emptyDir in volume #4 (the data lives only as long as the pod)',
              output: yaml`
                apiVersion: apps/v1
                kind: StatefulSet
                metadata:
                  name: db
                spec:
                  serviceName: db
                  template:
                    spec:
                      containers:
                      - name: db
                        image: postgres:16
                      volumes:
                      - name: repo
                        gitRepo:
                          repository: https://example.com/repo.git
                      - name: data
                        secret: {secretName: db}
                      - iscsi: {targetPortal: 10.0.0.1, iqn: iqn.2001-04.com.example:storage, lun: 0}
                        name: block
                      - emptyDir: {}
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'flow volume entries are swapped in place; the mounts keep the name',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            volumeMounts: [{name: cache, mountPath: /cache}]
          volumes: [{name: cache, hostPath: {path: /var/cache/app, type: DirectoryOrCreate}}]
      `,
      errors: [{
        messageId: 'restricted', line: 10, column: 27, endLine: 10, endColumn: 35,
        suggestions: [
          {
            title: 'Replace hostPath with emptyDir in volume "cache" (the data lives only as long as the pod)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                containers:
                - name: app
                  image: nginx:1.27
                  volumeMounts: [{name: cache, mountPath: /cache}]
                volumes: [{name: cache, emptyDir: {}}]
            `,
          },
          {
            title: 'Replace hostPath with persistentVolumeClaim "cache" in volume "cache" (the claim must exist)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                containers:
                - name: app
                  image: nginx:1.27
                  volumeMounts: [{name: cache, mountPath: /cache}]
                volumes: [{name: cache, persistentVolumeClaim: {claimName: cache}}]
            `,
          },
        ],
      }],
    },
    {
      name: '4-space indentation, CRLF, comments on the replaced lines',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: p',
        'spec:',
        '    containers:',
        '    -   name: app',
        '        image: nginx:1.27',
        '    volumes:',
        '    # the shared export',
        '    -   name: share',
        '        nfs:  # legacy filer',
        '            server: nfs.example',
        '            path: /exports',
        '',
      ].join('\r\n'),
      errors: [{
        messageId: 'restricted', line: 12, column: 9, endLine: 12, endColumn: 12,
        suggestions: [
          {
            title: 'Replace nfs with emptyDir in volume "share" (the data lives only as long as the pod)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                  name: p
              spec:
                  containers:
                  -   name: app
                      image: nginx:1.27
                  volumes:
                  # the shared export
                  -   name: share
                      emptyDir: {}
            `.replace(/\n/g, '\r\n'),
          },
          {
            title: 'Replace nfs with persistentVolumeClaim "share" in volume "share" (the claim must exist)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                  name: p
              spec:
                  containers:
                  -   name: app
                      image: nginx:1.27
                  volumes:
                  # the shared export
                  -   name: share
                      persistentVolumeClaim:
                          claimName: share
            `.replace(/\n/g, '\r\n'),
          },
        ],
      }],
    },
    {
      name: 'a volume shared through an alias is not edited',
      code: yaml`
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: a
          spec:
            containers:
            - name: app
              image: nginx:1.27
            volumes:
            - &share
              name: share
              nfs: {server: nfs.example, path: /exports}
        - apiVersion: v1
          kind: Pod
          metadata:
            name: b
          spec:
            containers:
            - name: app
              image: nginx:1.27
            volumes:
            - *share
      `,
      errors: [
        { messageId: 'restricted', line: 15, column: 7, endLine: 15, endColumn: 10 },
        { messageId: 'restricted', line: 15, column: 7, endLine: 15, endColumn: 10 },
      ],
    },
  ],
});
