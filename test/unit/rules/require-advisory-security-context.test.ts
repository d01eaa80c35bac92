import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-advisory-security-context', {
  valid: [
    {
      name: 'fsGroup on the pod; SELinux options on a container; procMount: Default on a container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            fsGroup: 65532
          containers:
          - name: app
            image: nginx:1.27
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: q
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              seLinuxOptions:
                level: "s0:c123,c456"
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: r
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              procMount: Default
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'a Windows container stating its account',
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
            securityContext:
              windowsOptions:
                runAsUserName: ContainerUser
      `,
    },
  ],
  invalid: [
    {
      name: 'an empty supplementalGroups states nothing; procMount other than Default does not count',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsNonRoot: true
            supplementalGroups: []
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              procMount: Unmasked
      `,
      errors: [{ messageId: 'linux', line: 6, column: 3, endLine: 6, endColumn: 18 }],
    },
    {
      name: 'no securityContext at all: on the template spec key',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
      `,
      errors: [{ messageId: 'linux', line: 7, column: 5, endLine: 7, endColumn: 9 }],
    },
    {
      name: 'a Windows pod with windowsOptions but no account: on windowsOptions',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          os:
            name: windows
          securityContext:
            windowsOptions:
              hostProcess: false
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      `,
      errors: [{ messageId: 'windows', line: 9, column: 5, endLine: 9, endColumn: 19 }],
    },
  ],
});
