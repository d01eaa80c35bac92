import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const addsChown = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: [ALL]
          add: [CHOWN]
`;

const windowsAdds = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    os: {name: windows}
    containers:
    - name: app
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      securityContext:
        capabilities:
          add: [CHOWN, SYS_ADMIN]
`;

ruleTester('restrict-capabilities-to-net-bind-service', {
  valid: [
    {
      name: 'only NET_BIND_SERVICE, or nothing, is added',
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
              capabilities: {drop: [ALL]}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [ALL]
                add: [NET_BIND_SERVICE]
      `,
    },
    { name: 'the check starts at policy 1.22 (the baseline rule allows CHOWN)', code: addsChown, version: 'v1.21' },
    { name: 'only checked at restricted', code: addsChown, level: 'baseline' },
    {
      name: 'Windows pods are exempt from 1.25 (CHOWN is no baseline finding either)',
      version: 'v1.25',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          os: {name: windows}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              capabilities:
                add: [CHOWN]
      `,
    },
  ],
  invalid: [
    {
      name: 'a default capability is the restricted row only, others also the baseline row',
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
              capabilities:
                drop: [ALL]
                add:
                - CHOWN
                - NET_BIND_SERVICE
                - SYS_ADMIN
                - net_bind_service
      `,
      errors: [
        {
          messageId: 'added', line: 13, column: 11, endLine: 13, endColumn: 16, covers: ['R07'],
          message: 'Container "app" adds capability "CHOWN": remove it from securityContext.capabilities.add (only NET_BIND_SERVICE is allowed).',
        },
        { messageId: 'added', line: 15, column: 11, endLine: 15, endColumn: 20, covers: ['R07', 'B06'], data: { container: 'Container "app"', capability: 'SYS_ADMIN' } },
        { messageId: 'added', line: 16, column: 11, endLine: 16, endColumn: 27, covers: ['R07', 'B06'], data: { container: 'Container "app"', capability: 'net_bind_service' } },
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
            securityContext:
              capabilities:
                drop: [ALL]
                add:
                - NET_BIND_SERVICE
      `,
    },
    {
      name: 'first policy version with the check', code: addsChown, version: 'v1.22',
      errors: [{ messageId: 'added', line: 12, column: 15, endLine: 12, endColumn: 20, covers: ['R07'] }],
      // The list it empties goes too.
      output: addsChown.replace('        add: [CHOWN]\n', ''),
    },
    {
      name: 'init and ephemeral containers of a ReplicaSet',
      code: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          template:
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext:
                  capabilities: {add: [SETUID]}
              containers:
              - name: app
                image: nginx:1.27
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  capabilities:
                    add: [SYS_PTRACE]
      `,
      errors: [
        { messageId: 'added', line: 12, column: 32, endLine: 12, endColumn: 38, covers: ['R07'], data: { container: 'Init container "init"', capability: 'SETUID' } },
        { messageId: 'added', line: 21, column: 19, endLine: 21, endColumn: 29, covers: ['R07', 'B06'], data: { container: 'Ephemeral container "debug"', capability: 'SYS_PTRACE' } },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          template:
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
              containers:
              - name: app
                image: nginx:1.27
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
      `,
    },
    {
      name: 'Windows pods from 1.25: only the baseline finding remains',
      code: windowsAdds,
      errors: [{ messageId: 'added', line: 12, column: 22, endLine: 12, endColumn: 31, covers: ['B06'] }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          os: {name: windows}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              capabilities:
                add: [CHOWN]
      `,
    },
    {
      name: 'Windows pods before 1.25 are checked',
      code: windowsAdds,
      version: 'v1.24',
      errors: [
        { messageId: 'added', line: 12, column: 15, endLine: 12, endColumn: 20, covers: ['R07'] },
        { messageId: 'added', line: 12, column: 22, endLine: 12, endColumn: 31, covers: ['R07', 'B06'] },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          os: {name: windows}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      `,
    },
    {
      name: 'a misspelt NET_BIND_SERVICE is corrected (the first one; others go), quoting kept',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: ["ALL"]
                add: ["net_bind_service", "CAP_NET_BIND_SERVICE"]
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [ALL]
                add:
                - CAP_NET_BIND_SERVICE  # port 80
                - SYS_TIME
      `,
      errors: [
        { messageId: 'added', line: 12, column: 15, endLine: 12, endColumn: 33, data: { container: 'Container "a"', capability: 'net_bind_service' } },
        { messageId: 'added', line: 12, column: 35, endLine: 12, endColumn: 57, data: { container: 'Container "a"', capability: 'CAP_NET_BIND_SERVICE' } },
        { messageId: 'added', line: 19, column: 11, endLine: 19, endColumn: 31, data: { container: 'Container "b"', capability: 'CAP_NET_BIND_SERVICE' } },
        { messageId: 'added', line: 20, column: 11, endLine: 20, endColumn: 19, data: { container: 'Container "b"', capability: 'SYS_TIME' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: ["ALL"]
                add: ["NET_BIND_SERVICE"]
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [ALL]
                add:
                - NET_BIND_SERVICE  # port 80
      `,
    },
    {
      name: '4-space indentation, CRLF, the add list removed when it empties',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: p',
        'spec:',
        '    containers:',
        '    -   name: app',
        '        image: nginx:1.27',
        '        securityContext:',
        '            capabilities:',
        '                add:',
        '                -   NET_ADMIN',
        '                -   NET_RAW',
        '                drop:',
        '                -   ALL',
        '            runAsNonRoot: true',
        '',
      ].join('\r\n'),
      errors: [
        { messageId: 'added', line: 12, column: 21, endLine: 12, endColumn: 30 },
        { messageId: 'added', line: 13, column: 21, endLine: 13, endColumn: 28 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
            -   name: app
                image: nginx:1.27
                securityContext:
                    capabilities:
                        drop:
                        -   ALL
                    runAsNonRoot: true
      `.replace(/\n/g, '\r\n'),
    },
    {
      name: 'an add list shared through an alias is not edited',
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
              capabilities: {drop: [ALL], add: &add [CHOWN]}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities: {drop: [ALL], add: *add}
      `,
      errors: [
        { messageId: 'added', line: 10, column: 46, endLine: 10, endColumn: 51 },
        { messageId: 'added', line: 10, column: 46, endLine: 10, endColumn: 51 },
      ],
    },
  ],
});
