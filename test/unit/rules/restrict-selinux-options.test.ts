import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const engineType = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: buildkit
  spec:
    containers:
    - name: buildkitd
      image: moby/buildkit:v0.15.0
      securityContext:
        seLinuxOptions:
          type: container_engine_t
`;

ruleTester('restrict-selinux-options', {
  valid: [
    {
      name: 'allowed types, empty strings, and a free level',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seLinuxOptions:
              type: container_t
              level: "s0:c123,c456"
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              seLinuxOptions:
                type: container_init_t
                user: ""
                role: ""
          containers:
          - name: vm
            image: quay.io/kubevirt/virt-launcher:v1.3.0
            securityContext:
              seLinuxOptions:
                type: container_kvm_t
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext:
              seLinuxOptions: {}
      `,
    },
    { name: 'container_engine_t is allowed from 1.31', version: 'v1.31', code: engineType },
  ],
  invalid: [
    {
      name: 'pod type, user and role are each reported',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seLinuxOptions:
              user: system_u
              role: system_r
              type: spc_t
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seLinuxOptions:
                type: container_t
      `,
      errors: [
        {
          messageId: 'user', line: 8, column: 13, endLine: 8, endColumn: 21, message: 'The pod sets SELinux user "system_u": remove seLinuxOptions.user.',
          fixTitle: 'Remove seLinuxOptions.user from the pod spec',
        },
        { messageId: 'role', line: 9, column: 13, endLine: 9, endColumn: 21, data: { where: 'The pod', value: 'system_r' } },
        {
          messageId: 'type', line: 10, column: 13, endLine: 10, endColumn: 18, covers: ['B10'],
          message: 'The pod sets SELinux type "spc_t": remove seLinuxOptions.type or use container_t (or container_init_t, container_kvm_t, container_engine_t).',
          suggestions: [{
            title: 'Set seLinuxOptions.type: container_t in the pod spec',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
              spec:
                securityContext:
                  seLinuxOptions:
                    user: system_u
                    role: system_r
                    type: container_t
                containers:
                - name: app
                  image: nginx:1.27
                  securityContext:
                    seLinuxOptions:
                      type: container_t
            `,
          }],
        },
      ],
      // The fixes remove the fields; the emptied seLinuxOptions and securityContext go too.
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
              seLinuxOptions:
                type: container_t
      `,
    },
    {
      name: 'every container list; a good pod value does not excuse a container',
      level: 'baseline',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                seLinuxOptions:
                  type: container_t
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext:
                  seLinuxOptions:
                    role: sysadm_r
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  seLinuxOptions: {type: unconfined_t, level: "s0"}
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  seLinuxOptions:
                    user: unconfined_u
      `,
      errors: [
        { messageId: 'role', line: 16, column: 19, endLine: 16, endColumn: 27, data: { where: 'Init container "init"', value: 'sysadm_r' } },
        {
          messageId: 'type', line: 21, column: 34, endLine: 21, endColumn: 46, data: { where: 'Container "app"', value: 'unconfined_t', engine: ', container_engine_t' },
          fixTitle: 'Remove seLinuxOptions.type from container "app"',
          suggestions: [{
            title: 'Set seLinuxOptions.type: container_t in container "app"',
            output: yaml`
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: d
              spec:
                template:
                  spec:
                    securityContext:
                      seLinuxOptions:
                        type: container_t
                    initContainers:
                    - name: init
                      image: busybox:1.36
                      securityContext:
                        seLinuxOptions:
                          role: sysadm_r
                    containers:
                    - name: app
                      image: nginx:1.27
                      securityContext:
                        seLinuxOptions: {type: container_t, level: "s0"}
                    ephemeralContainers:
                    - name: debug
                      image: busybox:1.36
                      securityContext:
                        seLinuxOptions:
                          user: unconfined_u
            `,
          }],
        },
        { messageId: 'user', line: 27, column: 19, endLine: 27, endColumn: 31, data: { where: 'Ephemeral container "debug"', value: 'unconfined_u' } },
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
                seLinuxOptions:
                  type: container_t
              initContainers:
              - name: init
                image: busybox:1.36
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  seLinuxOptions: {level: "s0"}
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
      `,
    },
    {
      name: 'container_engine_t is not allowed before 1.31',
      version: 'v1.30',
      code: engineType,
      errors: [{
        messageId: 'type', line: 11, column: 15, endLine: 11, endColumn: 33,
        message: 'Container "buildkitd" sets SELinux type "container_engine_t": remove seLinuxOptions.type or use container_t (or container_init_t, container_kvm_t).',
        suggestions: [{ title: 'Set seLinuxOptions.type: container_t in container "buildkitd"', output: engineType.replace('container_engine_t', 'container_t') }],
      }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: buildkit
        spec:
          containers:
          - name: buildkitd
            image: moby/buildkit:v0.15.0
      `,
    },
    {
      name: 'fix: a comment line inside keeps the emptied map; CRLF; level stays',
      code: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: true
            seLinuxOptions:
              # legacy label from the VM image
              user: system_u
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seLinuxOptions: {role: "system_r", level: "s0:c1,c2"}
      `),
      errors: [
        { messageId: 'user', line: 10, column: 13, endLine: 10, endColumn: 21, data: { where: 'The pod', value: 'system_u' } },
        { messageId: 'role', line: 15, column: 30, endLine: 15, endColumn: 40, data: { where: 'Container "app"', value: 'system_r' } },
      ],
      output: crlf(yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: true
            seLinuxOptions: {}
              # legacy label from the VM image
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seLinuxOptions: {level: "s0:c1,c2"}
      `),
    },
  ],
});
