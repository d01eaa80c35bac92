import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-network-object-write',
  title: 'Roles do not rewrite network routing and policy',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB22'],
  equivalents: { trivy: ['KSV056'] },
  messages: {
    write: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Grant it only to the controllers and pipelines that own these objects.',
  },
  messageFor: { RB22: 'write' },
  docs: {
    summary: 'Writing Services, Endpoints, EndpointSlices, NetworkPolicies or Ingresses lets a subject redirect traffic to its own pods, expose workloads outside the cluster, or remove the policies that isolate them.',
    remediation: 'Grant these writes only to the controllers and pipelines that own the objects, naming them in `resourceNames` where possible.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
});
