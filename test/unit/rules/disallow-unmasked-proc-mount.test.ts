import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const userNamespacePod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: nested
  spec:
    hostUsers: false
    containers:
    - name: podman
      image: quay.io/podman/stable:v5
      securityContext:
        procMount: Unmasked
`;

ruleTester('disallow-unmasked-proc-mount', {
  valid: [
    {
      name: 'procMount unset or Default',
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
              procMount: Default
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              runAsNonRoot: true
      `,
    },
    { name: 'from 1.35 baseline trusts a user namespace', version: 'v1.35', code: userNamespacePod },
  ],
  invalid: [
    {
      name: 'every container list, any value other than Default',
      code: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          template:
            spec:
              hostUsers: true
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext:
                  procMount: Unmasked
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  procMount: default
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext: {procMount: Unmasked}
      `,
      errors: [
        {
          messageId: 'procMount', line: 13, column: 22, endLine: 13, endColumn: 30, covers: ['B11'], fixTitle: 'Set securityContext.procMount: Default in init container "init"',
          message: 'Init container "init" sets procMount "Unmasked": remove securityContext.procMount or set it to Default.',
        },
        { messageId: 'procMount', line: 18, column: 22, endLine: 18, endColumn: 29, data: { container: 'Container "app"', value: 'default' } },
        { messageId: 'procMount', line: 22, column: 38, endLine: 22, endColumn: 46, data: { container: 'Ephemeral container "debug"', value: 'Unmasked' } },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs
        spec:
          template:
            spec:
              hostUsers: true
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext:
                  procMount: Default
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  procMount: Default
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext: {procMount: Default}
      `,
    },
    {
      name: 'before 1.35 a user namespace does not exempt the pod',
      version: 'v1.34',
      code: userNamespacePod,
      errors: [{ messageId: 'procMount', line: 11, column: 18, endLine: 11, endColumn: 26, data: { container: 'Container "podman"', value: 'Unmasked' } }],
      output: userNamespacePod.replace('procMount: Unmasked', 'procMount: Default'),
    },
    {
      name: 'the relaxation needs hostUsers: false, not a missing hostUsers',
      version: 'v1.37',
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
              procMount: Unmasked
      `,
      errors: [{ messageId: 'procMount', line: 10, column: 18, endLine: 10, endColumn: 26 }],
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
              procMount: Default
      `,
    },
    {
      name: 'fix: Default where written, quoting and comment kept; CRLF; a second document',
      code: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
        spec:
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: b
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              procMount: "Unmasked"  # nested builds
              runAsNonRoot: true
      `),
      errors: [{ messageId: 'procMount', line: 19, column: 18, endLine: 19, endColumn: 28 }],
      output: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: a
        spec:
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: b
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              procMount: "Default"  # nested builds
              runAsNonRoot: true
      `),
    },
    {
      name: 'no fix for a value that comes through an alias',
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
              procMount: &pm Unmasked
          - name: b
            image: nginx:1.27
            securityContext:
              procMount: *pm
      `,
      errors: [
        { messageId: 'procMount', line: 10, column: 22, endLine: 10, endColumn: 30, data: { container: 'Container "a"', value: 'Unmasked' } },
        { messageId: 'procMount', line: 10, column: 22, endLine: 10, endColumn: 30, data: { container: 'Container "b"', value: 'Unmasked' } },
      ],
    },
  ],
});
