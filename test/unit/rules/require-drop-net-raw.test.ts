import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-drop-net-raw', {
  valid: [
    {
      name: 'drops NET_RAW or ALL (any spelling)',
      level: 'baseline',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext:
              capabilities: {drop: [net_raw]}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities:
                drop: [ALL]
      `,
    },
    {
      name: 'at restricted, require-drop-all-capabilities asks for drop ALL',
      level: 'restricted',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
      `,
    },
    {
      name: 'an added NET_RAW is a Pod Security finding outside privileged namespaces; Windows has no capabilities',
      level: 'baseline',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities:
                add: [NET_RAW]
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: w
        spec:
          os: {name: windows}
          containers:
          - name: app
            image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      `,
    },
  ],
  invalid: [
    {
      name: 'baseline: nothing dropped, or drop without NET_RAW',
      level: 'baseline',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
          - name: side
            image: busybox:1.36
            securityContext:
              capabilities:
                drop:
                - SYS_CHROOT # unused
      `,
      errors: [
        {
          messageId: 'notDropped', line: 7, column: 11, endLine: 7, endColumn: 14, data: { container: 'Container "app"' },
          message: 'Container "app" keeps NET_RAW, which containerd and Docker grant by default (CRI-O does not) and which allows packet spoofing: add NET_RAW (or ALL) to securityContext.capabilities.drop.',
        },
        { messageId: 'notDropped', line: 13, column: 9, endLine: 13, endColumn: 13, data: { container: 'Container "side"' } },
      ],
      output: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities:
                drop:
                - NET_RAW
          - name: side
            image: busybox:1.36
            securityContext:
              capabilities:
                drop:
                - SYS_CHROOT # unused
                - NET_RAW
      `,
    },
    {
      name: 'privileged namespace: the add is reported and removed',
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: net
          labels: {pod-security.kubernetes.io/enforce: privileged}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: net
        spec:
          containers:
          - name: ping
            image: busybox:1.36
            securityContext:
              capabilities:
                add: [NET_RAW]
                drop: [ALL]
      `,
      errors: [{ messageId: 'added', line: 18, column: 15, endLine: 18, endColumn: 22, data: { container: 'Container "ping"', capability: 'NET_RAW' } }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: net
          labels: {pod-security.kubernetes.io/enforce: privileged}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: net
        spec:
          containers:
          - name: ping
            image: busybox:1.36
            securityContext:
              capabilities:
                add: []
                drop: [ALL]
      `,
    },
  ],
});
