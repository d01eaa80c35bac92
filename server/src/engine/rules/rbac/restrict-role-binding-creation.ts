import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

// `create` on bindings alone is safe (the API server checks that the creator holds the role, or
// `bind` on it); with `bind` on every role it is not, even when the two sit in different rules.
export default grantRule({
  id: 'restrict-role-binding-creation',
  title: 'Roles do not both create bindings and bind any role',
  severity: 'error',
  covers: ['RB14'],
  equivalents: { checkov: ['CKV2_K8S_1'] },
  messages: {
    createAndBind: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Name the roles it '
      + 'may bind in resourceNames, or remove one of the grants.',
  },
  messageFor: { RB14: 'createAndBind' },
  docs: {
    summary: '`create` on rolebindings (or clusterrolebindings) together with `bind` on roles or clusterroles '
      + 'without `resourceNames` lets a subject bind any role, `cluster-admin` included, to itself. The two '
      + 'grants may sit in different rules of the role; the finding points at the binding resource and names '
      + 'the other grant.',
    remediation: 'Name the roles the subject may hand out in the `resourceNames` of its `bind` rule, or remove one of the two grants.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ns-binder
  namespace: team
rules:
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["rolebindings", "roles"]
  verbs: ["create", "bind"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: binder
rules:
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["rolebindings"]
  verbs: ["create"]
`,
  },
});
