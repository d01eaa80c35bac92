// What the role-level RBAC rules share: each reports the grants `assessRules` attributes to it
// (so a role rule and a binding rule never disagree), at the verb or resource entry that shows
// the grant, naming the role and what a subject bound to it can do.
//
// Roles in kube-system and `system:` ClusterRoles are reported like any other: a person editing
// one should know what it grants. Kubernetes' own bootstrap roles are rarely in a repository;
// when a cluster dump is linted, the ones that grant much (cluster-admin: RB03; the
// controller-manager's and scheduler's roles) are findings worth seeing, and the aggregated
// admin/edit/view roles are skipped (their rules are written by the controller).
import { isSeq, Node } from 'yaml';
import { removeVerb, replaceItemWithMany } from '../fix/rbac';
import { K8sObject } from '../model/parse';
import { assessRules, DangerousGrant, isAggregated, isNamespaced, isRole, policyRulesOf, PolicyRuleView, RowSeverity, RuleEntry, WILDCARD_RULE_IDS } from '../model/rbac';
import type { LintConfig } from '../config';
import { settingFor } from '../rule-settings';
import { isLeaderElectionRole } from '../model/rbac-operators';
import { getSeq } from '../model/yaml-nav';
import { CheckContext, defineRule, MessageProposal, Rule, Severity } from '../rule';
import { perModelMap } from '../workspace/derive';
import type { WorkspaceIndex } from '../workspace';
import type { ObjectRef, ObjectSummary } from '../workspace/summary';
import { boundSubjects, ownApiGroups, roleLabel } from '../workspace/domains/rbac';
import { RBAC_READS } from '../workspace/reads';

export const ROLE_KINDS = ['Role', 'ClusterRole'];
export const RBAC_DOC = 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/';
export const RBAC_GOOD_PRACTICES = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';

/** The placeholders the suggestions write: valid YAML and valid RBAC that grant nothing until replaced. */
export const VERBS_PLACEHOLDER = 'REPLACE-with-needed-verbs';
export const RESOURCES_PLACEHOLDER = 'REPLACE-with-needed-resources';
export const READ_ONLY_VERBS = ['get', 'list', 'watch'];

export interface RoleFinding {
  object: K8sObject;
  grant: DangerousGrant;
  view: PolicyRuleView;
  entry: RuleEntry;
  /** Message data: kind, name, grant, scope, impact, rule (`rules[0]`). */
  data: Record<string, string>;
}

const SEVERITY: Record<RowSeverity, Severity> = { Critical: 'error', High: 'error', Medium: 'warning', Low: 'info' };

// A ClusterRole bound by a ClusterRoleBinding grants namespaced resources in every namespace; a
// Role only in its own. Cluster-scoped resources have no namespace to name.
function scopeOf(o: K8sObject, g: DangerousGrant): string {
  const namespaced = g.targets.some(r => isNamespaced(r) !== false);
  if (o.kind === 'ClusterRole') return namespaced ? ' in every namespace' : '';
  return o.namespace ? ` in namespace "${o.namespace}"` : ' in its namespace';
}

// Some twenty rules read the same role's assessment: made once per object node and parse (the
// nodes of a document edited since are new objects, so a stale entry is never read).
const assessments = new WeakMap<object, { views: PolicyRuleView[]; grants: DangerousGrant[] }>();

function assessed(o: K8sObject): { views: PolicyRuleView[]; grants: DangerousGrant[] } {
  let hit = assessments.get(o.node);
  if (!hit) {
    const views = policyRulesOf(o);
    hit = { views, grants: assessRules(views.map(v => v.data), { scope: o.kind === 'Role' ? 'namespace' : 'cluster' }) };
    assessments.set(o.node, hit);
  }
  return hit;
}

/** Whether the user turned rule `id` off (a danger the wildcard finding answers for then speaks for itself). */
function turnedOff(config: LintConfig | undefined, id: string): boolean {
  if (!config) return false;
  const rule = { id, category: 'rbac' as const };
  return (settingFor(config.rules, rule) ?? (config.baseRules && settingFor(config.baseRules, rule)))?.setting === 'off';
}

