import { bindingView, isBinding } from '../../model/rbac-binding';
import { defineRule } from '../../rule';
import { byLocation } from '../../workspace/domains/network';
import { isMissingRole } from '../../workspace/domains/rbac';
import { RBAC_DOC } from '../references';
import { RBAC_READS } from '../../workspace/reads';
import { objectsOfKind } from '../../workspace/facets';

export default defineRule({
  id: 'disallow-missing-binding-role',
  title: 'Bindings refer to a role the workspace defines',
  category: 'rbac',
  severity: 'info',
  pss: null,
  optIn: true,
  level: 'restricted',
  covers: ['RB32'],
  // kube-linter's flagRolesNotFound is an option of its access checks, not a check of its own.
  equivalents: {},
  messages: {
    missingRole: '{{kind}} "{{name}}" refers to Role "{{role}}", which namespace "{{namespace}}" of the workspace does '
      + 'not define: what it grants cannot be checked, and it grants nothing until the Role exists. Add the '
      + 'Role or fix the name.',
    missingClusterRole: '{{kind}} "{{name}}" refers to ClusterRole "{{role}}", which the workspace does not define and no '
      + 'cluster has by default: what it grants cannot be checked. Add the ClusterRole or fix the name.',
  },
  defaultReason: 'Off by default (as kube-linter\'s flagRolesNotFound): roles often come from a Helm chart, an '
    + 'operator or another repository, and an editor may open one file alone; turn it on where the '
    + 'workspace holds the whole RBAC of the application.',
  docs: {
    summary: 'The binding rules judge a binding by its role; a role that is not in the workspace cannot be judged, '
      + 'and a misspelt name grants nothing (the API server accepts a binding to a role that does not exist '
      + 'yet). The built-in ClusterRoles (`cluster-admin`, `admin`, `edit`, `view`, and every `system:` role) '
      + 'always exist and are not reported, nor are the Roles the Kubernetes bootstrap policy creates in '
      + '`kube-system` and `kube-public` (`extension-apiserver-authentication-reader`, '
      + '`system:controller:bootstrap-signer`, `system:controller:cloud-provider`, '
      + '`system:controller:token-cleaner`, the leader-locking roles of the scheduler and the controller '
      + 'manager) and those kubeadm creates there (`kube-proxy`, `kubeadm:kubelet-config`, '
      + '`kubeadm:nodes-kubeadm-config`, `kubeadm:bootstrap-signer-clusterinfo`).',
    remediation: 'Add the Role or ClusterRole to the workspace next to the binding, or correct `roleRef.name` (and '
      + '`roleRef.kind`: a RoleBinding may refer to a ClusterRole, a ClusterRoleBinding only to a '
      + 'ClusterRole).',
    references: [RBAC_DOC],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: reader
subjects:
- kind: ServiceAccount
  name: web
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
- kind: ServiceAccount
  name: web
`,
  },
  fix: null,
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  workspaceReads: RBAC_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (!isBinding(object) || index.isPatch(self.uri)) return;
    const b = bindingView(object);
    if (b.roleKind !== 'Role' && b.roleKind !== 'ClusterRole') return;
    if (!isMissingRole(index, self)) return;
    const namespace = index.namespaceOf(self);
    // A Role of that name elsewhere: most likely the binding's namespace is the mistake.
    const elsewhere = b.roleKind === 'Role' ? byLocation(objectsOfKind(index, 'Role').filter(o => o.role && o.name === b.roleName)) : [];
    report({
      messageId: b.roleKind === 'Role' ? 'missingRole' : 'missingClusterRole',
      data: { kind: object.kind, name: object.name ?? '(unnamed)', role: b.roleName, namespace },
      at: b.roleAt,
      related: elsewhere.slice(0, 3).map(o => ({ ref: o, message: `Role "${b.roleName}" is defined in namespace "${index.namespaceOf(o)}".` })),
    });
  },
});
