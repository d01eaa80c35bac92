import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

// One sysctl from each addition to the safe set (1.27, 1.29, 1.32, 1.37).
const laterAdditions = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    securityContext:
      sysctls:
      - name: net.ipv4.ip_local_reserved_ports
        value: "8000-8100"
      - name: net.ipv4.tcp_keepalive_time
        value: "600"
      - name: net.ipv4.tcp_rmem
        value: "4096 87380 16777216"
      - name: net.ipv4.tcp_slow_start_after_idle
        value: "0"
    containers:
    - name: app
      image: nginx:1.27
`;

const at = (line: number, name: string) => ({ messageId: 'unsafe', line, column: 13, endLine: line, endColumn: 13 + name.length, data: { name, minor: 0 } });

ruleTester('restrict-sysctls', {
  valid: [
    {
      name: 'the 1.0 safe set at the oldest policy',
      version: 'v1.0',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            sysctls:
            - name: kernel.shm_rmid_forced
              value: "0"
            - name: net.ipv4.ip_local_port_range
              value: "1024 65535"
            - name: net.ipv4.tcp_syncookies
              value: "1"
            - name: net.ipv4.ping_group_range
              value: "0 2147483647"
            - name: net.ipv4.ip_unprivileged_port_start
              value: "80"
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    { name: 'every later addition is safe at 1.37', version: 'v1.37', code: laterAdditions },
  ],
  invalid: [
    {
      name: 'an unsafe sysctl in a Deployment template',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                sysctls:
                - name: net.ipv4.tcp_syncookies
                  value: "1"
                - name: kernel.msgmax
                  value: "65536"
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{
        messageId: 'unsafe', line: 12, column: 17, endLine: 12, endColumn: 30, covers: ['B13'], fixTitle: 'Remove sysctl "kernel.msgmax" from the pod spec',
        message: 'Sysctl "kernel.msgmax" is not in the safe set of policy v1.37: remove it from spec.securityContext.sysctls.',
      }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                sysctls:
                - name: net.ipv4.tcp_syncookies
                  value: "1"
              containers:
              - name: app
                image: nginx:1.27
      `,
    },
    {
      name: 'before 1.27 none of the later additions is safe',
      version: 'v1.26',
      code: laterAdditions,
      errors: [
        { ...at(8, 'net.ipv4.ip_local_reserved_ports'), data: { name: 'net.ipv4.ip_local_reserved_ports', minor: 26 } },
        { ...at(10, 'net.ipv4.tcp_keepalive_time'), data: { name: 'net.ipv4.tcp_keepalive_time', minor: 26 } },
        { ...at(12, 'net.ipv4.tcp_rmem'), data: { name: 'net.ipv4.tcp_rmem', minor: 26 } },
        { ...at(14, 'net.ipv4.tcp_slow_start_after_idle'), data: { name: 'net.ipv4.tcp_slow_start_after_idle', minor: 26 } },
      ],
      // The last entry takes `sysctls` with it, and the securityContext it leaves empty.
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
    {
      name: '1.28 allows ip_local_reserved_ports only',
      version: 'v1.28',
      code: laterAdditions,
      errors: [at(10, 'net.ipv4.tcp_keepalive_time'), at(12, 'net.ipv4.tcp_rmem'), at(14, 'net.ipv4.tcp_slow_start_after_idle')].map(e => ({ ...e, data: { ...e.data, minor: 28 } })),
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            sysctls:
            - name: net.ipv4.ip_local_reserved_ports
              value: "8000-8100"
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: '1.31 adds the keepalive sysctls',
      version: 'v1.31',
      code: laterAdditions,
      errors: [at(12, 'net.ipv4.tcp_rmem'), at(14, 'net.ipv4.tcp_slow_start_after_idle')].map(e => ({ ...e, data: { ...e.data, minor: 31 } })),
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            sysctls:
            - name: net.ipv4.ip_local_reserved_ports
              value: "8000-8100"
            - name: net.ipv4.tcp_keepalive_time
              value: "600"
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: '1.36 adds tcp_rmem/tcp_wmem but not tcp_slow_start_after_idle',
      version: 'v1.36',
      code: laterAdditions,
      errors: [{ ...at(14, 'net.ipv4.tcp_slow_start_after_idle'), data: { name: 'net.ipv4.tcp_slow_start_after_idle', minor: 36 } }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            sysctls:
            - name: net.ipv4.ip_local_reserved_ports
              value: "8000-8100"
            - name: net.ipv4.tcp_keepalive_time
              value: "600"
            - name: net.ipv4.tcp_rmem
              value: "4096 87380 16777216"
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'a sysctl without a name (or with an empty one) is not safe',
      level: 'baseline',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            sysctls:
            - value: "1"
            - name: ""
              value: "2"
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [
        { messageId: 'unnamed', line: 8, column: 7, endLine: 8, endColumn: 12, fixTitle: 'Remove the sysctl without a name from the pod spec' },
        { messageId: 'unnamed', line: 9, column: 13, endLine: 9, endColumn: 15 },
      ],
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
    {
      name: 'fix: a comment line keeps the emptied list; flow entries',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            sysctls:
            # tuned for the message queue
            - name: kernel.msgmax
              value: "65536"
            - {name: net.core.somaxconn, value: "1024"}
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [
        { messageId: 'unsafe', line: 9, column: 13, endLine: 9, endColumn: 26, data: { name: 'kernel.msgmax', minor: 37 } },
        { messageId: 'unsafe', line: 11, column: 14, endLine: 11, endColumn: 32, data: { name: 'net.core.somaxconn', minor: 37 } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            sysctls: []
            # tuned for the message queue
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'fix: a flow securityContext keeps its other keys; CRLF',
      code: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: {sysctls: [{name: kernel.msgmax, value: "65536"}, {name: net.ipv4.tcp_syncookies, value: "1"}], runAsNonRoot: true}
          containers:
          - name: app
            image: nginx:1.27
      `),
      errors: [{ messageId: 'unsafe', line: 6, column: 38, endLine: 6, endColumn: 51, data: { name: 'kernel.msgmax', minor: 37 } }],
      output: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: {sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}], runAsNonRoot: true}
          containers:
          - name: app
            image: nginx:1.27
      `),
    },
  ],
});