/** The grants of a Role or ClusterRole that `ruleId` reports (none for aggregated ClusterRoles). */
export function roleFindings(o: K8sObject, ruleId: string, config?: LintConfig): RoleFinding[] {
  // An aggregated ClusterRole's rules are written by the controller manager from the roles it
  // selects: those roles are where the grants are reported (and fixed).
  if (!isRole(o) || isAggregated(o)) return [];
  const { views, grants } = assessed(o);
  // A Role that holds only an operator's leader-election lock (leases, the ConfigMap or
  // Endpoints lock of older libraries, events) in its own namespace: what every controller runtime
  // asks for, and what it writes is the lock.
  if (isLeaderElectionRole(o, views.map(v => v.data))) return [];
  const answered = (g: DangerousGrant) => g.absorbedBy !== undefined && !turnedOff(config, WILDCARD_RULE_IDS[g.absorbedBy]);
  return grants.filter(g => g.ruleId === ruleId && !answered(g)).map(grant => {
    const view = views[grant.ruleIndex];
    const entry = view[grant.at.field].entries[grant.at.index];
    const data = { kind: o.kind, name: o.name ?? '(unnamed)', grant: grant.detail, scope: scopeOf(o, grant), impact: grant.impact, rule: `rules[${view.index}]` };
    return { object: o, grant, view, entry, data };
  });
}

/** The finding's severity when it differs from the rule's (RB05 on a Role: Medium). */
export function severityOf(rule: { severity: Severity }, f: RoleFinding): Severity | undefined {
  let s = SEVERITY[f.grant.severity];
  if (f.grant.row === 'RB05' && f.object.kind === 'Role') s = 'warning';
  return s === rule.severity ? undefined : s;
}

/** `Replace "*" in rules[0].verbs with "get", "list", "watch"` (or a placeholder). */
export function replaceWildcard(f: RoleFinding, field: 'verbs' | 'resources', values: readonly string[]): MessageProposal | undefined {
  const entry = f.view[field].entries.find(e => e.value === '*');
  const seq = f.view[field].seq;
  if (!entry || !seq) return undefined;
  const what = values.map(v => `"${v}"`).join(', ');
  return { messageId: 'replaceWildcard', data: { rule: f.data.rule, field, values: what }, edits: ({ text, doc }) => replaceItemWithMany(text, doc, seq, entry.index, values) };
}

/** Drop a verb entry: `Remove verb "escalate" from rules[0]`, or the rule when it is its only verb. */
export function dropVerb(f: RoleFinding, entry: RuleEntry): MessageProposal | undefined {
  const rules = getSeq(f.object.node, 'rules', f.object.doc);
  const verbs = f.view.verbs.seq;
  if (!rules || !verbs || !isSeq(verbs)) return undefined;
  const ruleIndex = rules.items.indexOf(f.view.site as never);
  if (ruleIndex < 0) return undefined;
  const only = f.view.verbs.entries.length === 1;
  return {
    messageId: only ? 'removeRule' : 'removeVerb', data: { rule: f.data.rule, verb: entry.value },
    edits: ({ text, doc }) => removeVerb(text, doc, rules, ruleIndex, verbs, entry.index),
  };
}

interface GrantRuleSpec<M extends string> extends Omit<Rule<M>, 'category' | 'pss' | 'kinds' | 'checkObject' | 'checkPod' | 'fix'> {
  /** The message of each row the rule covers. */
  messageFor: Record<string, M>;
  /**
   * The message when one entry shows several of the rule's rows (a `*` verb on roles is escalate
   * and bind at once): one finding per entry, never two on one node. Its data add `impacts` and
   * `rows` (the rows' message ids, quoted).
   */
  messageForSeveral?: M;
  suggest?(f: RoleFinding): Array<MessageProposal | undefined>;
}

/** The titles of the suggestions replaceWildcard and dropVerb make: a rule that offers them lists the ones it uses. */
export const GRANT_FIX_MESSAGES = {
  replaceWildcard: 'Replace "*" in {{rule}}.{{field}} with {{values}}',
  removeRule: 'Remove {{rule}}, whose only verb is "{{verb}}"',
  removeVerb: 'Remove verb "{{verb}}" from {{rule}}',
};

