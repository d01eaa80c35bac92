// The RBAC graph of the workspace: which role a binding hands out (its aggregation followed,
// the built-in ClusterRoles included), who it hands it to, and what a ServiceAccount ends up
// holding. Built from summaries only, so a binding in one file is judged by a role in another.
import { assessRules, DangerousGrant, PolicyRuleData } from '../../model/rbac';
import { builtinClusterRole, isBuiltinClusterRole, isBuiltinRole } from '../../model/rbac-builtin';
import { nested, WorkspaceIndex } from '../index';
import { LabelSelector, matches } from '../selector';
import { perModel } from '../derive';
import type { ObjectRef, ObjectSummary } from '../summary';
import type { RoleRuleFacts, SubjectFacts } from './rbac-facts';

/** A role as a binding reaches it: an object of the workspace, or a built-in ClusterRole. */
export interface RoleNode {
  kind: 'Role' | 'ClusterRole';
  name: string;
  /** Undefined for a built-in ClusterRole. */
  object?: ObjectSummary;
  labels: Readonly<Record<string, string>>;
  rules: ReadonlyArray<PolicyRuleData | RoleRuleFacts>;
  aggregation?: LabelSelector[];
}

/** One rule a role grants, with the role that writes it (itself, or one aggregated into it). */
export interface EffectiveRule {
  role: RoleNode;
  index: number;
  rule: PolicyRuleData | RoleRuleFacts;
}

interface Graph {
  roles: Map<string, RoleNode>;
  clusterRoles: RoleNode[];
  bindings: ObjectSummary[];
}

const roleKey = (kind: string, ns: string, name: string) => `${kind}\u0000${kind === 'ClusterRole' ? '' : ns}\u0000${name}`;

const graph = perModel((index: WorkspaceIndex): Graph => {
  {
    const roles = new Map<string, RoleNode>();
    const bindings: ObjectSummary[] = [];
    for (const o of index.all()) {
      if (o.binding) bindings.push(o);
      if (!o.role || !o.name) continue;
      const key = roleKey(o.kind, index.namespaceOf(o), o.name);
      // Two objects of one name: the first in the index stands (the cluster would keep the last applied).
      if (!roles.has(key)) roles.set(key, { kind: o.kind as RoleNode['kind'], name: o.name, object: o, labels: o.labels, rules: o.role.rules, aggregation: o.role.aggregation });
    }
    const clusterRoles = [...roles.values()].filter(r => r.kind === 'ClusterRole');
    return { roles, clusterRoles, bindings };
  }
});

function builtinNode(name: string): RoleNode | undefined {
  const b = builtinClusterRole(name);
  if (!b) return undefined;
  return {
    kind: 'ClusterRole', name, labels: b.labels, rules: b.rules,
    aggregation: b.aggregation?.map(matchLabels => ({ matchLabels, matchExpressions: [] })),
  };
}

/**
 * The role a binding refers to: a RoleBinding's Role lives in the binding's namespace, a
 * ClusterRole is cluster-wide. A ClusterRole of the workspace wins over the built-in of its
 * name (a repository may redefine `edit`); undefined when neither exists.
 */
export function roleFor(index: WorkspaceIndex, binding: ObjectSummary): RoleNode | undefined {
  const ref = binding.binding?.roleRef;
  if (!ref || (ref.kind !== 'Role' && ref.kind !== 'ClusterRole')) return undefined;
  // A ClusterRoleBinding can only refer to a ClusterRole (the API rejects a Role).
  if (ref.kind === 'Role' && binding.kind !== 'RoleBinding') return undefined;
  const role = graph(index).roles.get(roleKey(ref.kind, index.namespaceOf(binding), ref.name));
  // A Role is found in the binding's namespace; where either namespace is a guess, only a Role
  // applied with the binding is known to be the one it names.
  if (role?.object && ref.kind === 'Role' && !index.sameNamespace(binding, role.object)) return undefined;
  return role ?? (ref.kind === 'ClusterRole' ? builtinNode(ref.name) : undefined);
}

