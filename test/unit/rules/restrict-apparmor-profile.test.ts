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
    },
  ],
});
