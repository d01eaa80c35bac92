import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const podRoot = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    securityContext:
      runAsUser: 0
    containers:
    - name: app
      image: nginx:1.27
`;

const userNamespaceRoot = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    hostUsers: false
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0
`;

ruleTester('disallow-root-user', {
  valid: [
    {
      name: 'non-zero UIDs and unset',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsUser: 1000
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              runAsUser: 10001
          - name: b
            image: nginx:1.27
      `,
    },
    { name: 'user namespaces exempt the pod from 1.35', code: userNamespaceRoot, version: 'v1.35' },
    { name: 'user namespaces exempt the pod at the latest version', code: userNamespaceRoot },
    { name: 'the check starts at policy 1.23', code: podRoot, version: 'v1.22' },
    { name: 'only checked at restricted', code: podRoot, level: 'baseline' },
  ],
  invalid: [
    {
      name: 'pod-level 0',
      code: podRoot,
      errors: [{
        messageId: 'podRoot', line: 7, column: 16, endLine: 7, endColumn: 17, covers: ['R04'],
        message: 'The pod sets runAsUser: 0 (root): remove it or set spec.securityContext.runAsUser to a non-zero UID.',
      }],
    },
    {
      name: 'a container 0 is not excused by a non-zero pod value, nor the reverse',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          securityContext:
            runAsUser: 0
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              runAsUser: 1000
          - name: b
            image: nginx:1.27
            securityContext:
              runAsUser: 0
      `,
      errors: [
        { messageId: 'podRoot', line: 7, column: 16, endLine: 7, endColumn: 17 },
        {
          messageId: 'containerRoot', line: 16, column: 18, endLine: 16, endColumn: 19,
          message: 'Container "b" sets runAsUser: 0 (root): remove it or set a non-zero UID.',
        },
      ],
    },
    {
      name: 'init and ephemeral containers of a Deployment',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: d
        spec:
          template:
            spec:
              securityContext:
                runAsUser: 1000
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {runAsUser: 0}
              containers:
              - name: app
                image: nginx:1.27
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  runAsUser: 0
      `,
      errors: [
        { messageId: 'containerRoot', line: 13, column: 38, endLine: 13, endColumn: 39, data: { container: 'Init container "init"' } },
        { messageId: 'containerRoot', line: 21, column: 22, endLine: 21, endColumn: 23, data: { container: 'Ephemeral container "debug"' } },
      ],
    },
    { name: 'before 1.35 user namespaces do not exempt', code: userNamespaceRoot, version: 'v1.34', errors: [{ messageId: 'containerRoot', line: 11, column: 18, endLine: 11, endColumn: 19 }] },
    { name: 'first policy version with the check', code: podRoot, version: 'v1.23', errors: [{ messageId: 'podRoot', line: 7, column: 16, endLine: 7, endColumn: 17 }] },
  ],
});