/** True when the binding's role is neither in the workspace nor a ClusterRole every cluster has. */
export function isMissingRole(index: WorkspaceIndex, binding: ObjectSummary): boolean {
  const ref = binding.binding?.roleRef;
  if (!ref?.name) return false;
  if (roleFor(index, binding) || (ref.kind === 'ClusterRole' && isBuiltinClusterRole(ref.name))) return false;
  if (ref.kind === 'Role' && binding.kind === 'RoleBinding' && isBuiltinRole(index.namespaceOf(binding), ref.name)) return false;
  // A Role of that name in the (guessed) namespace may well be it: not known to be missing.
  return !graph(index).roles.has(roleKey(ref.kind, index.namespaceOf(binding), ref.name));
}

/** The ClusterRoles (workspace and built-in) whose labels one of `role`'s aggregation selectors matches. */
export function rolesAggregatedInto(index: WorkspaceIndex, role: RoleNode): RoleNode[] {
  if (!role.aggregation) return [];
  const candidates = [...graph(index).clusterRoles];
  for (const name of ['admin', 'edit', 'view', 'system:aggregate-to-admin', 'system:aggregate-to-edit', 'system:aggregate-to-view']) {
    if (!candidates.some(c => c.name === name)) candidates.push(builtinNode(name)!);
  }
  return candidates.filter(c => c !== role && c.name !== role.name && role.aggregation!.some(sel => matches(sel, c.labels)));
}

/**
 * Every rule the role grants: its own, or for an aggregated ClusterRole the rules of the roles
 * it selects (the controller overwrites its own `rules` with their union), followed through
 * roles that are aggregated themselves (admin selects edit, which selects view).
 */
export function effectiveRules(index: WorkspaceIndex, role: RoleNode, seen = new Set<string>()): EffectiveRule[] {
  if (seen.has(role.name + role.kind)) return [];
  seen.add(role.name + role.kind);
  if (!role.aggregation) return role.rules.map((rule, i) => ({ role, index: i, rule }));
  return rolesAggregatedInto(index, role).flatMap(r => effectiveRules(index, r, seen));
}

/** A dangerous grant, with the role rule holding it. */
export interface BoundDanger extends DangerousGrant {
  source: EffectiveRule;
}

/**
 * The dangerous grants (catalogue rows RB01-RB26) of the rules a binding hands out. A RoleBinding
 * grants a ClusterRole's rules inside its namespace only, so only what can be granted there counts.
 */
export function dangersOf(rules: readonly EffectiveRule[], scope: 'namespace' | 'cluster', expandWildcards = false): BoundDanger[] {
  return assessRules(rules.map(r => r.rule), { scope, expandWildcards }).map(d => ({ ...d, source: rules[d.ruleIndex] }));
}

/**
 * The dangerous grants a binding hands out (its role's effective rules, in the binding's
 * scope), computed once per index state: every pod whose ServiceAccount it names asks again.
 */
export function bindingDangers(index: WorkspaceIndex, binding: ObjectSummary, expandWildcards = false): { role?: RoleNode; rules: EffectiveRule[]; dangers: BoundDanger[] } {
  const cache = dangerTables(index);
  const key = `${binding.uri}#${binding.docIndex}#${expandWildcards}`;
  let hit = cache.get(key);
  if (!hit) {
    const role = roleFor(index, binding);
    const rules = role ? effectiveRules(index, role) : [];
    hit = { role, rules, dangers: dangersOf(rules, binding.kind === 'RoleBinding' ? 'namespace' : 'cluster', expandWildcards) };
    cache.set(key, hit);
  }
  return hit;
}

const dangerTables = perModel(() => new Map<string, ReturnType<typeof bindingDangers>>());

/** A related location on the role entry that grants `d`, when the role is an object of the workspace. */
export function dangerRelated(d: BoundDanger): Array<{ ref: ObjectRef; message: string }> {
  const { role, rule } = d.source;
  if (!role.object || !('ranges' in rule)) return [];
  const range = rule.ranges[d.at.field][d.at.index] ?? rule.range;
  return [{ ref: { ...role.object, range }, message: `${roleLabel(role)} grants ${d.detail}: ${d.impact} (${d.row}).` }];
}

