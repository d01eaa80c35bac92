import { defineRule } from '../../rule';
import { byLocation } from '../../workspace/domains/network';
import { BoundDanger, bindingDangers, bindingsFor, dangerRelated, roleLabel } from '../../workspace/domains/rbac';
import { ObjectRef, ObjectSummary } from '../../workspace/summary';
import { RBAC_READS } from '../../workspace/reads';

/**
 * Grants that let their holder take over what RBAC protects: every permission, rewriting or
 * binding roles past its own, acting as someone else, minting tokens, reaching the kubelet.
 * Creating pods while reading Secrets (below) is the other classic path.
 */
const TAKEOVER_ROWS = new Set(['RB03', 'RB11', 'RB12', 'RB13', 'RB14', 'RB16', 'RB19']);

interface Holding { binding: ObjectSummary; viaGroup?: string; role: string; dangers: BoundDanger[] }

export default defineRule({
  id: 'disallow-service-account-admin-rights',
  title: 'Workloads do not run with a ServiceAccount that holds admin or takeover rights',
  category: 'service-accounts',
  severity: 'error',
  pss: null,
  level: 'baseline',
  covers: ['SA09'],
  equivalents: { kubescape: ['C-0272', 'C-0267'] },
  messages: {
    admin: 'The pod of {{kind}} "{{name}}" runs as ServiceAccount "{{sa}}", which {{how}}: {{grants}}. Code '
      + 'running in the pod can take over {{scope}}. Give the workload a ServiceAccount bound only to what it '
      + 'needs.',
  },
  docs: {
    summary: 'A workload whose ServiceAccount is bound (in the workspace, directly or through '
      + '`system:serviceaccounts[:<ns>]` or `system:authenticated`) to a role holding admin-equivalent or '
      + 'takeover rights hands those rights to anything that runs code in its pods: every permission (`*` on '
      + '`*` in `*`, `cluster-admin`), `escalate`, `bind` or `impersonate`, creating role bindings while able '
      + 'to bind any role, minting service account tokens, `nodes/proxy`, or creating pods while reading '
      + 'Secrets. The finding points at the pod\'s `serviceAccountName` (or where it would be), with related '
      + 'locations on the bindings and the role entries that grant the rights. The built-in `cluster-admin`, '
      + '`admin` and `edit` roles are known (`edit` may impersonate service accounts and create tokens).',
    remediation: 'Create a ServiceAccount for the workload and bind it to a role with only the verbs and resources it '
      + 'uses. Controllers that really need such rights (operators, CI runners) belong in their own namespace '
      + 'with tight admission control; document the exception by disabling the rule for that object.',
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks', 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-rights
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
- kind: ServiceAccount
  name: web
`,
    correct: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      serviceAccountName: web
      automountServiceAccountToken: false
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web-rights
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: web
`,
  },
  fix: null,
  workspaceReads: RBAC_READS,
  checkPod({ object, pod, workspace: { index, self }, report }) {
    if (object.kind === 'PodTemplate' || index.isPatch(self.uri)) return;
    const sa = self.pod?.serviceAccountName ?? 'default';
    const ns = index.namespaceOf(self);
    const held: Holding[] = [];
    for (const { binding, viaGroup } of bindingsFor(index, { namespace: ns, name: sa }, { pod: self })) {
      const { role, dangers: all } = bindingDangers(index, binding, true);
      if (!role) continue;
      // A full wildcard says it all: the rows it implies would only repeat it.
      const full = all.filter(d => d.row === 'RB03');
      const dangers = full.length > 0 ? full : all.filter(d => TAKEOVER_ROWS.has(d.row));
      const pods = all.find(d => d.row === 'RB09' && d.targets.includes('pods'));
      const secrets = all.find(d => d.row === 'RB05');
      if (full.length === 0 && pods && secrets) dangers.push(pods, secrets);
      if (dangers.length > 0) held.push({ binding, viaGroup, role: roleLabel(role), dangers });
    }
    if (held.length === 0) return;
    const ordered = byLocation(held.map(h => h.binding)).map(b => held.find(h => h.binding === b)!);
    const first = ordered[0];
    const rows = [...new Set(ordered.flatMap(h => h.dangers.map(d => d.detail)))];
    const clusterWide = ordered.some(h => h.binding.kind === 'ClusterRoleBinding');
    report({
      messageId: 'admin',
      data: {
        kind: object.kind, name: object.name ?? '(unnamed)', sa,
        how: ordered.length === 1 ? `${first.binding.kind} "${first.binding.name ?? '(unnamed)'}" binds to ${first.role}` : `${ordered.length} bindings give roles`,
        grants: rows.slice(0, 3).join('; ') + (rows.length > 3 ? `; and ${rows.length - 3} more` : ''),
        scope: clusterWide ? 'the cluster' : `namespace "${ns}"`,
      },
      at: (pod.field('serviceAccountName') ?? pod.field('serviceAccount'))?.site ?? pod.anchor('serviceAccountName'),
      related: ordered.flatMap(h => [
        { ref: h.binding as ObjectRef, message: `${h.binding.kind} "${h.binding.name ?? '(unnamed)'}" binds ${h.role} to ${h.viaGroup ? `group "${h.viaGroup}"` : `ServiceAccount "${sa}"`}.` },
        ...h.dangers.flatMap(d => dangerRelated(d)),
      ]),
    });
  },
});
