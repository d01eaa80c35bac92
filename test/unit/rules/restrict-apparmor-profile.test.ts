import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('restrict-apparmor-profile', {
  valid: [
    {
      name: 'RuntimeDefault and Localhost profile types',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            appArmorProfile:
              type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              appArmorProfile:
                type: Localhost
                localhostProfile: k8s-nginx
          - name: side
            image: nginx:1.27
            securityContext:
              appArmorProfile:
      `,
    },
    {
      name: 'allowed annotation values: empty, runtime/default, localhost/*',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/a: runtime/default
                container.apparmor.security.beta.kubernetes.io/b: localhost/k8s-nginx
                container.apparmor.security.beta.kubernetes.io/c: ""
                seccomp.security.alpha.kubernetes.io/pod: unconfined
            spec:
              containers:
              - name: a
                image: nginx:1.27
      `,
    },
    {
      name: 'the workload\'s own annotations are not the pod template\'s',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
          annotations:
            container.apparmor.security.beta.kubernetes.io/a: unconfined
        spec:
          template:
            spec:
              containers:
              - name: a
                image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: 'pod and each container are checked independently',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            appArmorProfile:
              type: Unconfined
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              appArmorProfile:
                type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              appArmorProfile: {type: Unconfined}
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext:
              appArmorProfile: {}
      `,
      errors: [
        {
          messageId: 'pod', line: 8, column: 13, endLine: 8, endColumn: 23, covers: ['B09'],
          message: 'The pod sets AppArmor profile type "Unconfined": set spec.securityContext.appArmorProfile.type to RuntimeDefault (or Localhost with a localhostProfile).',
        },
        { messageId: 'container', line: 19, column: 31, endLine: 19, endColumn: 41, data: { container: 'Container "app"', type: '"Unconfined"' } },
        { messageId: 'container', line: 24, column: 7, endLine: 24, endColumn: 22, data: { container: 'Ephemeral container "debug"', type: 'an empty type' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            appArmorProfile:
              type: RuntimeDefault
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              appArmorProfile:
                type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              appArmorProfile: {type: RuntimeDefault}
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
            securityContext:
              appArmorProfile: {type: RuntimeDefault}
      `,
    },
    {
      name: 'annotations on the pod template, whatever container they name, at the oldest policy',
      version: 'v1.0',
      level: 'baseline',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/job: unconfined
                container.apparmor.security.beta.kubernetes.io/ghost: runtime/custom
                container.apparmor.security.beta.kubernetes.io/ok: localhost/p
            spec:
              restartPolicy: Never
              containers:
              - name: job
                image: busybox:1.36
      `,
      errors: [
        {
          messageId: 'annotation', line: 9, column: 61, endLine: 9, endColumn: 71,
          message: 'Annotation container.apparmor.security.beta.kubernetes.io/job sets AppArmor profile "unconfined": use runtime/default or localhost/<profile>, or remove it.',
        },
        { messageId: 'annotation', line: 10, column: 63, endLine: 10, endColumn: 77, data: { annotation: 'container.apparmor.security.beta.kubernetes.io/ghost', profile: 'runtime/custom' } },
      ],
      output: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/job: runtime/default
                container.apparmor.security.beta.kubernetes.io/ghost: runtime/default
                container.apparmor.security.beta.kubernetes.io/ok: localhost/p
            spec:
              restartPolicy: Never
              containers:
              - name: job
                image: busybox:1.36
      `,
    },
    {
      // Since 1.30 the API rejects a pod whose annotation for a container differs from the profile
      // the container uses: each fix changes the matching value with its own.
      name: 'fix: annotations and the profiles they must match change together; localhostProfile goes with Localhost',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: unconfined
                container.apparmor.security.beta.kubernetes.io/side: "unconfined"
                container.apparmor.security.beta.kubernetes.io/proxy: unconfined
            spec:
              securityContext:
                appArmorProfile:
                  type: Unconfined
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  appArmorProfile: {type: Unconfined, localhostProfile: leftover}
              - name: side
                image: nginx:1.27
              - name: proxy
                image: envoy:1.31
                securityContext:
                  appArmorProfile:
                    type: Localhost
                    localhostProfile: envoy
      `,
      errors: [
        {
          messageId: 'annotation', line: 9, column: 61, endLine: 9, endColumn: 71, data: { annotation: 'container.apparmor.security.beta.kubernetes.io/app', profile: 'unconfined' },
          fixTitle: 'Set annotation container.apparmor.security.beta.kubernetes.io/app: runtime/default (and appArmorProfile.type: RuntimeDefault in container "app" to match)',
        },
        {
          messageId: 'annotation', line: 10, column: 62, endLine: 10, endColumn: 74, data: { annotation: 'container.apparmor.security.beta.kubernetes.io/side', profile: 'unconfined' },
          fixTitle: 'Set annotation container.apparmor.security.beta.kubernetes.io/side: runtime/default (and appArmorProfile.type: RuntimeDefault in the pod spec to match)',
        },
        {
          messageId: 'annotation', line: 11, column: 63, endLine: 11, endColumn: 73, data: { annotation: 'container.apparmor.security.beta.kubernetes.io/proxy', profile: 'unconfined' },
          fixTitle: 'Set annotation container.apparmor.security.beta.kubernetes.io/proxy: localhost/envoy',
        },
        {
          messageId: 'pod', line: 15, column: 17, endLine: 15, endColumn: 27,
          fixTitle: 'Set appArmorProfile.type: RuntimeDefault in the pod spec (and annotation container.apparmor.security.beta.kubernetes.io/side: runtime/default to match)',
        },
        {
          messageId: 'container', line: 20, column: 35, endLine: 20, endColumn: 45, data: { container: 'Container "app"', type: '"Unconfined"' },
          fixTitle: 'Set appArmorProfile.type: RuntimeDefault in container "app" (and annotation container.apparmor.security.beta.kubernetes.io/app: runtime/default to match)',
        },
      ],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            metadata:
              annotations:
                container.apparmor.security.beta.kubernetes.io/app: runtime/default
                container.apparmor.security.beta.kubernetes.io/side: "runtime/default"
                container.apparmor.security.beta.kubernetes.io/proxy: localhost/envoy
            spec:
              securityContext:
                appArmorProfile:
                  type: RuntimeDefault
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  appArmorProfile: {type: RuntimeDefault}
              - name: side
                image: nginx:1.27
              - name: proxy
                image: envoy:1.31
                securityContext:
                  appArmorProfile:
                    type: Localhost
                    localhostProfile: envoy
      `,
    },
    {
      name: 'no fix for a profile shared through an alias: the edit would change both containers',
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
              appArmorProfile: &open
                type: Unconfined
          - name: b
            image: nginx:1.27
            securityContext:
              appArmorProfile: *open
      `,
      errors: [
        { messageId: 'container', line: 11, column: 15, endLine: 11, endColumn: 25, data: { container: 'Container "a"', type: '"Unconfined"' } },
        { messageId: 'container', line: 11, column: 15, endLine: 11, endColumn: 25, data: { container: 'Container "b"', type: '"Unconfined"' } },
      ],
    },
  ],
});