/** A rule that reports the catalogue rows it covers on Roles and ClusterRoles. */
export function grantRule<M extends string>(spec: GrantRuleSpec<M>): Rule<M> {
  const { messageFor, messageForSeveral, suggest, ...meta } = spec;
  const rule: Rule<M> = defineRule<M>({
    ...meta, category: 'rbac', pss: null, kinds: ROLE_KINDS, fix: null, workspaceReads: RBAC_READS,
    checkObject(ctx: CheckContext<M>) {
      const findings = roleFindings(ctx.object, rule.id, ctx.config);
      if (findings.length === 0) return;
      // A role some binding of the workspace hands out is more urgent than a template no one
      // binds (docs/kubernetes-semantics.md §3): one step up, with the bindings shown beside the finding.
      const related = bindingsOf(ctx);
      const own = ownApiGroups(ctx.workspace.index);
      const severityFor = (f: RoleFinding): Severity => {
        // An operator's wildcard on the API groups its own CRDs define manages its own objects:
        // worth listing the verbs, no cluster-admin.
        if (onOwnApi(f, own)) return 'info';
        const base = severityOf(rule, f) ?? rule.severity;
        return related.length > 0 ? raise(base) : base;
      };
      for (const group of byEntry(findings, messageForSeveral !== undefined)) {
        const f = group[0];
        const several = group.length > 1;
        const suggestions = (suggest?.(f) ?? []).filter((p): p is MessageProposal => !!p);
        const severity = group.map(severityFor).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
        ctx.report({
          messageId: several ? messageForSeveral! : messageFor[f.grant.row],
          data: several ? { ...f.data, impacts: group.map(g => g.data.impact).join(', and '), rows: group.map(g => `"${messageFor[g.grant.row]}"`).join(' and ') } : f.data,
          at: f.entry.node as Node, covers: coversOf(meta.covers, group),
          severity: severity === rule.severity ? undefined : severity, suggestions: suggestions.length > 0 ? suggestions : undefined,
          related: related.length > 0 ? related : undefined,
        });
      }
    },
  });
  return rule;
}

/** The rows a finding answers for: its own (when the rule covers several) and those its wildcard stands for. */
function coversOf(ruleCovers: readonly string[], group: RoleFinding[]): string[] | undefined {
  const rows = [...new Set(group.flatMap(g => [g.grant.row, ...(g.grant.absorbs ?? [])]))];
  return rows.length === 1 && ruleCovers.length === 1 && rows[0] === ruleCovers[0] ? undefined : rows;
}

/** A wildcard (RB01, RB02) whose rule names only API groups that CRDs of the workspace define. */
function onOwnApi(f: RoleFinding, own: ReadonlySet<string>): boolean {
  if (f.grant.row !== 'RB01' && f.grant.row !== 'RB02') return false;
  const groups = f.view.data.apiGroups;
  return groups.length > 0 && groups.every(g => own.has(g));
}

const raise = (s: Severity): Severity => (s === 'info' ? 'warning' : 'error');
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The findings by the entry they point at, in order (each alone unless merging is wanted). */
function byEntry(findings: RoleFinding[], merge: boolean): RoleFinding[][] {
  if (!merge) return findings.map(f => [f]);
  const groups = new Map<unknown, RoleFinding[]>();
  for (const f of findings) {
    const g = groups.get(f.entry.node);
    if (g) g.push(f); else groups.set(f.entry.node, [f]);
  }
  return [...groups.values()];
}

type Related = Array<{ ref: ObjectRef; message: string }>;

// Each of the twenty role rules asks for the same role: the answer is kept per role summary and
// model revision.
/** The bindings that hand the role out, each once, with whom they bind it to. */
function bindingsOf(ctx: CheckContext<string>): Related {
  return bindingsOfRole(ctx.workspace.index, ctx.workspace.self);
}

const bindingsOfRole = perModelMap((index: WorkspaceIndex, self: ObjectSummary): Related => {
  const bySubject = new Map<ObjectSummary, string[]>();
  for (const { binding, subject } of boundSubjects(index, self)) {
    const list = bySubject.get(binding) ?? [];
    const who = subject.kind === 'ServiceAccount' && subject.namespace ? `ServiceAccount ${subject.namespace}/${subject.name}` : `${subject.kind} ${subject.name}`;
    if (!list.includes(who)) list.push(who);
    bySubject.set(binding, list);
  }
  return [...bySubject].map(([binding, who]) => ({
    ref: binding,
    message: `${roleLabel({ kind: binding.kind, name: binding.name ?? '(unnamed)' })} grants this ${self.kind} to ${who.join(', ')}.`,
  }));
});
