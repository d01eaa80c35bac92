import { bindingView, isBinding } from '../../model/rbac-binding';
import { defineRule } from '../../rule';
import { serviceAccountNamespace } from '../../workspace/domains/rbac';
import { NAMESPACE_ONLY } from '../../workspace/reads';

export default defineRule({
  id: 'disallow-default-service-account-binding',
  title: 'Bindings do not grant permissions to the default ServiceAccount',
  category: 'service-accounts',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['SA04'],
  equivalents: { checkov: ['CKV_K8S_42'], kubescape: ['C-0225', 'C-0239'] },
  messages: {
    defaultSa: '{{kind}} "{{name}}" gives {{role}} to the "default" ServiceAccount of namespace "{{namespace}}": '
      + 'every pod there that names no ServiceAccount gets it. Create a dedicated ServiceAccount for the '
      + 'workload that needs it and bind that instead.',
  },
  docs: {
    summary: 'Every namespace has a `default` ServiceAccount, and every pod that names none runs as it. '
      + 'Permissions bound to it therefore reach every such pod, including ones added later by anyone who may '
      + 'create pods in the namespace. A ServiceAccount subject of a RoleBinding without `namespace` is the '
      + 'binding\'s namespace (as the authorizer reads it); a User subject '
      + '`system:serviceaccount:<ns>:default` is the same account.',
    remediation: 'Create a ServiceAccount for the workload that needs the permissions, set it as the pod\'s '
      + '`serviceAccountName`, and bind the role to it. Keep `default` without bindings.',
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: default
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: User
  name: default
`,
  },
  fix: null,
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  workspaceReads: NAMESPACE_ONLY,
  checkObject({ object, workspace: { index, self }, report }) {
    if (!isBinding(object)) return;
    const b = bindingView(object);
    for (const s of b.subjects) {
      // The account's tokens authenticate as user system:serviceaccount:<ns>:default: the same account.
      const asUser = s.kind === 'User' ? /^system:serviceaccount:([^:]+):default$/.exec(s.name) : null;
      if (!asUser && (s.kind !== 'ServiceAccount' || s.name !== 'default')) continue;
      const namespace = asUser ? asUser[1] : s.namespace ?? (object.kind === 'RoleBinding' ? serviceAccountNamespace(index, self) : undefined);
      if (!namespace) continue;
      report({
        messageId: 'defaultSa',
        data: { kind: object.kind, name: object.name ?? '(unnamed)', role: `${b.roleKind || 'role'} "${b.roleName}"`, namespace },
        at: s.at,
      });
    }
  },
});
