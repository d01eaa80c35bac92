import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-host-ipc', {
  valid: [
    {
      name: 'hostIPC false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostIPC: false
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'only the other host namespaces are shared (other rules report them)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostNetwork: true
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'a hostIPC key on the workload spec, outside the pod template, is not the pod\'s',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          hostIPC: true
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
      `,
    },
  ],
  invalid: [
    {
      name: 'Pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostIPC: true
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{ messageId: 'hostIPC', line: 6, column: 12, endLine: 6, endColumn: 16, covers: ['B04'], fixTitle: 'Set hostIPC: false in the pod spec' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostIPC: false
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'Deployment template, at baseline and the oldest policy',
      level: 'baseline',
      version: 'v1.0',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              hostIPC: true
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'hostIPC', line: 8, column: 16, endLine: 8, endColumn: 20 }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              hostIPC: false
              containers:
              - name: app
                image: nginx:1.27
      `,
    },
    {
      name: 'CronJob template, YAML 1.1 "on"',
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
                  hostIPC: on
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
      errors: [{ messageId: 'hostIPC', line: 11, column: 20, endLine: 11, endColumn: 22 }],
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
                  hostIPC: false
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
    },
    {
      name: 'no fix for a value that comes through an alias: the anchor serves another key too',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostPID: &on true
          hostIPC: *on
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{ messageId: 'hostIPC', line: 6, column: 16, endLine: 6, endColumn: 20 }],
    },
    {
      name: 'fix: a pod spec in flow style',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {hostIPC: true, containers: [{name: app, image: nginx:1.27}]}
      `,
      errors: [{ messageId: 'hostIPC', line: 4, column: 17, endLine: 4, endColumn: 21 }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {hostIPC: false, containers: [{name: app, image: nginx:1.27}]}
      `,
    },
  ],
});
