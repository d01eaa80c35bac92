import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-non-default-capabilities', {
  valid: [
    {
      name: 'capabilities the baseline allows, in every container list',
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
                add: [CHOWN, FOWNER, SETUID, SETGID]
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities:
                add:
                - NET_BIND_SERVICE
                - AUDIT_WRITE
                - DAC_OVERRIDE
                - FSETID
                - KILL
                - MKNOD
                - SETFCAP
                - SETPCAP
                - SYS_CHROOT
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
      `,
    },
    {
      name: 'dropped capabilities are never a problem',
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
                drop: [ALL, SYS_ADMIN, NET_RAW]
      `,
    },
    {
      name: 'at restricted from 1.22, restrict-capabilities-to-net-bind-service replaces this rule',
      level: 'restricted',
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
                add: [SYS_ADMIN]
      `,
    },
  ],
  invalid: [
    {
      name: 'each non-default capability is reported, the default one is not',
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
                add:
                - SYS_ADMIN
                - CHOWN
                - NET_RAW
      `,
      errors: [
        {
          messageId: 'nonDefault', line: 12, column: 11, endLine: 12, endColumn: 20, covers: ['B06'], fixTitle: 'Remove capability "SYS_ADMIN" from container "app"',
          message: 'Container "app" adds capability "SYS_ADMIN", which is not among the capabilities the baseline Pod Security level lets a container add: remove it from securityContext.capabilities.add.',
        },
        { messageId: 'nonDefault', line: 14, column: 11, endLine: 14, endColumn: 18, data: { container: 'Container "app"', capability: 'NET_RAW' } },
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
                add:
                - CHOWN
      `,
    },
    {
      name: 'names are compared exactly: a CAP_ prefix or lower case is not in the set',
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
                add: [CAP_SYS_ADMIN, chown]
      `,
      errors: [
        { messageId: 'nonDefault', line: 11, column: 15, endLine: 11, endColumn: 28, data: { container: 'Container "app"', capability: 'CAP_SYS_ADMIN' } },
        { messageId: 'nonDefault', line: 11, column: 30, endLine: 11, endColumn: 35, data: { container: 'Container "app"', capability: 'chown' } },
      ],
      // The last entry takes `add` with it, and the maps it leaves empty.
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
      name: 'init and ephemeral containers of a Deployment',
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
                securityContext:
                  capabilities:
                    add: [NET_ADMIN]
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
        {
          messageId: 'nonDefault', line: 13, column: 19, endLine: 13, endColumn: 28, data: { container: 'Init container "init"', capability: 'NET_ADMIN' },
          fixTitle: 'Remove capability "NET_ADMIN" from init container "init"',
        },
        { messageId: 'nonDefault', line: 22, column: 19, endLine: 22, endColumn: 29, data: { container: 'Ephemeral container "debug"', capability: 'SYS_PTRACE' } },
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
              containers:
              - name: app
                image: nginx:1.27
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
      `,
    },
    {
      name: 'at restricted before 1.22 this baseline rule still runs',
      level: 'restricted',
      version: 'v1.21',
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
                add: [SYS_ADMIN]
      `,
      errors: [{ messageId: 'nonDefault', line: 11, column: 15, endLine: 11, endColumn: 24 }],
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
      name: 'fix: a flow map keeps drop and the other keys; a duplicate goes with its twin; a comment line keeps the emptied list; 4-space indentation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
                -   name: a
                    image: nginx:1.27
                    securityContext:
                        runAsNonRoot: true
                        capabilities: {add: [NET_ADMIN, SYS_ADMIN, NET_ADMIN], drop: [ALL]}
                -   name: b
                    image: nginx:1.27
                    securityContext:
                        capabilities:
                            add:
                            # for ping
                            -   NET_RAW
                            -   NET_BIND_SERVICE
                -   name: c
                    image: nginx:1.27
                    securityContext:
                        # the probe sends raw packets
                        capabilities:
                            add: [NET_RAW]
      `,
      errors: [
        { messageId: 'nonDefault', line: 11, column: 38, endLine: 11, endColumn: 47, data: { container: 'Container "a"', capability: 'NET_ADMIN' } },
        { messageId: 'nonDefault', line: 11, column: 49, endLine: 11, endColumn: 58, data: { container: 'Container "a"', capability: 'SYS_ADMIN' } },
        { messageId: 'nonDefault', line: 11, column: 60, endLine: 11, endColumn: 69, data: { container: 'Container "a"', capability: 'NET_ADMIN' } },
        { messageId: 'nonDefault', line: 18, column: 25, endLine: 18, endColumn: 32, data: { container: 'Container "b"', capability: 'NET_RAW' } },
        { messageId: 'nonDefault', line: 25, column: 27, endLine: 25, endColumn: 34, data: { container: 'Container "c"', capability: 'NET_RAW' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
                -   name: a
                    image: nginx:1.27
                    securityContext:
                        runAsNonRoot: true
                        capabilities: {drop: [ALL]}
                -   name: b
                    image: nginx:1.27
                    securityContext:
                        capabilities:
                            add:
                            # for ping
                            -   NET_BIND_SERVICE
                -   name: c
                    image: nginx:1.27
                    securityContext:
                        # the probe sends raw packets
                        capabilities:
                            add: []
      `,
    },
    {
      name: 'fix: CRLF line breaks, in the second document',
      code: crlf(yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: s
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              readOnlyRootFilesystem: true
              capabilities:
                add:
                - SYS_TIME
                - CHOWN
      `),
      errors: [{ messageId: 'nonDefault', line: 18, column: 11, endLine: 18, endColumn: 19, data: { container: 'Container "app"', capability: 'SYS_TIME' } }],
      output: crlf(yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: s
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              readOnlyRootFilesystem: true
              capabilities:
                add:
                - CHOWN
      `),
    },
    {
      name: 'no fix for a list shared through an alias: the edit would change both containers',
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
                add: &caps [SYS_ADMIN]
          - name: b
            image: nginx:1.27
            securityContext:
              capabilities:
                add: *caps
      `,
      errors: [
        { messageId: 'nonDefault', line: 11, column: 21, endLine: 11, endColumn: 30, data: { container: 'Container "a"', capability: 'SYS_ADMIN' } },
        { messageId: 'nonDefault', line: 11, column: 21, endLine: 11, endColumn: 30, data: { container: 'Container "b"', capability: 'SYS_ADMIN' } },
      ],
    },
  ],
});
