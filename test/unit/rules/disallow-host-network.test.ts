import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-host-network', {
  valid: [
    {
      name: 'hostNetwork false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostNetwork: false
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
          hostPID: true
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'a hostNetwork key on the workload spec, outside the pod template, is not the pod\'s',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          hostNetwork: true
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
          hostNetwork: true
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{ messageId: 'hostNetwork', line: 6, column: 16, endLine: 6, endColumn: 20, covers: ['B02'] }],
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
              hostNetwork: true
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'hostNetwork', line: 8, column: 20, endLine: 8, endColumn: 24 }],
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
                  hostNetwork: on
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
      errors: [{ messageId: 'hostNetwork', line: 11, column: 24, endLine: 11, endColumn: 26 }],
    },
  ],
});
