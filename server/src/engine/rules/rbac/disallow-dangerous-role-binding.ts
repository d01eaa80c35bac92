import { bindingView, isBinding, subjectLabel } from '../../model/rbac-binding';
import { defineRule, Report } from '../../rule';
import { bindingDangers, broadGroup, dangerRelated, roleLabel, subjectsOf } from '../../workspace/domains/rbac';
import { RBAC_DOC, RBAC_GOOD_PRACTICES } from '../references';
import { RBAC_READS } from '../../workspace/reads';

/** Grants named in the message; the rest are counted (all are in the related locations). */
const MAX_LISTED = 4;

export default defineRule({
  id: 'disallow-dangerous-role-binding',
  title: 'Bindings do not hand out dangerous permissions',
  category: 'rbac',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['RB01', 'RB02', 'RB03', 'RB05', 'RB06', 'RB07', 'RB08', 'RB09', 'RB10', 'RB11', 'RB12', 'RB13', 'RB14', 'RB15', 'RB16', 'RB17', 'RB18', 'RB19', 'RB20', 'RB21', 'RB22', 'RB23', 'RB24', 'RB25', 'RB26', 'RB33'],
  // Each peer check of a dangerous grant is named by the role rule that reports that grant
  // (this rule reports only what built-in roles grant): none is this rule's alone.
  equivalents: { trivy: ['KSV111'] },
  messages: {
    dangerous: '{{kind}} "{{name}}" gives {{subjects}} {{role}}{{scope}}, which grants {{grants}}. Bind a role that grants only what they need.',
  },
  docs: {
    summary: 'Judges a binding by what it hands out: the rules of the role it refers to, found anywhere in the '
      + 'workspace, with the rules of ClusterRoles aggregated into it (`aggregationRule.clusterRoleSelectors` '
      + 'matched against `aggregate-to-*` labels, RB33) and the built-in `admin`, `edit` and `view` roles as '
      + 'the API server defines them (`edit` grants pods/exec, Secrets and impersonation of service accounts; '
      + '`view` no Secrets). Every grant of the RBAC danger catalogue (wildcards, Secrets, '
      + 'exec/attach/port-forward, workload creation, escalate/bind/impersonate, token creation, webhooks, '
      + '...) that a built-in role holds is listed, each once. A grant written in a Role or ClusterRole of '
      + 'the workspace is reported on that role, once, by the role rules (one step more severe when a binding '
      + 'hands the role out, with the binding as a related location), not again on every binding. A '
      + 'RoleBinding grants a ClusterRole inside its namespace only, so cluster-scoped grants do not count '
      + 'there. The finding is an error when the subjects include a broad group (every user, every service '
      + 'account) or a grant is critical (full wildcard, escalate, bind, impersonate). `cluster-admin` is '
      + 'left to its own rule; bindings without subjects grant nothing.',
    remediation: 'Bind a role limited to the verbs and resources the subjects use (name Secrets in `resourceNames`, '
      + 'drop exec and wildcards), or split the role. The role-level rules point at the same entries in the '
      + 'role itself.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: edit
subjects:
- kind: ServiceAccount
  name: agent
  namespace: ops
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: agent
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: agent
  namespace: ops
`,
  },
  fix: null,
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  workspaceReads: RBAC_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (!isBinding(object)) return;
    const b = bindingView(object);
    if (b.roleKind === 'ClusterRole' && b.roleName === 'cluster-admin') return;
    const subjects = subjectsOf(index, self);
    if (subjects.length === 0) return;
    const { role, rules, dangers: all } = bindingDangers(index, self);
    if (!role) return;
    // A grant written in a role of the workspace is reported there, once, by the role rules
    // (a bound role's findings go one step up and point at this binding): here only what no
    // file shows, the built-in roles' grants.
    const dangers = all.filter(d => !d.source.role.object);
    const scope = object.kind === 'RoleBinding' ? 'namespace' : 'cluster';
    if (dangers.length === 0) return;
    const aggregated = rules.some(r => r.role !== role);
    const broad = subjects.some(s => (s.kind === 'Group' || s.kind === 'User') && broadGroup(s.name));
    const critical = dangers.some(d => d.severity === 'Critical');
    // One grant per row, the worst first: the related locations show every entry.
    const rank = { Critical: 0, High: 1, Medium: 2, Low: 3 };
    const firsts = dangers.filter((d, i) => dangers.findIndex(x => x.row === d.row) === i);
    const words = firsts.sort((a, c) => rank[a.severity] - rank[c.severity]).map(d => `${d.detail} (${d.impact})`);
    const grants = words.length > MAX_LISTED ? `${words.slice(0, MAX_LISTED).join('; ')}; and ${words.length - MAX_LISTED} more` : words.join('; ');
    const finding: Report<'dangerous'> = {
      messageId: 'dangerous',
      data: {
        kind: object.kind, name: object.name ?? '(unnamed)', role: roleLabel(role), grants,
        subjects: subjects.length === 1 ? subjectLabel(subjects[0]) : `${subjects.length} subjects`,
        scope: scope === 'namespace' ? ` in namespace "${index.namespaceOf(self)}"` : ' cluster-wide',
      },
      at: b.roleAt,
      covers: [...new Set([...dangers.map(d => d.row), ...(aggregated ? ['RB33'] : [])])],
      related: dangers.flatMap(d => dangerRelated(d)),
    };
    if (broad || critical) finding.severity = 'error';
    report(finding);
  },
});
