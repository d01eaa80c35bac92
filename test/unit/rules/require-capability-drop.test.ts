import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

// Turned on alone: with every rule on (the tester's default), require-drop-net-raw reports the
// same containers and replaces this rule (see the last valid case).
const ALONE = { enableAll: false, rules: { 'require-capability-drop': 'info' as const } };

ruleTester('require-capability-drop', {
  valid: [
    {
      name: 'drops something (whatever it is: the row asks for any drop)',
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
              capabilities: {drop: [NET_RAW]}
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
      name: 'Windows pods have no capabilities',
      level: 'baseline',
      code: yaml`
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
    {
      name: 'with every rule on, require-drop-net-raw says it (NET_RAW is among what is kept)',
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
      `,
    },
  ],
  invalid: [
    {
      name: 'baseline: no securityContext, and an empty drop list',
      level: 'baseline',
      settings: ALONE,
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
                drop: [] # nothing yet
      `,
      errors: [
        { messageId: 'nothingDropped', line: 7, column: 11, endLine: 7, endColumn: 14, data: { container: 'Container "app"' } },
        { messageId: 'nothingDropped', line: 13, column: 9, endLine: 13, endColumn: 13, data: { container: 'Container "side"' } },
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
                - ALL
          - name: side
            image: busybox:1.36
            securityContext:
              capabilities:
                drop: [ALL] # nothing yet
      `,
    },
    {
      name: 'restricted level, in a namespace that enforces privileged (no Pod Security rule speaks there)',
      settings: ALONE,
      code: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: ops
          labels: {pod-security.kubernetes.io/enforce: privileged}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: ops
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext: {runAsUser: 1000}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities: {drop: [ALL]}
      `,
      errors: [{ messageId: 'nothingDropped', line: 16, column: 5, endLine: 16, endColumn: 20, data: { container: 'Init container "init"' } }],
      output: yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: ops
          labels: {pod-security.kubernetes.io/enforce: privileged}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: ops
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            securityContext: {runAsUser: 1000, capabilities: {drop: [ALL]}}
          containers:
          - name: app
            image: nginx:1.27
            securityContext:
              capabilities: {drop: [ALL]}
      `,
    },
  ],
});
