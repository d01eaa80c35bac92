import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

// SPDY clients authorize streams as `create`, WebSocket clients as `get` (until clusters require
// `create` for the WebSocket upgrade too): both verbs open the stream on older clusters.
export default grantRule({
  id: 'restrict-pod-exec-attach-port-forward',
  title: 'Roles do not open streams into pods (exec, attach, port-forward)',
  severity: 'error',
  covers: ['RB06', 'RB07', 'RB08'],
  equivalents: { checkov: ['CKV2_K8S_2'], trivy: ['KSV053', 'KSV054'], kubescape: ['C-0002', 'C-0063'], polaris: ['clusterrolePodExecAttach', 'rolePodExecAttach', 'clusterrolebindingPodExecAttach', 'rolebindingClusterRolePodExecAttach', 'rolebindingRolePodExecAttach'] },
  messages: {
    exec: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Keep exec out of '
      + 'everyday roles; grant it through a separate, audited break-glass role.',
    attach: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Keep attach out '
      + 'of everyday roles; grant it through a separate, audited break-glass role.',
    portforward: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Keep port-forward '
      + 'out of everyday roles; grant it through a separate, audited role.',
  },
  messageFor: { RB06: 'exec', RB07: 'attach', RB08: 'portforward' },
  docs: {
    summary: '`create` (SPDY) or `get` (WebSocket clients) on `pods/exec`, `pods/attach` or `pods/portforward` '
      + 'opens a stream into a pod: exec and attach run as the container, with its service account token and '
      + 'mounted Secrets; port-forward reaches any port of the pod without going through a Service or '
      + 'NetworkPolicy. `*/exec` counts as well. RB08 (port-forward) is reported as a warning.',
    remediation: 'Remove the grant from roles bound to workloads and everyday users; give operators a separate role '
      + 'for debugging, bound just in time and audited.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: shell
  namespace: dev
rules:
- apiGroups:
  - ""
  resources:
  - "*/exec"
  verbs:
  - get
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
rules:
- apiGroups: [""]
  resources: ["pods/exec"]
  verbs: ["list", "watch"]
`,
  },
});
