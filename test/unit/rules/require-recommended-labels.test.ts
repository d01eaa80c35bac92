import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const LONG = 'a'.repeat(64);

ruleTester('require-recommended-labels', {
  valid: [
    {
      name: 'both labels; a Pod a controller owns; objects that are not workloads',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app.kubernetes.io/name: web
            owner: team-a
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-7d4b9c-x2k8p
          ownerReferences:
          - apiVersion: apps/v1
            kind: ReplicaSet
            name: web-7d4b9c
            uid: 6f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b
        spec:
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          ports:
          - port: 80
      `,
    },
  ],
  invalid: [
    {
      name: 'both missing: on the labels key',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 9, data: { kind: 'Deployment', name: 'web', labels: 'app.kubernetes.io/name and owner', plural: 's' }, suggestions: [
          {
            title: 'Add label app.kubernetes.io/name: web',
            output: yaml`
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
                labels:
                  app: web
                  app.kubernetes.io/name: web
              spec:
                template:
                  spec:
                    containers:
                    - name: app
                      image: nginx:1.27
            `,
          },
        ]}],
    },
    {
      name: 'no labels map: on the name; the suggestion creates one',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: nightly
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
      errors: [{ messageId: 'missing', line: 4, column: 9, endLine: 4, endColumn: 16, data: { kind: 'CronJob', name: 'nightly', labels: 'app.kubernetes.io/name and owner', plural: 's' }, suggestions: [
          {
            title: 'Add label app.kubernetes.io/name: nightly',
            output: yaml`
              apiVersion: batch/v1
              kind: CronJob
              metadata:
                name: nightly
                labels:
                  app.kubernetes.io/name: nightly
              spec:
                schedule: "@daily"
                jobTemplate:
                  spec:
                    template:
                      spec:
                        restartPolicy: Never
                        containers:
                        - name: job
                          image: busybox:1.36
            `,
          },
        ]}],
    },
    {
      name: 'only the name label missing, flow-style labels',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: debug
          labels: {owner: team-a}
        spec:
          containers:
          - name: app
            image: busybox:1.36
      `,
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 9, data: { kind: 'Pod', name: 'debug', labels: 'app.kubernetes.io/name', plural: '' }, suggestions: [
          {
            title: 'Add label app.kubernetes.io/name: debug',
            output: yaml`
              apiVersion: v1
              kind: Pod
              metadata:
                name: debug
                labels: {owner: team-a, app.kubernetes.io/name: debug}
              spec:
                containers:
                - name: app
                  image: busybox:1.36
            `,
          },
        ]}],
    },
    {
      name: 'a name too long for a label value: no suggestion',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ${LONG}
          labels:
            app.kubernetes.io/name: agent
        spec:
          template:
            spec:
              containers:
              - name: agent
                image: busybox:1.36
      `,
      errors: [{ messageId: 'missing', line: 5, column: 3, endLine: 5, endColumn: 9, data: { kind: 'DaemonSet', name: LONG, labels: 'owner', plural: '' } }],
    },
  ],
});
