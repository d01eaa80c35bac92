import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const explicitTrue = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: true
`;

ruleTester('disallow-privilege-escalation', {
  valid: [
    {
      name: 'false or unset: kube-linter semantics fail only an explicit true',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          containers:
          - name: a
            image: nginx:1.27
            securityContext:
              allowPrivilegeEscalation: false
          - name: b
            image: nginx:1.27
      `,
    },
    // require-no-privilege-escalation reports the explicit true (covering R02b) instead.
    { name: 'at restricted from 1.8 the PSA rule replaces this one', code: explicitTrue, level: 'restricted' },
  ],
  invalid: [
    {
      name: 'explicit true in a container',
      code: explicitTrue,
      errors: [{
        messageId: 'enabled', line: 10, column: 33, endLine: 10, endColumn: 37, covers: ['R02b'],
        message: 'Container "app" sets allowPrivilegeEscalation: true: set it to false.',
      }],
    },
    { name: 'at restricted before 1.8 this rule still runs', code: explicitTrue, level: 'restricted', version: 'v1.7', errors: [{ messageId: 'enabled', line: 10, column: 33, endLine: 10, endColumn: 37 }] },
    {
      name: 'init and ephemeral containers of a Job, YAML 1.1 on',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: init
                image: busybox:1.36
                securityContext: {allowPrivilegeEscalation: on}
              containers:
              - name: job
                image: busybox:1.36
              ephemeralContainers:
              - name: debug
                image: busybox:1.36
                securityContext:
                  allowPrivilegeEscalation: true
      `,
      errors: [
        { messageId: 'enabled', line: 12, column: 53, endLine: 12, endColumn: 55, data: { container: 'Init container "init"' } },
        { messageId: 'enabled', line: 20, column: 37, endLine: 20, endColumn: 41, data: { container: 'Ephemeral container "debug"' } },
      ],
    },
  ],
});
