import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const privilegedNs = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: agents
    labels:
      pod-security.kubernetes.io/enforce: privileged
`;

ruleTester('disallow-dangerous-capabilities', {
  valid: [
    {
      name: 'at restricted every add is reported by restrict-capabilities-to-net-bind-service',
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
            securityContext:
              capabilities:
                add: [SYS_ADMIN, SETPCAP, NET_ADMIN]
      `,
    },
    {
      name: 'at baseline, adds outside the default set are disallow-non-default-capabilities findings; harmless defaults pass',
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
                add: [SYS_ADMIN, CAP_SETPCAP, sys_module, CHOWN, NET_BIND_SERVICE]
      `,
    },
  ],
  invalid: [
    {
      name: 'SETPCAP is in the default set baseline allows',
      level: 'baseline',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  capabilities:
                    add:
                    - CHOWN
                    - SETPCAP # for the entrypoint
                    - SETUID
      `,
      errors: [{ messageId: 'dangerous', line: 15, column: 15, endLine: 15, endColumn: 22, covers: ['H07'], data: { container: 'Container "app"', capability: 'SETPCAP', why: 'change the capabilities of processes, its own bounding set included' } }],
      output: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              containers:
              - name: app
                image: nginx:1.27
                securityContext:
                  capabilities:
                    add:
                    - CHOWN
                    - SETUID
      `,
    },
    {
      name: 'in a privileged namespace every dangerous add is reported, whatever the spelling',
      code: `${privilegedNs}---\n${yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: agents
        spec:
          containers:
          - name: agent
            image: agent:1.0
            securityContext:
              privileged: true
              capabilities:
                add: [CAP_SYS_ADMIN, NET_BIND_SERVICE, all, NET_ADMIN, SYS_MODULE, BPF]
      `}`,
      errors: [
        { messageId: 'dangerous', line: 20, column: 15, endLine: 20, endColumn: 28, covers: ['H02'], data: { container: 'Container "agent"', capability: 'CAP_SYS_ADMIN', why: 'mount filesystems, load BPF programs and escape the container in many ways' } },
        { messageId: 'dangerous', line: 20, column: 48, endLine: 20, endColumn: 51, covers: ['H03'] },
        { messageId: 'dangerous', line: 20, column: 53, endLine: 20, endColumn: 62, covers: ['H04'] },
        { messageId: 'dangerous', line: 20, column: 64, endLine: 20, endColumn: 74, covers: ['H06'] },
        { messageId: 'dangerous', line: 20, column: 76, endLine: 20, endColumn: 79, covers: ['H07'] },
      ],
      output: `${privilegedNs}---\n${yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
          namespace: agents
        spec:
          containers:
          - name: agent
            image: agent:1.0
            securityContext:
              privileged: true
              capabilities:
                add: [NET_BIND_SERVICE]
      `}`,
    },
  ],
});
