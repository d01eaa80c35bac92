import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-host-ports', {
  valid: [
    {
      name: 'containerPort only, and hostPort 0 (the API default)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            ports:
            - containerPort: 8080
            - containerPort: 8443
              hostPort: 0
      `,
    },
    {
      name: 'a Service port is not a host port',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: s
        spec:
          ports:
          - port: 80
            hostPort: 80
      `,
    },
  ],
  invalid: [
    {
      name: 'every container list, only the non-zero ports',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            ports:
            - containerPort: 53
              hostPort: 53
              protocol: UDP
          containers:
          - name: app
            image: nginx:1.27
            ports:
            - containerPort: 8080
            - containerPort: 8443
              hostPort: 0
            - {containerPort: 9090, hostPort: 9090}
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            ports:
            - containerPort: 2345
              hostPort: 2345
      `,
      errors: [
        { messageId: 'hostPort', line: 11, column: 17, endLine: 11, endColumn: 19, data: { container: 'Init container "init"', port: 53 }, fixTitle: 'Remove hostPort 53 from init container "init"' },
        {
          messageId: 'hostPort', line: 20, column: 39, endLine: 20, endColumn: 43, covers: ['B08'],
          message: 'Container "app" binds host port 9090: remove ports[].hostPort (or set it to 0) and expose the port through a Service.',
        },
        { messageId: 'hostPort', line: 26, column: 17, endLine: 26, endColumn: 21, data: { container: 'Ephemeral container "debug"', port: 2345 } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            ports:
            - containerPort: 53
              protocol: UDP
          containers:
          - name: app
            image: nginx:1.27
            ports:
            - containerPort: 8080
            - containerPort: 8443
              hostPort: 0
            - {containerPort: 9090}
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            ports:
            - containerPort: 2345
      `,
    },
    {
      name: 'StatefulSet at baseline, oldest policy',
      level: 'baseline',
      version: 'v1.0',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: s
        spec:
          serviceName: s
          template:
            spec:
              containers:
              - name: db
                image: postgres:16
                ports:
                - containerPort: 5432
                  hostPort: 15432
      `,
      errors: [{ messageId: 'hostPort', line: 14, column: 21, endLine: 14, endColumn: 26, data: { container: 'Container "db"', port: 15432 } }],
      output: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: s
        spec:
          serviceName: s
          template:
            spec:
              containers:
              - name: db
                image: postgres:16
                ports:
                - containerPort: 5432
      `,
    },
    {
      name: 'ports shared through an alias are reported where written',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            ports: &ports
            - containerPort: 80
              hostPort: 8000
          - name: b
            image: nginx:1.27
            ports: *ports
      `,
      errors: [
        { messageId: 'hostPort', line: 11, column: 17, endLine: 11, endColumn: 21, data: { container: 'Container "a"', port: 8000 } },
        { messageId: 'hostPort', line: 11, column: 17, endLine: 11, endColumn: 21, data: { container: 'Container "b"', port: 8000 } },
      ],
      // No output: removing the key would change both containers.
    },
    {
      name: 'fix: the first key of a port, in the middle of a flow map, before a comment; CRLF',
      code: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: dns
            image: coredns:1.11
            ports:
            - hostPort: 53  # legacy node-local DNS
              containerPort: 53
              protocol: UDP
            - {containerPort: 9153, hostPort: 9153, name: metrics}
      `),
      errors: [
        { messageId: 'hostPort', line: 10, column: 17, endLine: 10, endColumn: 19, data: { container: 'Container "dns"', port: 53 } },
        { messageId: 'hostPort', line: 13, column: 39, endLine: 13, endColumn: 43, data: { container: 'Container "dns"', port: 9153 } },
      ],
      output: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: dns
            image: coredns:1.11
            ports:
            - containerPort: 53
              protocol: UDP
            - {containerPort: 9153, name: metrics}
      `),
    },
  ],
});
