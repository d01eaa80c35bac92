import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'disallow-pod-log-deletion',
  title: 'Roles do not delete pod logs',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB25'],
  equivalents: {},
  messages: {
    delete: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove the grant.',
  },
  messageFor: { RB25: 'delete' },
  docs: {
    summary: '`delete` or `deletecollection` on `pods/log` asks for the power to erase the evidence of what ran in '
      + 'a pod. The API server serves only `get` on the `pods/log` subresource, so such a grant authorizes no '
      + 'request that exists and is not reported: no RBAC rule reports a verb a subresource does not serve. '
      + 'The rule keeps its id and row so that configurations and suppressions naming it stay valid.',
    remediation: 'Remove the grant, and ship logs off the cluster.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  retired: 'The API server serves only `get` on `pods/log`: a `delete` grant there authorizes no request.',
  examples: {
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: logs
rules:
- apiGroups: [""]
  resources: ["pods/log"]
  verbs: ["get", "list"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["delete"]
`,
  },
});
