import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const unmaskedUserNamespace = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    hostUsers: false
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        procMount: Unmasked
`;

ruleTester('restrict-proc-mount', {
  valid: [
    {
      name: 'Default or unset',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostUsers: false
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              procMount: Default
          - name: b
            image: nginx:1.27
      `,
    },
    { name: 'the check starts at policy 1.35', code: unmaskedUserNamespace, version: 'v1.34' },
    { name: 'only checked at restricted', code: unmaskedUserNamespace, level: 'baseline' },
  ],
  invalid: [
    {
      name: 'Unmasked even with user namespaces: the baseline check would allow it, so only R08',
      code: unmaskedUserNamespace,
      errors: [{
        messageId: 'unmasked', line: 11, column: 18, endLine: 11, endColumn: 26, covers: ['R08'],
        message: 'Container "app" sets procMount: Unmasked: remove it or set it to Default.',
      }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostUsers: false
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              procMount: Default
      `,
    },
    {
      name: 'Unmasked in a host-user pod is also the baseline finding; every container list',
      version: 'v1.35',
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
                securityContext: {procMount: Unmasked}
              containers:
              - name: app
                image: nginx:1.27
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  procMount: unmasked
      `,
      errors: [
        { messageId: 'unmasked', line: 11, column: 38, endLine: 11, endColumn: 46, covers: ['R08', 'B11'], data: { container: 'Init container "init"', value: 'Unmasked' } },
        { messageId: 'unmasked', line: 19, column: 22, endLine: 19, endColumn: 30, covers: ['R08', 'B11'], data: { container: 'Ephemeral container "debug"', value: 'unmasked' } },
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
                securityContext: {procMount: Default}
              containers:
              - name: app
                image: nginx:1.27
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  procMount: Default
      `,
    },
    {
      name: 'a trailing comment stays; 4-space indentation and CRLF are kept',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: p',
        'spec:',
        '    containers:',
        '    -   name: builder',
        '        image: buildkit:0.16',
        '        securityContext:',
        '            procMount: Unmasked  # rootless buildkit',
        '            runAsNonRoot: true',
        '',
      ].join('\r\n'),
      errors: [{ messageId: 'unmasked', line: 10, column: 24, endLine: 10, endColumn: 32 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
            -   name: builder
                image: buildkit:0.16
                securityContext:
                    procMount: Default  # rootless buildkit
                    runAsNonRoot: true
      `.replace(/\n/g, '\r\n'),
    },
    {
      name: 'a Windows pod may not set procMount at all: it is removed',
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
              procMount: Unmasked
              windowsOptions: {runAsUserName: ContainerUser}
      `,
      errors: [{ messageId: 'unmasked', line: 11, column: 18, endLine: 11, endColumn: 26 }],
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
              windowsOptions: {runAsUserName: ContainerUser}
      `,
    },
    {
      name: 'a securityContext shared through an alias is not edited',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext: &sc {procMount: Unmasked}
          containers:
          - name: app
            image: nginx:1.27
            securityContext: *sc
      `,
      errors: [
        { messageId: 'unmasked', line: 9, column: 38, endLine: 9, endColumn: 46 },
        { messageId: 'unmasked', line: 9, column: 38, endLine: 9, endColumn: 46 },
      ],
    },
  ],
});
