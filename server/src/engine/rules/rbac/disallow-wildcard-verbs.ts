import { OWASP_K03 } from '../references';
import { GRANT_FIX_MESSAGES, grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES, READ_ONLY_VERBS, replaceWildcard, VERBS_PLACEHOLDER } from '../rbac-common';

// `*` also grants the verbs that hand out power (escalate, bind, impersonate) and every verb a later Kubernetes version or an aggregated API adds.
export default grantRule({
  id: 'disallow-wildcard-verbs',
  title: 'Role rules list their verbs instead of "*"',
  severity: 'error',
  covers: ['RB01'],
  equivalents: { kubeLinter: ['wildcard-in-rules'], checkov: ['CKV_K8S_49'], trivy: ['KSV045'] },
  messages: {
    wildcard: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. List the verbs it needs, e.g. "get", "list", "watch".',
  },
  fixMessages: { replaceWildcard: GRANT_FIX_MESSAGES.replaceWildcard },
  messageFor: { RB01: 'wildcard' },
  docs: {
    summary: 'A verb `*` in a Role or ClusterRole rule grants every verb on the rule\'s resources: besides reading '
      + 'and writing, `escalate`, `bind` and `impersonate` where they apply, and any verb added later. Roles '
      + 'should list the verbs they need.',
    remediation: 'Replace `"*"` with the verbs the subject needs, usually the read-only `get`, `list`, `watch`. The '
      + 'suggestions write the read-only verbs, or a placeholder `REPLACE-with-needed-verbs` to fill in (a '
      + 'verb no request uses, so the rule grants nothing until it is replaced).',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: pods-all
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["*"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
`,
  },
  suggest: f => [replaceWildcard(f, 'verbs', READ_ONLY_VERBS), replaceWildcard(f, 'verbs', [VERBS_PLACEHOLDER])],
});
