import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'disallow-event-deletion',
  title: 'Roles do not delete events',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB26'],
  equivalents: { kubescape: ['C-0031'] },
  messages: {
    delete: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove the grant; events expire on their own.',
  },
  messageFor: { RB26: 'delete' },
  docs: {
    summary: '`delete` or `deletecollection` on events (core or `events.k8s.io`) lets a subject erase the record of what happened in the cluster.',
    remediation: 'Remove the grant; events expire by themselves after the API server\'s event TTL.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: event-pruner
rules:
- apiGroups: [""]
  resources: ["events"]
  verbs: ["deletecollection"]
- apiGroups: ["events.k8s.io"]
  resources: ["events"]
  verbs: ["delete"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: recorder
rules:
- apiGroups: ["", "events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
`,
  },
});
