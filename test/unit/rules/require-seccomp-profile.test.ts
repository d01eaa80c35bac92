import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const noProfile = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    initContainers:
    - name: init
      image: busybox:1.36
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`;

// One pod-level profile covers both containers: the two findings share one fix.
const noProfileFixed = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    initContainers:
    - name: init
      image: busybox:1.36
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
    securityContext:
      seccompProfile:
        type: RuntimeDefault
`;

const windowsNoProfile = yaml`
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

ruleTester('require-seccomp-profile', {
  valid: [
    {
      name: 'pod-level RuntimeDefault covers every container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault
          initContainers:
          - name: init
            image: busybox:1.36
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'pod-level Localhost, a container overriding with RuntimeDefault',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                seccompProfile: {type: Localhost, localhostProfile: profiles/app.json}
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  seccompProfile: {type: RuntimeDefault}
      `,
    },
    {
      name: 'pod unset, every container sets a valid profile',
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
              seccompProfile: {type: Localhost, localhostProfile: init.json}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: RuntimeDefault}
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext:
              seccompProfile: {type: RuntimeDefault}
      `,
    },
    { name: 'Windows pods are exempt from 1.25', code: windowsNoProfile, version: 'v1.25' },
    { name: 'the check starts at policy 1.19', code: noProfile, version: 'v1.18' },
    { name: 'only checked at restricted', code: noProfile, level: 'baseline' },
  ],
  invalid: [
    {
      name: 'no profile anywhere: each container, at its name or securityContext key',
      code: noProfile,
      errors: [
        {
          messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 15, covers: ['R05'],
          message: 'Init container "init" runs without a seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault (here or in the pod securityContext).',
        },
        { messageId: 'missing', line: 12, column: 5, endLine: 12, endColumn: 20, data: { container: 'Container "app"' } },
      ],
      output: noProfileFixed,
    },
    {
      name: 'an invalid pod value fails even when every container overrides it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile:
              type: Unconfined
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile:
                type: RuntimeDefault
      `,
      errors: [{
        messageId: 'podInvalid', line: 8, column: 13, endLine: 8, endColumn: 23, covers: ['R05', 'B12'],
        message: 'The pod sets seccompProfile.type to "Unconfined": set spec.securityContext.seccompProfile.type to RuntimeDefault (or Localhost).',
      }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile:
                type: RuntimeDefault
      `,
    },
    {
      name: 'an invalid pod value is reported once, not on each inheriting container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile: {type: Unconfined}
          containers:
          - name: a
            image: nginx:1.27
          - name: b
            image: nginx:1.27
      `,
      errors: [{ messageId: 'podInvalid', line: 7, column: 28, endLine: 7, endColumn: 38 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile: {type: RuntimeDefault}
          containers:
          - name: a
            image: nginx:1.27
          - name: b
            image: nginx:1.27
      `,
    },
    {
      name: 'an invalid container value fails under a valid pod value; a profile without type is invalid',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              seccompProfile:
                type: Unconfined
          - name: b
            image: nginx:1.27
            securityContext:
              seccompProfile: {}
          - name: c
            image: nginx:1.27
            securityContext:
              seccompProfile:
                localhostProfile: c.json
      `,
      errors: [
        {
          messageId: 'containerInvalid', line: 14, column: 15, endLine: 14, endColumn: 25, covers: ['R05', 'B12'],
          message: 'Container "a" sets seccompProfile.type to "Unconfined": set it to RuntimeDefault (or Localhost), or remove it to inherit a valid pod-level profile.',
        },
        {
          messageId: 'containerUntyped', line: 18, column: 7, endLine: 18, endColumn: 21,
          message: 'Container "b" sets a seccompProfile without a type, which the API server rejects: set its type to RuntimeDefault (or Localhost), or remove it to inherit a valid pod-level profile.',
        },
        { messageId: 'containerUntyped', line: 22, column: 7, endLine: 22, endColumn: 21, data: { container: 'Container "c"', type: '' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              seccompProfile:
                type: RuntimeDefault
          - name: b
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: RuntimeDefault}
          - name: c
            image: nginx:1.27
            securityContext:
              seccompProfile:
                localhostProfile: c.json
                type: Localhost
      `,
    },
    {
      name: 'pod unset: a container without its own profile fails; a null profile is unset',
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
                  containers:
                  - name: a
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
                        type: RuntimeDefault
                  - name: b
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
      `,
      errors: [{ messageId: 'missing', line: 20, column: 15, endLine: 20, endColumn: 29, data: { container: 'Container "b"' } }],
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
                  containers:
                  - name: a
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
                        type: RuntimeDefault
                  - name: b
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
                        type: RuntimeDefault
      `,
    },
    {
      name: 'a scalar profile is not a map',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{ messageId: 'notAMap', line: 7, column: 21, endLine: 7, endColumn: 35, covers: ['R05', 'B12'] }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'first policy version with the check',
      code: noProfile,
      version: 'v1.19',
      errors: [{ messageId: 'missing', line: 7, column: 11, endLine: 7, endColumn: 15 }, { messageId: 'missing', line: 12, column: 5, endLine: 12, endColumn: 20 }],
      output: noProfileFixed,
    },
    { name: 'Windows pods are checked before 1.25', code: windowsNoProfile, version: 'v1.24', errors: [{ messageId: 'missing', line: 9, column: 11, endLine: 9, endColumn: 14 }] },
    {
      name: 'an explicit invalid value on a Windows pod is still the baseline (B12) finding',
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
              seccompProfile: {type: Unconfined}
      `,
      errors: [{ messageId: 'containerInvalid', line: 11, column: 30, endLine: 11, endColumn: 40, covers: ['B12'] }],
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
      name: 'a container sets its own (invalid) profile: it is corrected where written, the other container gets its own',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
              - name: a
                image: nginx:1.27
                securityContext:
                  seccompProfile:
                    type: Unconfined  # strace in prod
              - name: b
                image: nginx:1.27
                securityContext: {readOnlyRootFilesystem: true}
              - name: c
                image: nginx:1.27
                securityContext:
                  seccompProfile: Unconfined
      `,
      errors: [
        { messageId: 'containerInvalid', line: 15, column: 19, endLine: 15, endColumn: 29, data: { container: 'Container "a"', type: 'Unconfined' } },
        { messageId: 'missing', line: 18, column: 9, endLine: 18, endColumn: 24, data: { container: 'Container "b"' } },
        { messageId: 'notAMap', line: 22, column: 27, endLine: 22, endColumn: 37 },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
              - name: a
                image: nginx:1.27
                securityContext:
                  seccompProfile:
                    type: RuntimeDefault  # strace in prod
              - name: b
                image: nginx:1.27
                securityContext: {readOnlyRootFilesystem: true, seccompProfile: {type: RuntimeDefault}}
              - name: c
                image: nginx:1.27
                securityContext:
                  seccompProfile:
                    type: RuntimeDefault
      `,
    },
    {
      name: 'pod-level placement into flow pod securityContext maps, in a second document',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: {}
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [
        { messageId: 'missing', line: 8, column: 11, endLine: 8, endColumn: 14 },
        { messageId: 'missing', line: 18, column: 11, endLine: 18, endColumn: 14 },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: '4-space indentation, a comment after the last key, CRLF',
      code: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: p',
        'spec:',
        '    securityContext:',
        '        runAsNonRoot: true  # image USER 1000',
        '    containers:',
        '        -   name: app',
        '            image: nginx:1.27',
        '',
      ].join('\r\n'),
      errors: [{ messageId: 'missing', line: 9, column: 19, endLine: 9, endColumn: 22 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            securityContext:
                runAsNonRoot: true  # image USER 1000
                seccompProfile:
                    type: RuntimeDefault
            containers:
                -   name: app
                    image: nginx:1.27
      `.replace(/\n/g, '\r\n'),
    },
    {
      name: 'a profile shared through an alias is not edited',
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
              seccompProfile: &profile {type: Unconfined}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile: *profile
      `,
      errors: [
        { messageId: 'containerInvalid', line: 10, column: 39, endLine: 10, endColumn: 49 },
        { messageId: 'containerInvalid', line: 10, column: 39, endLine: 10, endColumn: 49 },
      ],
    },
  ],
});
