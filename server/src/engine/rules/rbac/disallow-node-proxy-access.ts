import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'disallow-node-proxy-access',
  title: 'ClusterRoles do not reach the kubelet through nodes/proxy',
  severity: 'error',
  covers: ['RB16'],
  equivalents: { checkov: ['CKV2_K8S_2'], trivy: ['KSV047'], kubescape: ['C-0279'] },
  messages: {
    proxy: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove the grant; '
      + 'read metrics through nodes/metrics or nodes/stats instead.',
  },
  messageFor: { RB16: 'proxy' },
  docs: {
    summary: '`get` or `create` on `nodes/proxy` reaches the kubelet API of a node through the API server: it runs '
      + 'commands in every pod on that node and bypasses admission and audit of the pods API. A Role cannot '
      + 'grant it (nodes are not namespaced).',
    remediation: 'Remove the grant. Monitoring agents can read `nodes/metrics` and `nodes/stats` instead.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: proxier
rules:
- apiGroups: [""]
  resources: ["*/proxy"]
  verbs: ["create"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: monitoring
rules:
- apiGroups: [""]
  resources: ["nodes", "nodes/metrics", "nodes/stats"]
  verbs: ["get", "list", "watch"]
`,
  },
});
