import { OWASP_K03 } from '../references';
import { GRANT_FIX_MESSAGES, grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES, replaceWildcard, RESOURCES_PLACEHOLDER } from '../rbac-common';

export default grantRule({
  id: 'disallow-wildcard-resources',
  title: 'Role rules list their resources instead of "*"',
  severity: 'error',
  covers: ['RB02'],
  equivalents: { kubeLinter: ['wildcard-in-rules'], checkov: ['CKV_K8S_49'], trivy: ['KSV046', 'KSV112'] },
  messages: {
    wildcard: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. List the resources it needs.',
  },
  fixMessages: { replaceWildcard: GRANT_FIX_MESSAGES.replaceWildcard },
  messageFor: { RB02: 'wildcard' },
  docs: {
    summary: 'A resource `*` in a Role or ClusterRole rule grants the rule\'s verbs on every resource of its API '
      + 'groups, subresources such as `pods/exec` and `secrets` included, and on every resource added later '
      + '(custom resources too). A rule that is `*` in its API groups, resources and verbs alike is reported '
      + 'once, by `disallow-full-wildcard-rules`, which answers for this rule there.',
    remediation: 'List the resources the subject needs. The suggestion writes the placeholder '
      + '`REPLACE-with-needed-resources`: valid YAML and valid RBAC that names no real resource, so the rule '
      + 'grants nothing until it is replaced, and it stands out in review.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: core-all
  namespace: shop
rules:
- apiGroups:
  - ""
  resources:
  - pods
  - "*"
  verbs:
  - "*"
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ns-admin
rules:
- apiGroups: ['*']
  resources: ['*']
  verbs: ['*']
`,
  },
  suggest: f => [replaceWildcard(f, 'resources', [RESOURCES_PLACEHOLDER])],
});
