import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'disallow-service-status-write',
  title: 'Roles do not write services/status',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB21'],
  equivalents: { checkov: ['CKV2_K8S_4'] },
  messages: {
    status: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Grant it only to the load-balancer controller.',
  },
  messageFor: { RB21: 'status' },
  docs: {
    summary: '`update` or `patch` on `services/status` sets a Service\'s `status.loadBalancer.ingress` IPs, which '
      + 'kube-proxy routes: traffic for that address inside the cluster goes to the subject\'s pods '
      + '(CVE-2020-8554).',
    remediation: 'Grant `services/status` writes only to the cloud or load-balancer controller.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: lb
rules:
- apiGroups: [""]
  resources: ["services/status"]
  verbs: ["patch"]
- apiGroups: ["*"]
  resources: ["*/status"]
  verbs: ["update"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: svc
rules:
- apiGroups: [""]
  resources: ["services/status"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["patch"]
`,
  },
});
