import { setScalar } from '../../fix/map';
import { bindingView, isBinding } from '../../model/rbac-binding';
import { defineRule, MessageProposal } from '../../rule';
import { roleFor, roleLabel } from '../../workspace/domains/rbac';
import { RBAC_GOOD_PRACTICES } from '../references';
import { RBAC_READS } from '../../workspace/reads';

export default defineRule({
  id: 'disallow-cluster-admin-binding',
  title: 'Bindings do not hand out cluster-admin',
  category: 'rbac',
  severity: 'error',
  pss: null,
  level: 'baseline',
  covers: ['RB04'],
  equivalents: {
    kubeLinter: ['cluster-admin-role-binding'], trivy: ['KSV111'], kubescape: ['C-0035', 'C-0185'],
    polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole'],
  },
  messages: {
    clusterWide: '{{kind}} "{{name}}" binds ClusterRole "cluster-admin": its subjects hold every permission on every '
      + 'resource of the cluster. Bind a role limited to what they need (for example "edit" or "view" in a '
      + 'namespace).',
    namespaced: 'RoleBinding "{{name}}" binds ClusterRole "cluster-admin": its subjects hold every permission in '
      + 'namespace "{{namespace}}", Roles and RoleBindings included. Bind a role limited to what they need '
      + '(for example "edit" or "view").',
  },
  fixMessages: {
    bindInstead: 'Bind ClusterRole "{{role}}" instead of "cluster-admin"',
  },
  docs: {
    summary: '`cluster-admin` is the superuser role: every verb on every resource (and every non-resource URL). '
      + 'Bound by a ClusterRoleBinding it owns the cluster; bound by a RoleBinding it owns the namespace, '
      + 'including its Secrets and its RBAC. Bindings to the aggregated `admin` and `edit` roles (which Trivy '
      + 'also reports here) are judged by what they grant, by the dangerous-role binding rule. Bindings whose '
      + 'role is a Role of the workspace named `cluster-admin` are not the built-in role and are not '
      + 'reported.',
    remediation: 'Bind a role that grants only what the subjects need: the built-in `view` or `edit` ClusterRole '
      + 'through a RoleBinding in the namespace they work in, or a dedicated Role. The suggestions replace '
      + 'the role name; check the subjects still work.',
    references: [RBAC_GOOD_PRACTICES, 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ops}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects: [{kind: User, name: alice}]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: Group
  name: ops
  apiGroup: rbac.authorization.k8s.io
`,
  },
  fix: null,
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  workspaceReads: RBAC_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (!isBinding(object)) return;
    const b = bindingView(object);
    if (b.roleKind !== 'ClusterRole' || b.roleName !== 'cluster-admin') return;
    const role = roleFor(index, self);
    const ref = b.roleNameRef;
    const replace = (name: string): MessageProposal => ({
      messageId: 'bindInstead', data: { role: name },
      edits: ({ text, doc }) => (ref && !ref.viaAlias && b.roleRef ? setScalar(text, doc, b.roleRef, 'name', name) : undefined),
    });
    report({
      messageId: object.kind === 'ClusterRoleBinding' ? 'clusterWide' : 'namespaced',
      data: { kind: object.kind, name: object.name ?? '(unnamed)', namespace: index.namespaceOf(self) },
      at: b.roleAt,
      suggestions: [replace('view'), replace('edit')],
      related: role?.object ? [{ ref: role.object, message: `${roleLabel(role)} is defined here.` }] : [],
    });
  },
});
