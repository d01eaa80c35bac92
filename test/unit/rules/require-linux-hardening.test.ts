import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('require-linux-hardening', {
  valid: [
    {
      name: 'pod seccomp; container drop; SELinux; AppArmor annotation',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          annotations:
            container.apparmor.security.beta.kubernetes.io/d: runtime/default
        spec:
          securityContext:
            seccompProfile: {type: RuntimeDefault}
          containers:
          - name: a
            image: nginx:1.27
          - name: b
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: Unconfined}
              capabilities: {drop: [NET_RAW]}
          - name: c
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: Unconfined}
              seLinuxOptions: {level: "s0:c123,c456"}
          - name: d
            image: nginx:1.27
            securityContext:
              seccompProfile: {type: Unconfined}
      `,
    },
  ],
  invalid: [
    {
      name: 'nothing, and an Unconfined override of a pod profile',
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
            image: nginx:1.27
            securityContext:
              appArmorProfile: {type: Unconfined}
              capabilities: {drop: []}
          - name: all
            image: nginx:1.27
            securityContext:
              capabilities: {drop: [ALL], add: [ALL]}
          - name: back
            image: nginx:1.27
            securityContext:
              capabilities: {drop: [NET_RAW], add: [net_raw]}
      `,
      errors: [
        { messageId: 'none', line: 7, column: 11, endLine: 7, endColumn: 14, data: { container: 'Container "app"' } },
        { messageId: 'none', line: 11, column: 5, endLine: 11, endColumn: 20, data: { container: 'Container "side"' } },
        { messageId: 'none', line: 16, column: 5, endLine: 16, endColumn: 20, data: { container: 'Container "all"' } },
        { messageId: 'none', line: 20, column: 5, endLine: 20, endColumn: 20, data: { container: 'Container "back"' } },
      ],
    },
  ],
});
