import { crlf } from '../../helpers/fix';
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
      errors: [{ messageId: 'hostNetwork', line: 6, column: 16, endLine: 6, endColumn: 20, covers: ['B02'], fixTitle: 'Set hostNetwork: false in the pod spec' }],
      output: yaml`
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
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              hostNetwork: false
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
                  hostNetwork: on
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
      errors: [{ messageId: 'hostNetwork', line: 11, column: 24, endLine: 11, endColumn: 26 }],
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
                  hostNetwork: false
                  containers:
                  - name: job
                    image: busybox:1.36
      `,
    },
    {
      name: 'fix: false where written, its comment kept; CRLF line breaks',
      code: crlf(yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
        spec:
          template:
            spec:
              hostNetwork: true  # the CNI needs the node's interfaces
              dnsPolicy: ClusterFirstWithHostNet
              containers:
              - name: cni
                image: cni:1.0
      `),
      errors: [{ messageId: 'hostNetwork', line: 8, column: 20, endLine: 8, endColumn: 24 }],
      output: crlf(yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
        spec:
          template:
            spec:
              hostNetwork: false  # the CNI needs the node's interfaces
              dnsPolicy: ClusterFirstWithHostNet
              containers:
              - name: cni
                image: cni:1.0
      `),
    },
    {
      name: 'no fix while the pod is a Windows HostProcess pod, which the API requires to use the host network',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostNetwork: true
          securityContext:
            windowsOptions:
              hostProcess: true
              runAsUserName: "NT AUTHORITY\\\\SYSTEM"
          containers:
          - name: agent
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      `,
      errors: [{ messageId: 'hostNetwork', line: 6, column: 16, endLine: 6, endColumn: 20 }],
    },
    {
      name: 'no fix while a container alone is HostProcess either',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostNetwork: true
          containers:
          - name: agent
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions: {hostProcess: true}
      `,
      errors: [{ messageId: 'hostNetwork', line: 6, column: 16, endLine: 6, endColumn: 20 }],
    },
  ],
});
