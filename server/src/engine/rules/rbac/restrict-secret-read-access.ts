import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

// `list` and `watch` return every Secret's data, not just names. A rule with resourceNames reads
// only the Secrets it names, so it is left alone. Medium on a Role, whose reach is one namespace.
export default grantRule({
  id: 'restrict-secret-read-access',
  title: 'Roles do not read every Secret',
  severity: 'error',
  covers: ['RB05'],
  equivalents: { kubeLinter: ['access-to-secrets'], checkov: ['CKV2_K8S_5'], trivy: ['KSV041', 'KSV113'], kubescape: ['C-0015', 'C-0186'] },
  messages: {
    read: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Name the Secrets it needs in resourceNames, or remove the grant.',
  },
  messageFor: { RB05: 'read' },
  docs: {
    summary: '`get`, `list` or `watch` on `secrets` without `resourceNames` reads every Secret in scope: service '
      + 'account tokens, TLS keys, registry and database credentials. `list` and `watch` return the values, '
      + 'not just the names. A rule that names its Secrets in `resourceNames` is not reported (it reads only '
      + 'those). High on a ClusterRole (every namespace), Medium on a Role.',
    remediation: 'Name the Secrets the subject reads in `resourceNames` (with `get` only), or mount them into the pods '
      + 'that need them instead of reading them through the API.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: app
  namespace: shop
rules:
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: tls-reader
rules:
- apiGroups: [""]
  resources: ["secrets"]
  resourceNames: ["web-tls"]
  verbs: ["get", "list", "watch"]
`,
  },
});
