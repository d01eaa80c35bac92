import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-apparmor-profile', {
  valid: [
    {
      name: 'a pod profile covers every container; any stated type passes here',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            appArmorProfile:
              type: Unconfined
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'the deprecated annotation on the pod template, and a container profile',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: runtime/default
            spec:
              containers:
              - name: app
                image: nginx:1.27
              - name: side
                image: busybox:1.36
                securityContext:
                  appArmorProfile:
                    type: Localhost
                    localhostProfile: k8s-side
      `,
    },
    {
      name: 'Windows pods have no AppArmor',
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
      `,
    },
  ],
  invalid: [
    {
      name: 'nothing stated: once, on the pod securityContext key; an annotation on the Deployment itself does not count',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            container.apparmor.security.beta.kubernetes.io/app: runtime/default
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: true
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'pod', line: 10, column: 7, endLine: 10, endColumn: 22, suggestions: [
          {
            title: 'Set securityContext.appArmorProfile.type: RuntimeDefault in the pod spec (the nodes must have AppArmor enabled)',
            output: yaml`
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
                annotations:
                  container.apparmor.security.beta.kubernetes.io/app: runtime/default
              spec:
                template:
                  spec:
                    securityContext:
                      runAsNonRoot: true
                      appArmorProfile:
                        type: RuntimeDefault
                    containers:
                    - name: app
                      image: nginx:1.27
            `,
          },
        ]}],
    },
    {
      name: 'annotated and profiled containers pass; the bare one is reported on its name, an empty flow securityContext on its key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            container.apparmor.security.beta.kubernetes.io/app: runtime/default
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              appArmorProfile:
                type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
          - name: side
            image: busybox:1.36
          - name: flow
            image: busybox:1.36
            securityContext: {}
      `,
      errors: [
        { messageId: 'container', line: 17, column: 11, endLine: 17, endColumn: 15, data: { container: 'Container "side"' }, suggestions: [
          {
            title: 'Set securityContext.appArmorProfile.type: RuntimeDefault in container "side" (the nodes must have AppArmor enabled)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
                annotations:
                  container.apparmor.security.beta.kubernetes.io/app: runtime/default
              spec:
                initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext:
                    appArmorProfile:
                      type: RuntimeDefault
                containers:
                - name: app
                  image: nginx:1.27
                - name: side
                  image: busybox:1.36
                  securityContext:
                    appArmorProfile:
                      type: RuntimeDefault
                - name: flow
                  image: busybox:1.36
                  securityContext: {}
            `,
          },
        ]},
        { messageId: 'container', line: 21, column: 5, endLine: 21, endColumn: 20, data: { container: 'Container "flow"' }, suggestions: [
          {
            title: 'Set securityContext.appArmorProfile.type: RuntimeDefault in container "flow" (the nodes must have AppArmor enabled)',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: p
                annotations:
                  container.apparmor.security.beta.kubernetes.io/app: runtime/default
              spec:
                initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext:
                    appArmorProfile:
                      type: RuntimeDefault
                containers:
                - name: app
                  image: nginx:1.27
                - name: side
                  image: busybox:1.36
                - name: flow
                  image: busybox:1.36
                  securityContext: {appArmorProfile: {type: RuntimeDefault}}
            `,
          },
        ]},
      ],
    },
  ],
});
