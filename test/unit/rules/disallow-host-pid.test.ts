import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-host-pid', {
  valid: [
    {
      name: 'hostPID false',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostPID: false
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
          hostIPC: true
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'a hostPID key on the workload spec, outside the pod template, is not the pod\'s',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          hostPID: true
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
          hostPID: true
          containers:
          - name: app
            image: nginx:1.27
      `,
      errors: [{ messageId: 'hostPID', line: 6, column: 12, endLine: 6, endColumn: 16, covers: ['B03'], fixTitle: 'Set hostPID: false in the pod spec' }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostPID: false
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
              hostPID: true
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'hostPID', line: 8, column: 16, endLine: 8, endColumn: 20 }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              hostPID: false
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
                  hostPID: on
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
      errors: [{ messageId: 'hostPID', line: 11, column: 20, endLine: 11, endColumn: 22 }],
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
                  hostPID: false
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
    },
    {
      name: 'fix: a JSON manifest, in flow style',
      code: [
        '{',
        '  "apiVersion": "v1",',
        '  "kind": "Pod",',
        '  "metadata": {"name": "p"},',
        '  "spec": {',
        '    "hostPID": true,',
        '    "containers": [{"name": "app", "image": "nginx:1.27"}]',
        '  }',
        '}',
        '',
      ].join('\n'),
      errors: [{ messageId: 'hostPID', line: 6, column: 16, endLine: 6, endColumn: 20 }],
      output: [
        '{',
        '  "apiVersion": "v1",',
        '  "kind": "Pod",',
        '  "metadata": {"name": "p"},',
        '  "spec": {',
        '    "hostPID": false,',
        '    "containers": [{"name": "app", "image": "nginx:1.27"}]',
        '  }',
        '}',
        '',
      ].join('\n'),
    },
    {
      name: 'fix: 4-space indentation, a comment after the last key, the second of two pods',
      code: yaml`
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
            hostPID: yes
            # debugging only
      `,
      errors: [{ messageId: 'hostPID', line: 18, column: 14, endLine: 18, endColumn: 17 }],
      output: yaml`
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
            hostPID: false
            # debugging only
      `,
    },
  ],
});
