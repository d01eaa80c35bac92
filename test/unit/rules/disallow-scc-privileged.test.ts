import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('disallow-scc-privileged', {
  valid: [
    yaml`
      apiVersion: security.openshift.io/v1
      kind: SecurityContextConstraints
      metadata:
        name: restricted-custom
      allowPrivilegedContainer: false
    `,
  ],
  invalid: [
    {
      name: 'allowPrivilegedContainer true, with a comment',
      code: yaml`
        apiVersion: security.openshift.io/v1
        kind: SecurityContextConstraints
        metadata:
          name: agents
        allowPrivilegedContainer: true # for the node agent
        allowHostNetwork: false
      `,
      errors: [{ messageId: 'privileged', line: 5, column: 27, endLine: 5, endColumn: 31, data: { name: 'agents' } }],
      output: yaml`
        apiVersion: security.openshift.io/v1
        kind: SecurityContextConstraints
        metadata:
          name: agents
        allowPrivilegedContainer: false # for the node agent
        allowHostNetwork: false
      `,
    },
  ],
});
