import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const unconfinedField = yaml`
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
`;

const unconfinedAnnotation = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
    annotations:
      seccomp.security.alpha.kubernetes.io/pod: unconfined
  spec:
    containers:
    - name: app
      image: nginx:1.27
`;

// Annotations next to fields: the pod's and one container's disagree with their fields.
const linkedProfiles = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
    annotations:
      seccomp.security.alpha.kubernetes.io/pod: unconfined
      container.seccomp.security.alpha.kubernetes.io/app: unconfined
      container.seccomp.security.alpha.kubernetes.io/side: docker/default
  spec:
    securityContext:
      seccompProfile:
        type: Unconfined
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile:
          type: Localhost
          localhostProfile: profiles/app.json
    - name: side
      image: nginx:1.27
      securityContext:
        seccompProfile: {type: Unconfined, localhostProfile: profiles/old.json}
`;

ruleTester('disallow-unconfined-seccomp', {
  valid: [
    {
      name: 'RuntimeDefault, Localhost and unset profiles',
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
            securityContext:
              seccompProfile:
                type: Localhost
                localhostProfile: profiles/audit.json
          containers:
          - name: app
            image: nginx:1.27
          - name: side
            image: nginx:1.27
            securityContext:
              seccompProfile:
      `,
    },
    { name: 'up to 1.18 the fields are not read', version: 'v1.18', code: unconfinedField },
    { name: 'from 1.19 the alpha annotations are not read', version: 'v1.19', code: unconfinedAnnotation },
    {
      name: 'allowed annotation values, and an annotation for a container the pod does not have',
      version: 'v1.18',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            metadata:
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: docker/default
                container.seccomp.security.alpha.kubernetes.io/app: runtime/default
                container.seccomp.security.alpha.kubernetes.io/side: localhost/profiles/side.json
                container.seccomp.security.alpha.kubernetes.io/gone: unconfined
            spec:
              containers:
              - name: app
                image: nginx:1.27
              - name: side
                image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: 'from 1.19 the pod field',
      version: 'v1.19',
      code: unconfinedField,
      errors: [{
        messageId: 'pod', line: 8, column: 13, endLine: 8, endColumn: 23, covers: ['B12'],
        message: 'The pod sets seccomp profile type "Unconfined": set spec.securityContext.seccompProfile.type to RuntimeDefault (or Localhost with a localhostProfile).',
      }],
      output: unconfinedField.replace('type: Unconfined', 'type: RuntimeDefault'),
    },
    {
      name: 'up to 1.18 the pod annotation',
      version: 'v1.18',
      code: unconfinedAnnotation,
      errors: [{
        messageId: 'annotation', line: 6, column: 47, endLine: 6, endColumn: 57,
        message: 'Annotation seccomp.security.alpha.kubernetes.io/pod sets seccomp profile "unconfined": use runtime/default or localhost/<profile>.',
      }],
      output: unconfinedAnnotation.replace('pod: unconfined', 'pod: runtime/default'),
    },
    {
      name: 'a bad pod value fails even when every container overrides it; each container list',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext:
                    seccompProfile: {type: Unconfined}
                  initContainers:
                  - name: init
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
                        type: Unconfined
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
                        type: RuntimeDefault
                  ephemeralContainers:
                  - name: debug
                    image: busybox:1.36
                    securityContext:
                      seccompProfile: {}
      `,
      errors: [
        { messageId: 'pod', line: 12, column: 36, endLine: 12, endColumn: 46, data: { type: '"Unconfined"' } },
        { messageId: 'container', line: 18, column: 23, endLine: 18, endColumn: 33, data: { container: 'Init container "init"', type: '"Unconfined"' } },
        { messageId: 'container', line: 29, column: 15, endLine: 29, endColumn: 29, data: { container: 'Ephemeral container "debug"', type: 'an empty type' } },
      ],
      output: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: cj
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext:
                    seccompProfile: {type: RuntimeDefault}
                  initContainers:
                  - name: init
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
                        type: RuntimeDefault
                  containers:
                  - name: job
                    image: busybox:1.36
                    securityContext:
                      seccompProfile:
                        type: RuntimeDefault
                  ephemeralContainers:
                  - name: debug
                    image: busybox:1.36
                    securityContext:
                      seccompProfile: {type: RuntimeDefault}
      `,
    },
    {
      name: 'container annotations by container name, empty and null values included (oldest policy)',
      version: 'v1.0',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            metadata:
              annotations:
                container.seccomp.security.alpha.kubernetes.io/init: ""
                container.seccomp.security.alpha.kubernetes.io/app: unconfined
                container.seccomp.security.alpha.kubernetes.io/debug:
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
      errors: [
        { messageId: 'annotation', line: 9, column: 62, endLine: 9, endColumn: 64, data: { annotation: 'container.seccomp.security.alpha.kubernetes.io/init', profile: '' } },
        { messageId: 'annotation', line: 10, column: 61, endLine: 10, endColumn: 71, data: { annotation: 'container.seccomp.security.alpha.kubernetes.io/app', profile: 'unconfined' } },
        { messageId: 'annotation', line: 11, column: 9, endLine: 11, endColumn: 61, data: { annotation: 'container.seccomp.security.alpha.kubernetes.io/debug', profile: '' } },
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
                container.seccomp.security.alpha.kubernetes.io/init: "runtime/default"
                container.seccomp.security.alpha.kubernetes.io/app: runtime/default
                container.seccomp.security.alpha.kubernetes.io/debug: runtime/default
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
      // The API rejects an alpha annotation that disagrees with its field (the pod's, or the
      // container's own): a fix changes the value that must keep matching with its own.
      name: 'fix up to 1.18: an annotation takes the value of the allowed field it must match, else both become the runtime default',
      version: 'v1.18',
      code: linkedProfiles,
      errors: [
        {
          messageId: 'annotation', line: 6, column: 47, endLine: 6, endColumn: 57, data: { annotation: 'seccomp.security.alpha.kubernetes.io/pod', profile: 'unconfined' },
          fixTitle: 'Set annotation seccomp.security.alpha.kubernetes.io/pod: runtime/default (and seccompProfile.type: RuntimeDefault in the pod spec to match)',
        },
        {
          messageId: 'annotation', line: 7, column: 57, endLine: 7, endColumn: 67, data: { annotation: 'container.seccomp.security.alpha.kubernetes.io/app', profile: 'unconfined' },
          fixTitle: 'Set annotation container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json',
        },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: runtime/default
            container.seccomp.security.alpha.kubernetes.io/app: localhost/profiles/app.json
            container.seccomp.security.alpha.kubernetes.io/side: docker/default
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile:
                type: Localhost
                localhostProfile: profiles/app.json
          - name: side
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: Unconfined, localhostProfile: profiles/old.json}
      `,
    },
    {
      name: 'fix from 1.19: a field takes its annotation along unless it already matches; localhostProfile goes with Localhost',
      code: linkedProfiles,
      errors: [
        { messageId: 'pod', line: 12, column: 13, endLine: 12, endColumn: 23, fixTitle: 'Set seccompProfile.type: RuntimeDefault in the pod spec (and annotation seccomp.security.alpha.kubernetes.io/pod: runtime/default to match)' },
        {
          messageId: 'container', line: 23, column: 30, endLine: 23, endColumn: 40, data: { container: 'Container "side"', type: '"Unconfined"' },
          fixTitle: 'Set seccompProfile.type: RuntimeDefault in container "side"',
        },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: runtime/default
            container.seccomp.security.alpha.kubernetes.io/app: unconfined
            container.seccomp.security.alpha.kubernetes.io/side: docker/default
        spec:
          securityContext:
            seccompProfile:
              type: RuntimeDefault
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile:
                type: Localhost
                localhostProfile: profiles/app.json
          - name: side
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: RuntimeDefault}
      `,
    },
    {
      name: 'no fix for a profile shared through an alias',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile: &open {type: Unconfined}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile: *open
      `,
      errors: [
        { messageId: 'pod', line: 7, column: 34, endLine: 7, endColumn: 44 },
        { messageId: 'container', line: 7, column: 34, endLine: 7, endColumn: 44, data: { container: 'Container "app"', type: '"Unconfined"' } },
      ],
    },
    {
      name: 'fix: a profile with a localhostProfile but no type gets the type in its place (it is valid only with Localhost)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            seccompProfile:
              localhostProfile: profiles/a.json
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile: {localhostProfile: profiles/b.json}
      `,
      errors: [
        { messageId: 'pod', line: 7, column: 5, endLine: 7, endColumn: 19, data: { type: 'an empty type' } },
        { messageId: 'container', line: 13, column: 7, endLine: 13, endColumn: 21, data: { container: 'Container "app"', type: 'an empty type' } },
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
          - name: app
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: RuntimeDefault}
      `,
    },
  ],
});
