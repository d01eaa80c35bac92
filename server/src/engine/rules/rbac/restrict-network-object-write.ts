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
    write: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Grant it only to '
      + 'the controllers and pipelines that own these objects.',
  },
  messageFor: { RB22: 'write' },
  docs: {
    summary: 'Writing Services, Endpoints, EndpointSlices, NetworkPolicies or Ingresses lets a subject redirect '
      + 'traffic to its own pods, expose workloads outside the cluster, or remove the policies that isolate '
      + 'them.',
    remediation: 'Grant these writes only to the controllers and pipelines that own the objects, naming them in `resourceNames` where possible.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: net-admin
  namespace: shop
rules:
- apiGroups: [""]
  resources: ["services"]
  verbs: ["create", "delete"]
- apiGroups: ["networking.k8s.io", "discovery.k8s.io"]
  resources: ["networkpolicies", "endpointslices"]
  verbs: ["patch"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: net-reader
rules:
- apiGroups: ["", "networking.k8s.io", "discovery.k8s.io"]
  resources: ["services", "endpoints", "endpointslices", "networkpolicies", "ingresses"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["extensions"]
  resources: ["ingresses"]
  verbs: ["update"]
`,
  },
});