/** A subject as the authorizer matches it: a ServiceAccount subject carries its effective namespace. */
export interface ResolvedSubject extends SubjectFacts {
  /** Index in the binding's `subjects`. */
  index: number;
}

/**
 * The subjects of a binding. A ServiceAccount subject without `namespace` is matched in the
 * binding's namespace by the authorizer (rbac's appliesToUser) for a RoleBinding; a
 * ClusterRoleBinding must name it (the API rejects the object), so none is assumed there.
 */
/** The namespace a RoleBinding's ServiceAccount subject without `namespace` is matched in. */
export function serviceAccountNamespace(index: WorkspaceIndex, binding: ObjectSummary): string {
  return index.namespaceOf(binding);
}

export function subjectsOf(index: WorkspaceIndex, binding: ObjectSummary): ResolvedSubject[] {
  return (binding.binding?.subjects ?? []).map((s, i) => {
    const r: ResolvedSubject = { ...s, index: i };
    if (s.kind === 'ServiceAccount' && !s.namespace && binding.kind === 'RoleBinding') r.namespace = index.namespaceOf(binding);
    return r;
  });
}

export function allBindings(index: WorkspaceIndex): readonly ObjectSummary[] {
  return graph(index).bindings;
}

/** Groups whose members are in every namespace: a guessed namespace does not matter to them. */
const EVERY_NAMESPACE = new Set(['system:serviceaccounts', 'system:authenticated']);

/** The user name a ServiceAccount's tokens authenticate as. */
export function serviceAccountUser(ns: string, name: string): string {
  return `system:serviceaccount:${ns}:${name}`;
}

/** The groups every token of ServiceAccount `ns/name` carries. */
export function serviceAccountGroups(ns: string): string[] {
  return ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'];
}

export interface SubjectBinding {
  binding: ObjectSummary;
  subject: ResolvedSubject;
  /** The group through which the binding applies, when not by name. */
  viaGroup?: string;
}

/**
 * The bindings that apply to ServiceAccount `ns/name`: by name (as a ServiceAccount subject or
 * as the User its tokens authenticate as), or through the groups its
 * tokens carry (system:serviceaccounts, system:serviceaccounts:<ns>, system:authenticated).
 */
export function bindingsFor(
  index: WorkspaceIndex, sa: { namespace: string; name: string },
  options: { groups?: boolean; pod?: ObjectSummary } = {},
): SubjectBinding[] {
  const groups = options.groups === false ? [] : serviceAccountGroups(sa.namespace);
  const out: SubjectBinding[] = [];
  // The account of a pod whose namespace is a guess is only known to be the one a binding names
  // when the binding is applied with the pod (same file or folder tree); every-account groups
  // apply in any namespace.
  const { pod } = options;
  const known = (binding: ObjectSummary) => !pod || !index.namespaceGuessed(pod) || nested(pod.uri, binding.uri);
  const table = subjectTable(index);
  // Only bindings with a subject of one of these names can apply (each test below asks for one).
  const candidates = new Set<number>();
  for (const key of [subjectKey('ServiceAccount', sa.name, sa.namespace), subjectKey('User', serviceAccountUser(sa.namespace, sa.name)), ...groups.map(g => subjectKey('Group', g))]) {
    for (const at of table.byKey.get(key) ?? []) candidates.add(at);
  }
  for (const at of [...candidates].sort((a, b) => a - b)) {
    const binding = table.bindings[at];
    for (const subject of table.subjects[at]) {
      if (subject.kind === 'Group' && EVERY_NAMESPACE.has(subject.name) && groups.includes(subject.name)) { out.push({ binding, subject, viaGroup: subject.name }); break; }
      if (!known(binding)) continue;
      if (subject.kind === 'ServiceAccount' && subject.name === sa.name && subject.namespace === sa.namespace) out.push({ binding, subject });
      // A ServiceAccount's tokens authenticate as user system:serviceaccount:<ns>:<name>: a User subject of that name is the same account.
      else if (subject.kind === 'User' && subject.name === serviceAccountUser(sa.namespace, sa.name)) out.push({ binding, subject });
      else if (subject.kind === 'Group' && groups.includes(subject.name)) out.push({ binding, subject, viaGroup: subject.name });
      else continue;
      break;
    }
  }
  return out;
}

