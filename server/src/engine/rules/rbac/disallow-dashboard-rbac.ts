import { bindingView, isBinding } from '../../model/rbac-binding';
import { defineRule } from '../../rule';
import { bindingDangers, dangerRelated, roleLabel } from '../../workspace/domains/rbac';
import { RBAC_READS } from '../../workspace/reads';

/** The Dashboard's ServiceAccount as its manifests and chart name it. */
const DASHBOARD = /^kubernetes-dashboard(-.*)?$/;

export default defineRule({
  id: 'disallow-dashboard-rbac',
  title: 'The Kubernetes Dashboard\'s ServiceAccount holds no dangerous permissions',
  category: 'rbac',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['RB31'],
  equivalents: {},
  messages: {
    dashboard: '{{kind}} "{{name}}" gives the Dashboard\'s ServiceAccount "{{sa}}" {{role}}, which grants '
      + '{{grants}}: anyone who reaches the Dashboard (or skips its login) acts with these rights. Keep the '
      + 'Dashboard\'s own minimal role and let users log in with their own token.',
  },
  docs: {
    summary: 'The Kubernetes Dashboard acts with the identity of whoever logs in, and with its own ServiceAccount '
      + 'when login is skipped or for its own work. Binding that ServiceAccount (`kubernetes-dashboard`, or a '
      + 'chart\'s `kubernetes-dashboard-*`) to `cluster-admin` or another dangerous role, a common shortcut '
      + 'in tutorials, turns the Dashboard into an open door: exposed dashboards with admin rights are how '
      + 'clusters were taken over for cryptomining. Reported when the role handed out (built-ins and '
      + 'aggregation followed) holds any grant of the RBAC danger catalogue.',
    remediation: 'Remove the binding and keep the Dashboard\'s default RBAC (metrics access only, plus its own '
      + 'Secrets). Users log in with a bearer token or OIDC and get exactly their own permissions.',
    references: ['https://github.com/kubernetes/dashboard/blob/master/docs/user/access-control/README.md', 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: dashboard-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
- kind: ServiceAccount
  name: kubernetes-dashboard
  namespace: kubernetes-dashboard
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: dashboard-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
- kind: ServiceAccount
  name: ops
  namespace: kubernetes-dashboard
`,
  },
  fix: null,
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  workspaceReads: RBAC_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (!isBinding(object)) return;
    const b = bindingView(object);
    const subjects = b.subjects.filter(s => s.kind === 'ServiceAccount' && DASHBOARD.test(s.name));
    if (subjects.length === 0) return;
    const { role, dangers } = bindingDangers(index, self);
    if (!role) return;
    if (dangers.length === 0) return;
    const rows = [...new Set(dangers.map(d => d.detail))];
    for (const s of subjects) {
      report({
        messageId: 'dashboard',
        data: { kind: object.kind, name: object.name ?? '(unnamed)', sa: s.name, role: roleLabel(role), grants: rows.slice(0, 3).join('; ') + (rows.length > 3 ? `; and ${rows.length - 3} more` : '') },
        at: s.at,
        related: dangers.flatMap(d => dangerRelated(d)),
      });
    }
  },
});
