import { crlf } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-windows-host-process', {
  valid: [
    {
      name: 'hostProcess false or absent at every level',
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
              runAsUserName: ContainerUser
          initContainers:
          - name: init
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions: {}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: false
      `,
    },
    {
      name: 'a quoted "true" is a string, which the API refuses: not a HostProcess pod',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: "true"
      `,
    },
    {
      name: 'not a pod-bearing kind',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: c
        data:
          hostProcess: "true"
      `,
    },
  ],
  invalid: [
    {
      name: 'pod-level true is reported once even when containers say false',
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
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: false
      `,
      errors: [{
        messageId: 'pod', line: 9, column: 20, endLine: 9, endColumn: 24, covers: ['B01'], fixTitle: 'Set windowsOptions.hostProcess: false in the pod spec',
        message: 'The pod runs as a Windows HostProcess pod: remove spec.securityContext.windowsOptions.hostProcess or set it to false.',
      }],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          hostNetwork: true
          securityContext:
            windowsOptions:
              hostProcess: false
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: false
      `,
    },
    {
      name: 'every container list, at baseline',
      level: 'baseline',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions: {hostProcess: true}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: true
          ephemeralContainers:
          - name: debug
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: yes
      `,
      errors: [
        {
          messageId: 'container', line: 10, column: 37, endLine: 10, endColumn: 41, data: { container: 'Init container "init"' },
          fixTitle: 'Set windowsOptions.hostProcess: false in init container "init", container "app" and ephemeral container "debug"',
        },
        {
          messageId: 'container', line: 16, column: 22, endLine: 16, endColumn: 26,
          message: 'Container "app" is a Windows HostProcess container: remove securityContext.windowsOptions.hostProcess or set it to false.',
        },
        { messageId: 'container', line: 22, column: 22, endLine: 22, endColumn: 25, data: { container: 'Ephemeral container "debug"' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions: {hostProcess: false}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: false
          ephemeralContainers:
          - name: debug
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
            securityContext:
              windowsOptions:
                hostProcess: false
      `,
    },
    {
      name: 'pod and container both set it, in a DaemonSet through an alias, at the oldest policy',
      version: 'v1.0',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: ds
        spec:
          template:
            spec:
              securityContext:
                windowsOptions: &host
                  hostProcess: true
              containers:
              - name: agent
                image: mcr.microsoft.com/windows/nanoserver:ltsc2022
                securityContext:
                  windowsOptions: *host
      `,
      errors: [
        { messageId: 'pod', line: 10, column: 24, endLine: 10, endColumn: 28 },
        { messageId: 'container', line: 10, column: 24, endLine: 10, endColumn: 28, data: { container: 'Container "agent"' } },
      ],
    },
    {
      name: 'fix: one edit turns every true off at once (HostProcess is all or nothing); comments kept; CRLF',
      code: crlf(yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-agent
        spec:
          template:
            spec:
              os: {name: windows}
              hostNetwork: true
              securityContext:
                windowsOptions:
                  hostProcess: true  # needs the node's event log
                  runAsUserName: "NT AUTHORITY\\\\SYSTEM"
              containers:
              - name: agent
                image: agent:1.0
                securityContext:
                  windowsOptions:
                    # must match the pod
                    hostProcess: true
      `),
      errors: [
        { messageId: 'pod', line: 12, column: 24, endLine: 12, endColumn: 28, fixTitle: 'Set windowsOptions.hostProcess: false in the pod spec and container "agent"' },
        { messageId: 'container', line: 20, column: 26, endLine: 20, endColumn: 30 },
      ],
      output: crlf(yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: node-agent
        spec:
          template:
            spec:
              os: {name: windows}
              hostNetwork: true
              securityContext:
                windowsOptions:
                  hostProcess: false  # needs the node's event log
                  runAsUserName: "NT AUTHORITY\\\\SYSTEM"
              containers:
              - name: agent
                image: agent:1.0
                securityContext:
                  windowsOptions:
                    # must match the pod
                    hostProcess: false
      `),
    },
  ],
});
