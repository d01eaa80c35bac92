import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const noDrop = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
`;

const noDropFixed = yaml`
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
          drop:
          - ALL
`;

const windowsNoDrop = yaml`
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
`;

ruleTester('require-drop-all-capabilities', {
  valid: [
    {
      name: 'every container drops ALL (among other entries too)',
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
                drop:
                - NET_RAW
                - ALL
                add: [NET_BIND_SERVICE]
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext:
              capabilities:
                drop: [ALL]
      `,
    },
    { name: 'Windows pods are exempt from 1.25', code: windowsNoDrop, version: 'v1.25' },
    { name: 'the check starts at policy 1.22', code: noDrop, version: 'v1.21' },
    { name: 'only checked at restricted', code: noDrop, level: 'baseline' },
  ],
  invalid: [
    {
      name: 'no securityContext: reported on the container name',
      code: noDrop,
      errors: [{
        // NET_RAW is kept too: the finding also answers for H05.
        messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14, covers: ['R06', 'H05'],
        message: 'Container "app" does not drop all capabilities: set securityContext.capabilities.drop: ["ALL"].',
      }],
      output: noDropFixed,
    },
    {
      name: 'nearest key: securityContext, capabilities, drop',
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
              runAsNonRoot: true
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities: {}
          - name: c
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [NET_RAW, SYS_ADMIN]
      `,
      errors: [
        { messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 20, data: { container: 'Container "a"' } },
        { messageId: 'missing', line: 14, column: 7, endLine: 14, endColumn: 19, data: { container: 'Container "b"' } },
        // Container "c" drops NET_RAW by name: R06 alone.
        { messageId: 'missing', line: 19, column: 9, endLine: 19, endColumn: 13, data: { container: 'Container "c"' }, covers: ['R06'] },
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
              runAsNonRoot: true
              capabilities:
                drop: [ALL]
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities: {drop: [ALL]}
          - name: c
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [NET_RAW, SYS_ADMIN, ALL]
      `,
    },
    {
      name: 'ALL is matched exactly: a lower-case or CAP_ spelling drops nothing',
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
                drop:
                - all
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [CAP_ALL]
      `,
      errors: [
        {
          messageId: 'wrongCase', line: 12, column: 11, endLine: 12, endColumn: 14,
          message: 'Container "a" drops "all", but Kubernetes matches only the exact name "ALL": write ALL.',
        },
        { messageId: 'wrongCase', line: 17, column: 16, endLine: 17, endColumn: 23, data: { container: 'Container "b"', value: 'CAP_ALL' }, covers: ['R06', 'H05'] },
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
                drop:
                - ALL
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [ALL]
      `,
    },
    {
      name: 'init and ephemeral containers of a StatefulSet',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: s
        spec:
          serviceName: s
          template:
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  capabilities:
                    drop: [ALL]
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
      `,
      errors: [
        { messageId: 'missing', line: 10, column: 15, endLine: 10, endColumn: 19, data: { container: 'Init container "init"' } },
        { messageId: 'missing', line: 19, column: 15, endLine: 19, endColumn: 20, data: { container: 'Ephemeral container "debug"' } },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: s
        spec:
          serviceName: s
          template:
            spec:
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext:
                  capabilities:
                    drop: [ALL]
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  capabilities:
                    drop: [ALL]
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  capabilities:
                    drop: [ALL]
      `,
    },
    { name: 'first policy version with the check', code: noDrop, version: 'v1.22', errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 14 }], output: noDropFixed },
    // A Windows pod may not set capabilities at all: nothing to fix there.
    { name: 'Windows pods are checked before 1.25', code: windowsNoDrop, version: 'v1.24', errors: [{ messageId: 'missing', line: 9, column: 11, endLine: 9, endColumn: 14 }] },
    {
      name: 'flow securityContext maps, an empty drop list, a block drop list and an add-only capabilities map',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext: {}
          - name: b
            image: nginx:1.27
            securityContext: {runAsUser: 1000}
          - name: c
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: []
          - name: d
            image: nginx:1.27
            securityContext:
              capabilities:
                drop:
                - NET_RAW  # no raw sockets
                add:
                - NET_BIND_SERVICE
          - name: e
            image: nginx:1.27
            securityContext:
              capabilities:
                add: ["NET_BIND_SERVICE"]
      `,
      errors: [
        { messageId: 'missing', line: 9, column: 5, endLine: 9, endColumn: 20 },
        { messageId: 'missing', line: 12, column: 5, endLine: 12, endColumn: 20 },
        { messageId: 'missing', line: 17, column: 9, endLine: 17, endColumn: 13 },
        { messageId: 'missing', line: 22, column: 9, endLine: 22, endColumn: 13 },
        { messageId: 'missing', line: 29, column: 7, endLine: 29, endColumn: 19 },
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
            securityContext: {capabilities: {drop: [ALL]}}
          - name: b
            image: nginx:1.27
            securityContext: {runAsUser: 1000, capabilities: {drop: [ALL]}}
          - name: c
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [ALL]
          - name: d
            image: nginx:1.27
            securityContext:
              capabilities:
                drop:
                - NET_RAW  # no raw sockets
                - ALL
                add:
                - NET_BIND_SERVICE
          - name: e
            image: nginx:1.27
            securityContext:
              capabilities:
                add: ["NET_BIND_SERVICE"]
                drop:
                - ALL
      `,
    },
    {
      name: '4-space indentation, a comment after the last key, CRLF, a second document',
      code: [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '    name: apps',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '    name: d',
        'spec:',
        '    template:',
        '        spec:',
        '            containers:',
        '            -   name: app',
        '                image: nginx:1.27',
        '                securityContext:',
        '                    allowPrivilegeEscalation: false  # hardened',
        '',
      ].join('\r\n'),
      errors: [{ messageId: 'missing', line: 16, column: 17, endLine: 16, endColumn: 32 }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
            name: apps
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
            name: d
        spec:
            template:
                spec:
                    containers:
                    -   name: app
                        image: nginx:1.27
                        securityContext:
                            allowPrivilegeEscalation: false  # hardened
                            capabilities:
                                drop:
                                - ALL
      `.replace(/\n/g, '\r\n'),
    },
    {
      name: 'a drop list shared through an alias is not edited',
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
              capabilities:
                drop: &drop [NET_RAW]
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: *drop
      `,
      errors: [
        { messageId: 'missing', line: 11, column: 9, endLine: 11, endColumn: 13 },
        { messageId: 'missing', line: 17, column: 9, endLine: 17, endColumn: 13 },
      ],
    },
  ],
});
