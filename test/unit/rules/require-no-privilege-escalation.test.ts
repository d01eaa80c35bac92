import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const unsetPod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
`;

const unsetPodFixed = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`;

const windowsUnset = yaml`
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

ruleTester('require-no-privilege-escalation', {
  valid: [
    {
      name: 'every container sets false',
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
              allowPrivilegeEscalation: false
          containers:
          - name: app
            image: nginx:1.27
            securityContext: {allowPrivilegeEscalation: false}
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext:
              allowPrivilegeEscalation: no
      `,
    },
    { name: 'Windows pods are exempt from 1.25', code: windowsUnset, version: 'v1.25' },
    { name: 'the check starts at policy 1.8', code: unsetPod, version: 'v1.7' },
    { name: 'only checked at restricted', code: unsetPod, level: 'baseline' },
  ],
  invalid: [
    {
      name: 'no securityContext: reported on the container name',
      code: unsetPod,
      errors: [{
        messageId: 'notFalse', line: 7, column: 11, endLine: 7, endColumn: 14, covers: ['R02'],
        message: 'Container "app" does not disable privilege escalation: set securityContext.allowPrivilegeEscalation: false.',
      }],
      output: unsetPodFixed,
    },
    {
      name: 'explicit true covers both rows; unset in a securityContext is reported at its key',
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
              allowPrivilegeEscalation: true
          - name: b
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
      `,
      errors: [
        {
          messageId: 'enabled', line: 10, column: 33, endLine: 10, endColumn: 37, covers: ['R02', 'R02b'],
          message: 'Container "a" sets allowPrivilegeEscalation: true: set it to false.',
        },
        { messageId: 'notFalse', line: 13, column: 5, endLine: 13, endColumn: 20, covers: ['R02'] },
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
              allowPrivilegeEscalation: false
          - name: b
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
              allowPrivilegeEscalation: false
      `,
    },
    {
      name: 'a null field is unset (its key is reported); a string "false" is not false',
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
              allowPrivilegeEscalation:
          - name: b
            image: nginx:1.27
            securityContext:
              allowPrivilegeEscalation: "false"
      `,
      errors: [
        { messageId: 'notFalse', line: 10, column: 7, endLine: 10, endColumn: 31 },
        { messageId: 'notFalse', line: 14, column: 33, endLine: 14, endColumn: 40 },
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
              allowPrivilegeEscalation: false
          - name: b
            image: nginx:1.27
            securityContext:
              allowPrivilegeEscalation: false
      `,
    },
    {
      name: 'init and ephemeral containers of a CronJob',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                  - name: init
                    image: busybox:1.36
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      allowPrivilegeEscalation: false
                  ephemeralContainers:
                  - name: debug
                    image: busybox:1.36
      `,
      errors: [
        { messageId: 'notFalse', line: 12, column: 19, endLine: 12, endColumn: 23, data: { container: 'Init container "init"' } },
        { messageId: 'notFalse', line: 20, column: 19, endLine: 20, endColumn: 24, data: { container: 'Ephemeral container "debug"' } },
      ],
      output: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "0 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                  - name: init
                    image: busybox:1.36
                    securityContext:
                      allowPrivilegeEscalation: false
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      allowPrivilegeEscalation: false
                  ephemeralContainers:
                  - name: debug
                    image: busybox:1.36
                    securityContext:
                      allowPrivilegeEscalation: false
      `,
    },
    { name: 'first policy version with the check', code: unsetPod, version: 'v1.8', errors: [{ messageId: 'notFalse', line: 7, column: 11, endLine: 7, endColumn: 14 }], output: unsetPodFixed },
    { name: 'Windows pods are checked before 1.25', code: windowsUnset, version: 'v1.24', errors: [{ messageId: 'notFalse', line: 9, column: 11, endLine: 9, endColumn: 14 }] },
    {
      name: 'an explicit true on a Windows pod is still the R02b finding',
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
              allowPrivilegeEscalation: true
      `,
      errors: [{ messageId: 'enabled', line: 11, column: 33, endLine: 11, endColumn: 37, covers: ['R02b'] }],
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
      name: 'privileged: no fix (the API rejects allowPrivilegeEscalation: false next to privileged: true; turning privileged off belongs to disallow-privileged-containers)',
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
              privileged: true  # needs /dev
          - name: b
            image: nginx:1.27
            securityContext:
              allowPrivilegeEscalation: true
              privileged: true
      `,
      errors: [
        { messageId: 'notFalse', line: 9, column: 5, endLine: 9, endColumn: 20 },
        { messageId: 'enabled', line: 14, column: 33, endLine: 14, endColumn: 37 },
      ],
    },
    {
      name: 'an added CAP_SYS_ADMIN (exactly so spelt) also forbids false: no fix until it is gone; SYS_ADMIN does not',
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
                add: [CAP_SYS_ADMIN]
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities:
                add: [SYS_ADMIN]
      `,
      errors: [
        { messageId: 'notFalse', line: 9, column: 5, endLine: 9, endColumn: 20 },
        { messageId: 'notFalse', line: 14, column: 5, endLine: 14, endColumn: 20 },
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
                add: [CAP_SYS_ADMIN]
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities:
                add: [SYS_ADMIN]
              allowPrivilegeEscalation: false
      `,
    },
    {
      name: 'flow securityContext maps, empty and not',
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
      `,
      errors: [
        { messageId: 'notFalse', line: 9, column: 5, endLine: 9, endColumn: 20 },
        { messageId: 'notFalse', line: 12, column: 5, endLine: 12, endColumn: 20 },
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
            securityContext: {allowPrivilegeEscalation: false}
          - name: b
            image: nginx:1.27
            securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false}
      `,
    },
    {
      name: '4-space indentation, a comment after the last key, a second document',
      code: [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '    name: c',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '    name: d',
        'spec:',
        '    template:',
        '        spec:',
        '            containers:',
        '                -   name: app',
        '                    image: nginx:1.27',
        '                    securityContext:',
        '                        runAsNonRoot: true  # the image has USER 1000',
        '                    # resources come later',
        '',
      ].join('\n'),
      errors: [{ messageId: 'notFalse', line: 16, column: 21, endLine: 16, endColumn: 36 }],
      output: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
            name: c
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
                                runAsNonRoot: true  # the image has USER 1000
                                allowPrivilegeEscalation: false
                            # resources come later
      `,
    },
    {
      name: 'CRLF line breaks',
      code: unsetPod.replace(/\n/g, '\r\n'),
      errors: [{ messageId: 'notFalse', line: 7, column: 11, endLine: 7, endColumn: 14 }],
      output: unsetPodFixed.replace(/\n/g, '\r\n'),
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
            securityContext: &sc
              runAsNonRoot: true
          containers:
          - name: app
            image: nginx:1.27
            securityContext: *sc
      `,
      errors: [
        { messageId: 'notFalse', line: 9, column: 5, endLine: 9, endColumn: 20 },
        { messageId: 'notFalse', line: 14, column: 5, endLine: 14, endColumn: 20 },
      ],
    },
  ],
});
