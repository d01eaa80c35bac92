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
});
