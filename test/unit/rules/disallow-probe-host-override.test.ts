import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const livenessHost = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      livenessProbe:
        httpGet:
          host: 169.254.169.254
          path: /latest/meta-data/
          port: 80
`;

ruleTester('disallow-probe-host-override', {
  valid: [
    {
      name: 'probes and hooks without host, an empty host, and a Host header',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            livenessProbe:
              httpGet:
                path: /healthz
                port: 8080
                httpHeaders:
                - name: Host
                  value: example.com
            readinessProbe:
              tcpSocket:
                host: ""
                port: 8080
            startupProbe:
              exec:
                command: [cat, /tmp/ready]
            lifecycle:
              preStop:
                sleep:
                  seconds: 5
      `,
    },
    { name: 'the check exists from policy 1.34 only', version: 'v1.33', code: livenessHost },
  ],
  invalid: [
    {
      name: 'liveness httpGet host',
      code: livenessHost,
      errors: [{
        messageId: 'host', line: 11, column: 15, endLine: 11, endColumn: 30, covers: ['B14'], fixTitle: 'Remove livenessProbe.httpGet.host from container "app"',
        message: 'Container "app" livenessProbe.httpGet targets host "169.254.169.254": remove livenessProbe.httpGet.host so the kubelet connects to the pod\'s own IP.',
      }],
      output: livenessHost.replace('\n        host: 169.254.169.254', ''),
    },
    {
      name: 'every probe, both hooks, both actions, every container list (policy 1.34)',
      version: 'v1.34',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              initContainers:
              - name: sidecar
                image: envoyproxy/envoy:v1.31.0
                restartPolicy: Always
                readinessProbe:
                  tcpSocket: {host: 10.0.0.1, port: 9901}
                startupProbe:
                  httpGet:
                    host: localhost
                    port: 9901
              containers:
              - name: app
                image: nginx:1.27
                readinessProbe:
                  httpGet:
                    host: 127.0.0.1
                    port: 80
                  tcpSocket:
                    host: db.internal
                    port: 5432
                lifecycle:
                  postStart:
                    httpGet:
                      host: hooks.internal
                      port: 80
                  preStop:
                    tcpSocket:
                      host: ::1
                      port: 80
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                livenessProbe:
                  tcpSocket:
                    host: node.local
                    port: 22
      `,
      errors: [
        { messageId: 'host', line: 13, column: 29, endLine: 13, endColumn: 37, data: { container: 'Init container "sidecar"', handler: 'readinessProbe', action: 'tcpSocket', host: '10.0.0.1' } },
        { messageId: 'host', line: 16, column: 19, endLine: 16, endColumn: 28, data: { container: 'Init container "sidecar"', handler: 'startupProbe', action: 'httpGet', host: 'localhost' } },
        { messageId: 'host', line: 23, column: 19, endLine: 23, endColumn: 28, data: { container: 'Container "app"', handler: 'readinessProbe', action: 'httpGet', host: '127.0.0.1' } },
        { messageId: 'host', line: 26, column: 19, endLine: 26, endColumn: 30, data: { container: 'Container "app"', handler: 'readinessProbe', action: 'tcpSocket', host: 'db.internal' } },
        {
          messageId: 'host', line: 31, column: 21, endLine: 31, endColumn: 35, data: { container: 'Container "app"', handler: 'lifecycle.postStart', action: 'httpGet', host: 'hooks.internal' },
          fixTitle: 'Remove lifecycle.postStart.httpGet.host from container "app"',
        },
        { messageId: 'host', line: 35, column: 21, endLine: 35, endColumn: 24, data: { container: 'Container "app"', handler: 'lifecycle.preStop', action: 'tcpSocket', host: '::1' } },
        { messageId: 'host', line: 42, column: 19, endLine: 42, endColumn: 29, data: { container: 'Ephemeral container "debug"', handler: 'livenessProbe', action: 'tcpSocket', host: 'node.local' } },
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
              - name: sidecar
                image: envoyproxy/envoy:v1.31.0
                restartPolicy: Always
                readinessProbe:
                  tcpSocket: {port: 9901}
                startupProbe:
                  httpGet:
                    port: 9901
              containers:
              - name: app
                image: nginx:1.27
                readinessProbe:
                  httpGet:
                    port: 80
                  tcpSocket:
                    port: 5432
                lifecycle:
                  postStart:
                    httpGet:
                      port: 80
                  preStop:
                    tcpSocket:
                      port: 80
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                livenessProbe:
                  tcpSocket:
                    port: 22
      `,
    },
    {
      name: 'fix: the last key of a flow map, the last key of a block map before a comment; CRLF',
      code: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            startupProbe:
              httpGet: {path: /healthz, port: 8080, host: localhost}
            readinessProbe:
              httpGet:
                path: /ready
                port: 8080
                host: app.internal  # the virtual host
              # checked every 5s
              periodSeconds: 5
      `),
      errors: [
        { messageId: 'host', line: 10, column: 51, endLine: 10, endColumn: 60, data: { container: 'Container "app"', handler: 'startupProbe', action: 'httpGet', host: 'localhost' } },
        { messageId: 'host', line: 15, column: 15, endLine: 15, endColumn: 27, data: { container: 'Container "app"', handler: 'readinessProbe', action: 'httpGet', host: 'app.internal' } },
      ],
      output: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            startupProbe:
              httpGet: {path: /healthz, port: 8080}
            readinessProbe:
              httpGet:
                path: /ready
                port: 8080
              # checked every 5s
              periodSeconds: 5
      `),
    },
    {
      name: 'no fix for a probe shared through an alias',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            livenessProbe: &probe
              tcpSocket: {host: db.internal, port: 5432}
            readinessProbe: *probe
      `,
      errors: [
        { messageId: 'host', line: 10, column: 25, endLine: 10, endColumn: 36, data: { container: 'Container "app"', handler: 'livenessProbe', action: 'tcpSocket', host: 'db.internal' } },
        { messageId: 'host', line: 10, column: 25, endLine: 10, endColumn: 36, data: { container: 'Container "app"', handler: 'readinessProbe', action: 'tcpSocket', host: 'db.internal' } },
      ],
    },
  ],
});
