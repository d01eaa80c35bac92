import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const explicitTrue = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: true
`;

const explicitTrueFixed = explicitTrue.replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false');

ruleTester('disallow-privilege-escalation', {
  valid: [
    {
      name: 'false or unset: kube-linter semantics fail only an explicit true',
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
              allowPrivilegeEscalation: false
          - name: b
            image: nginx:1.27
      `,
    },
    // require-no-privilege-escalation reports the explicit true (covering R02b) instead.
    { name: 'at restricted from 1.8 the PSA rule replaces this one', code: explicitTrue, level: 'restricted' },
  ],
  invalid: [
    {
      name: 'explicit true in a container',
      code: explicitTrue,
      errors: [{
        messageId: 'enabled', line: 10, column: 33, endLine: 10, endColumn: 37, covers: ['R02b'],
        message: 'Container "app" sets allowPrivilegeEscalation: true: set it to false.',
      }],
      output: explicitTrueFixed,
    },
    {
      name: 'at restricted before 1.8 this rule still runs', code: explicitTrue, level: 'restricted', version: 'v1.7',
      errors: [{ messageId: 'enabled', line: 10, column: 33, endLine: 10, endColumn: 37 }], output: explicitTrueFixed,
    },
    {
      name: 'init and ephemeral containers of a Job, YAML 1.1 on',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {allowPrivilegeEscalation: on}
              containers:
              - name: job
                image: busybox:1.36
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  allowPrivilegeEscalation: true
      `,
      errors: [
        { messageId: 'enabled', line: 12, column: 53, endLine: 12, endColumn: 55, data: { container: 'Init container "init"' } },
        { messageId: 'enabled', line: 20, column: 37, endLine: 20, endColumn: 41, data: { container: 'Ephemeral container "debug"' } },
      ],
      output: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {allowPrivilegeEscalation: false}
              containers:
              - name: job
                image: busybox:1.36
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  allowPrivilegeEscalation: false
      `,
    },
    {
      name: 'no fix next to privileged: true (the API rejects allowPrivilegeEscalation: false there; turning privileged off belongs to disallow-privileged-containers)',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
        spec:
          selector:
            matchLabels: {app: agent}
          template:
            metadata:
              labels: {app: agent}
            spec:
              containers:
              - name: agent
                image: agent:1.0
                securityContext:
                  allowPrivilegeEscalation: true  # setuid helper
                  privileged: true
                  runAsNonRoot: true
      `,
      errors: [{ messageId: 'enabled', line: 16, column: 37, endLine: 16, endColumn: 41 }],
    },
    {
      name: 'next to an added CAP_SYS_ADMIN the API rejects false: no fix until the capability is gone',
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
              allowPrivilegeEscalation: true
              capabilities:
                add: ["CAP_SYS_ADMIN"]
      `,
      errors: [{ messageId: 'enabled', line: 10, column: 33, endLine: 10, endColumn: 37 }],
    },
    {
      name: 'a Windows pod may not set the field at all: it is removed, with the securityContext it leaves empty',
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
            securityContext:
              allowPrivilegeEscalation: true
          - name: b
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              allowPrivilegeEscalation: true
              windowsOptions: {runAsUserName: ContainerUser}
      `,
      errors: [
        { messageId: 'enabled', line: 12, column: 33, endLine: 12, endColumn: 37 },
        { messageId: 'enabled', line: 16, column: 33, endLine: 16, endColumn: 37 },
      ],
      output: yaml`
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
          - name: b
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions: {runAsUserName: ContainerUser}
      `,
    },
    {
      name: 'CRLF, 4-space indentation',
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
        '            allowPrivilegeEscalation: true',
        '',
      ].join('\r\n'),
      errors: [{ messageId: 'enabled', line: 10, column: 39, endLine: 10, endColumn: 43 }],
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
                    allowPrivilegeEscalation: false
      `.replace(/\n/g, '\r\n'),
    },
    {
      name: 'a securityContext shared through an alias is not edited',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext: &sc {allowPrivilegeEscalation: true}
          - name: b
            image: nginx:1.27
            securityContext: *sc
      `,
      errors: [
        { messageId: 'enabled', line: 9, column: 53, endLine: 9, endColumn: 57 },
        { messageId: 'enabled', line: 9, column: 53, endLine: 9, endColumn: 57 },
      ],
    },
  ],
});