/** A subject as bindingsFor looks it up: its kind, name and (for a ServiceAccount) namespace. */
function subjectKey(kind: string, name: string, namespace?: string): string {
  return kind === 'ServiceAccount' ? `${kind}\u0000${namespace ?? ''}\u0000${name}` : `${kind}\u0000${name}`;
}

/**
 * Every binding's subjects, resolved once per model revision, and the bindings (by position, in
 * order) that hold each subject: every workload asks bindingsFor, which then reads only the
 * bindings naming its account, its user or its groups instead of every subject of the workspace.
 */
const subjectTable = perModel((index: WorkspaceIndex) => {
  const bindings = allBindings(index);
  const subjects = bindings.map(b => subjectsOf(index, b));
  const byKey = new Map<string, number[]>();
  subjects.forEach((list, at) => {
    for (const s of list) {
      const key = subjectKey(s.kind, s.name, s.namespace);
      const holders = byKey.get(key);
      if (!holders) byKey.set(key, [at]);
      else if (holders[holders.length - 1] !== at) holders.push(at);
    }
  });
  return { bindings, subjects, byKey };
});

/**
 * The bindings that hand out `role` (a Role or ClusterRole of the workspace), directly or
 * through a ClusterRole that aggregates it. For the role rules: a dangerous role that is bound
 * is more urgent than one no binding of the workspace uses (docs/kubernetes-semantics.md §3, binding-aware severity).
 */
export function boundSubjects(index: WorkspaceIndex, role: ObjectSummary): SubjectBinding[] {
  const out: SubjectBinding[] = [];
  for (const binding of allBindings(index)) {
    const target = roleFor(index, binding);
    if (!target) continue;
    const reaches = target.object === role || effectiveRules(index, target).some(r => r.role.object === role);
    if (reaches) for (const subject of subjectsOf(index, binding)) out.push({ binding, subject });
  }
  return out;
}

/** Groups that hold every user, every unauthenticated request or every service account. */
export function broadGroup(name: string): 'anonymous' | 'unauthenticated' | 'authenticated' | 'masters' | 'serviceAccounts' | undefined {
  switch (name) {
    case 'system:anonymous': return 'anonymous';
    case 'system:unauthenticated': return 'unauthenticated';
    case 'system:authenticated': return 'authenticated';
    case 'system:masters': return 'masters';
  }
  return /^system:serviceaccounts(:.+)?$/.test(name) ? 'serviceAccounts' : undefined;
}

/** `ClusterRole "edit"` / `Role "reader"` for messages. */
export function roleLabel(role: { kind: string; name: string }): string {
  return `${role.kind} "${role.name}"`;
}

/**
 * The severity for a role-level finding (RB01-RB26 on a Role or ClusterRole): one step higher
 * than the rule's when some binding of the workspace hands the role out (directly or through
 * an aggregating ClusterRole), so a dangerous role that is used stands out from a template no
 * one binds. Undefined when the role is not bound: the rule's own severity stands. A role rule
 * passes it as the per-finding `severity` (a severity the user configured still wins).
 */
export function boundSeverity(index: WorkspaceIndex, role: ObjectSummary, base: 'error' | 'warning' | 'info'): 'error' | 'warning' | undefined {
  if (base === 'error' || boundSubjects(index, role).length === 0) return undefined;
  return base === 'info' ? 'warning' : 'error';
}

/**
 * The API groups the CustomResourceDefinitions of the workspace define (a CRD's name is
 * `<plural>.<group>`): an operator's roles on them manage its own API.
 */
export const ownApiGroups = perModel((index: WorkspaceIndex): ReadonlySet<string> => {
  const groups = new Set<string>();
  for (const o of index.all()) {
    const dot = o.kind === 'CustomResourceDefinition' && o.name ? o.name.indexOf('.') : -1;
    if (dot > 0) groups.add(o.name!.slice(dot + 1));
  }
  return groups;
});
