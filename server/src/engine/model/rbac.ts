// Roles and ClusterRoles: their rules read from the document (each entry with its node, so a
// finding can point at the `"*"` in verbs or the `secrets` item) and the danger catalogue of
// The RBAC rows of the catalogue (catalogue-rows.ts, RB01-RB26) as data. The role-level rules and the binding-level rules both ask
// `assessRules`, so a role and a binding to it can never disagree about what the role grants.
import { isMap, isScalar, isSeq, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { K8sObject } from './parse';
import { get, getMap, getSeq, keyOf, seqItems } from './yaml-nav';
import { AccessRequest, grantableInNamespace, groupsOf, matchRule, PolicyRuleData } from './rbac-match';
import { servesVerb } from './rbac-subresources';
import { quotedList, wildcards } from './rbac-wildcards';

export { grantableInNamespace, grants, grantsSomeName, groupsOf, isNamespaced, matchRule, splitResource } from './rbac-match';
export type { AccessRequest, PolicyRuleData, RuleMatch } from './rbac-match';
export { WILDCARD_RULE_IDS } from './rbac-wildcards';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
const FIELDS = ['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs'] as const;
export type RuleFieldName = typeof FIELDS[number];

/** One string of a rule's list, with the node written in the text and its index in the list. */
export interface RuleEntry {
  value: string;
  node: Node;
  /** Index in the YAML sequence (for edits); the entry's index in `data` is its index in `entries`. */
  index: number;
}

export interface RuleField {
  key?: Scalar;
  seq?: YAMLSeq;
  entries: RuleEntry[];
}

export interface PolicyRuleView extends Record<RuleFieldName, RuleField> {
  /** Index in the role's `rules`. */
  index: number;
  node: YAMLMap;
  /** The item as written in `rules` (an alias when the rule came through one). */
  site: Node;
  data: PolicyRuleData;
}

/** Whether the object is an RBAC Role or ClusterRole. */
export function isRole(o: K8sObject): boolean {
  return o.group === RBAC_GROUP && (o.kind === 'Role' || o.kind === 'ClusterRole');
}

/**
 * A ClusterRole with an `aggregationRule`: the controller manager overwrites its `rules` with
 * the union of the ClusterRoles it selects, so anything written there is not what it grants.
 */
export function isAggregated(o: K8sObject): boolean {
  return o.kind === 'ClusterRole' && getMap(o.node, 'aggregationRule', o.doc) !== undefined;
}

function fieldOf(map: YAMLMap, name: RuleFieldName, o: K8sObject): RuleField {
  const ref = get(map, name, o.doc);
  const seq = ref && isSeq(ref.value) ? ref.value : undefined;
  const entries: RuleEntry[] = [];
  seqItems(seq, o.doc).forEach(item => {
    if (!isScalar(item.value) || item.value.value == null) return;
    // A list shared through an alias (`verbs: *readOnly`) is reported where this rule uses it.
    const node = ref!.viaAlias ? ref!.site : item.site;
    entries.push({ value: String(item.value.value), node, index: seq!.items.indexOf(item.site as never) });
  });
  return { key: keyOf(map, name, o.doc), seq, entries };
}

/** The `rules` of a Role or ClusterRole (none for other objects), aliases resolved. */
export function policyRulesOf(o: K8sObject): PolicyRuleView[] {
  if (!isRole(o)) return [];
  const out: PolicyRuleView[] = [];
  seqItems(getSeq(o.node, 'rules', o.doc), o.doc).forEach((ref, index) => {
    if (!isMap(ref.value)) return;
    const map = ref.value;
    const view = { index, node: map, site: ref.site } as PolicyRuleView;
    for (const f of FIELDS) view[f] = fieldOf(map, f, o);
    view.data = Object.fromEntries(FIELDS.map(f => [f, view[f].entries.map(e => e.value)])) as unknown as PolicyRuleData;
    out.push(view);
  });
  return out;
}

/** Which object names a grant must cover: every object, at least one, or one of these by name. */
export type NameScope = 'all' | 'some' | { listed: string[] };

export interface GrantSpec {
  verbs: string[];
  /** Resources as the API names them (`pods/exec`); their groups come from the resource table. */
  resources: string[];
  names: NameScope;
}

export interface Danger {
  row: string;
  /** The rule that reports it on Roles and ClusterRoles. */
  ruleId: string;
  grant: GrantSpec;
  /**
   * The entry a finding points at: the verb (escalate, bind, impersonate: the verb is the
   * danger) or the resource. A grant shown only by `*` entries is left to the wildcard rows.
   */
  focus: 'verb' | 'resource';
  /** A second grant the same role must hold in any of its rules (RB14, RB15, RB18). */
  with?: GrantSpec;
  /** The catalogue row's severity (RB05: for a ClusterRole; a Role's is one step lower). */
  severity: RowSeverity;
  /** What a subject bound to the role can do with the grant, to end a message: `can read every Secret`. */
  impact: string;
  /** The impact for the resources actually granted, where one sentence cannot fit them all. */
  impactFor?: (targets: readonly string[]) => string | undefined;
}

export type RowSeverity = 'Critical' | 'High' | 'Medium' | 'Low';

const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const DELETE = ['delete', 'deletecollection'];
// Exec, attach and port-forward over WebSockets are authorized as `get`, SPDY as `create`
// (until the create check for WebSockets, KEP-4006): both open a stream into the pod.
const STREAM = ['create', 'get'];
const WORKLOADS = ['deployments', 'statefulsets', 'daemonsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs'];
const ROLES = ['roles', 'clusterroles'];

const spec = (verbs: string[], resources: string[], names: NameScope = 'all'): GrantSpec => ({ verbs, resources, names });

// What deleting each kind of object does: deleting a ConfigMap or a Service loses no data, so
// the message names what the grant reaches rather than the worst of the list.
const DELETION_EFFECTS: ReadonlyArray<{ resources: readonly string[]; effect: string }> = [
  { resources: ['namespaces'], effect: 'whole namespaces with everything in them' },
  { resources: ['pods', ...WORKLOADS], effect: 'running workloads' },
  { resources: ['persistentvolumeclaims', 'persistentvolumes'], effect: 'the volumes that keep application data' },
  { resources: ['secrets'], effect: 'the Secrets workloads read' },
  { resources: ['configmaps'], effect: 'the configuration workloads read' },
  { resources: ['services'], effect: 'the Services that route traffic to workloads' },
];

function deletionImpact(targets: readonly string[]): string | undefined {
  const effects = DELETION_EFFECTS.filter(d => d.resources.some(r => targets.includes(r))).map(d => d.effect);
  if (effects.length === 0) return undefined;
  const list = effects.length === 1 ? effects[0] : `${effects.slice(0, -1).join(', ')} and ${effects[effects.length - 1]}`;
  return `can delete ${list}`;
}

/** RB05-RB26 in catalogue order. */
export const DANGERS: readonly Danger[] = [
  { row: 'RB05', ruleId: 'restrict-secret-read-access', focus: 'resource', grant: spec(['get', 'list', 'watch'], ['secrets']),
    severity: 'High', impact: 'can read every Secret' },
  { row: 'RB06', ruleId: 'restrict-pod-exec-attach-port-forward', focus: 'resource', grant: spec(STREAM, ['pods/exec']),
    severity: 'High', impact: 'can run commands in any pod, with its service account token and Secrets' },
  { row: 'RB07', ruleId: 'restrict-pod-exec-attach-port-forward', focus: 'resource', grant: spec(STREAM, ['pods/attach']),
    severity: 'High', impact: 'can attach to the processes of any running container' },
  { row: 'RB08', ruleId: 'restrict-pod-exec-attach-port-forward', focus: 'resource', grant: spec(STREAM, ['pods/portforward']),
    severity: 'Medium', impact: 'can connect to the ports of any pod, around Services and NetworkPolicies' },
  { row: 'RB09', ruleId: 'restrict-workload-creation', focus: 'resource', grant: spec(['create'], ['pods', ...WORKLOADS]),
    severity: 'Medium', impact: 'can run any pod, with any service account of the namespace and its Secrets' },
  { row: 'RB10', ruleId: 'restrict-workload-deletion', focus: 'resource', grant: spec(DELETE, ['pods', ...WORKLOADS, 'services', 'secrets', 'configmaps', 'persistentvolumeclaims', 'persistentvolumes', 'namespaces']),
    severity: 'Medium', impact: 'can delete workloads and the data they keep', impactFor: deletionImpact },
  // One name is enough for `escalate` (the role can be rewritten to hold anything) and for
  // `impersonate` (the user may be an admin). `bind` limited to named roles is the documented way
  // to delegate binding: what it hands out is bounded by those roles.
  { row: 'RB11', ruleId: 'disallow-rbac-escalation-verbs', focus: 'verb', grant: spec(['escalate'], ROLES, 'some'),
    severity: 'Critical', impact: 'can write permissions it does not hold into roles' },
  { row: 'RB12', ruleId: 'disallow-rbac-escalation-verbs', focus: 'verb', grant: spec(['bind'], ROLES),
    severity: 'Critical', impact: 'can bind roles with permissions it does not hold' },
  { row: 'RB13', ruleId: 'disallow-rbac-escalation-verbs', focus: 'verb', grant: spec(['impersonate'], ['users', 'groups', 'serviceaccounts', 'uids'], 'some'),
    severity: 'Critical', impact: 'can act as other users, groups or service accounts' },
  { row: 'RB14', ruleId: 'restrict-role-binding-creation', focus: 'resource', grant: spec(['create'], ['rolebindings', 'clusterrolebindings']),
    with: spec(['bind'], ROLES),
    severity: 'High', impact: 'can bind any role, cluster-admin included, to any subject' },
  { row: 'RB15', ruleId: 'restrict-role-binding-patch', focus: 'resource', grant: spec(['patch'], ['rolebindings'], 'some'),
    with: spec(['get'], ['rolebindings'], 'some'),
    severity: 'Low', impact: 'can add subjects to existing role bindings' },
  { row: 'RB16', ruleId: 'disallow-node-proxy-access', focus: 'resource', grant: spec(['get', 'create'], ['nodes/proxy'], 'some'),
    severity: 'High', impact: 'can reach the kubelet API and run commands in every pod of a node' },
  { row: 'RB17', ruleId: 'restrict-admission-webhook-write', focus: 'resource', grant: spec(['create', 'update', 'patch', 'delete'], ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'], 'some'),
    severity: 'High', impact: 'can intercept, rewrite or switch off admission control' },
  { row: 'RB18', ruleId: 'restrict-csr-approval', focus: 'resource', grant: spec(['update', 'patch'], ['certificatesigningrequests/approval'], 'some'),
    with: spec(['approve'], ['signers'], 'some'),
    severity: 'High', impact: 'can approve certificate requests, issuing credentials for other identities' },
  { row: 'RB19', ruleId: 'restrict-service-account-token-creation', focus: 'resource', grant: spec(['create'], ['serviceaccounts/token']),
    severity: 'High', impact: 'can mint tokens for service accounts and act as them' },
  { row: 'RB20', ruleId: 'restrict-persistent-volume-creation', focus: 'resource', grant: spec(['create'], ['persistentvolumes']),
    severity: 'Medium', impact: 'can create PersistentVolumes that expose host paths' },
  { row: 'RB21', ruleId: 'disallow-service-status-write', focus: 'resource', grant: spec(['update', 'patch'], ['services/status'], 'some'),
    severity: 'Medium', impact: 'can set the load-balancer address of a Service and intercept traffic (CVE-2020-8554)' },
  { row: 'RB22', ruleId: 'restrict-network-object-write', focus: 'resource', grant: spec(WRITE, ['services', 'endpoints', 'endpointslices', 'networkpolicies', 'ingresses']),
    severity: 'Medium', impact: 'can redirect, expose or unprotect network traffic' },
  { row: 'RB23', ruleId: 'restrict-configmap-write', focus: 'resource', grant: spec(WRITE, ['configmaps']),
    severity: 'Medium', impact: 'can change configuration that workloads and cluster add-ons trust' },
  { row: 'RB24', ruleId: 'disallow-aws-auth-write', focus: 'resource', grant: spec(WRITE, ['configmaps'], { listed: ['aws-auth'] }),
    severity: 'High', impact: 'can map cloud identities to Kubernetes users and groups, system:masters included' },
  { row: 'RB25', ruleId: 'disallow-pod-log-deletion', focus: 'resource', grant: spec(DELETE, ['pods/log']),
    severity: 'Medium', impact: 'can delete pod logs and hide what happened' },
  { row: 'RB26', ruleId: 'disallow-event-deletion', focus: 'resource', grant: spec(DELETE, ['events']),
    severity: 'Medium', impact: 'can delete events and hide what happened' },
];

export interface DangerousGrant {
  ruleId: string;
  row: string;
  /** Index of the role rule that holds the grant. */
  ruleIndex: number;
  /** The grant in words: `"get", "list" on "secrets"`. */
  detail: string;
  /** The entry that shows it (index into that field of the rule's data). */
  at: { field: 'apiGroups' | 'resources' | 'verbs'; index: number };
  /** The matched verbs and resources as written. */
  verbs: string[];
  resources: string[];
  /** The catalogue resources granted: `nodes/proxy` also for a rule that grants it through a `*` + `/proxy` entry. RB01-RB03: the rule's resources. */
  targets: string[];
  severity: RowSeverity;
  impact: string;
  /**
   * A wildcard grant (RB01-RB03): the danger rows it stands for, shown in this rule only through
   * that `*` (a `*` verb on `secrets` is RB05 too). One finding answers for them all.
   */
  absorbs?: string[];
  /**
   * A danger row shown only through a `*` verb on a named resource: the wildcard row whose
   * finding answers for it (the role rules report it themselves only when that rule is off).
   */
  absorbedBy?: 'RB01' | 'RB03';
  /** For combined rows: the rule that holds the second grant. */
  withRuleIndex?: number;
  withDetail?: string;
}

export interface AssessOptions {
  /**
   * Also report a catalogue row when only `*` entries show it (the wildcard rows already report
   * those entries, so the role rules leave this off; a binding summary may want every danger).
   */
  expandWildcards?: boolean;
  /** 'namespace' for a Role: only what can be granted inside one namespace counts. Default 'cluster'. */
  scope?: 'cluster' | 'namespace';
}

interface Evidence { verbs: number[]; resources: number[]; targets: string[] }

function evidence(rule: PolicyRuleData, g: GrantSpec, scope: AssessOptions['scope']): Evidence | undefined {
  // What matchRule needs of every match, asked first: most rules hold none of a row's verbs or
  // resources, and a role is assessed against every row (this halves the CLI's RBAC time).
  if (!mayMatch(rule, g)) return undefined;
  const verbs = new Set<number>();
  const resources = new Set<number>();
  const targets = new Set<string>();
  const names = g.names;
  let requests: Array<{ rule: PolicyRuleData; name?: string }>;
  if (names === 'all') requests = [{ rule }];
  else if (names === 'some') requests = [{ rule: { ...rule, resourceNames: [] } }];
  else requests = names.listed.filter(n => rule.resourceNames.includes(n)).map(name => ({ rule, name }));
  for (const { rule: r, name } of requests) {
    for (const verb of g.verbs) {
      for (const resource of g.resources) {
        if (scope === 'namespace' && !grantableInNamespace(verb, resource)) continue;
        // `delete` on pods/log authorizes a request the API never serves.
        if (!servesVerb(resource, verb)) continue;
        for (const group of groupsOf(resource) ?? []) {
          const req: AccessRequest = { verb, group, resource, resourceName: name };
          const m = matchRule(r, req);
          m?.verbs.forEach(i => verbs.add(i));
          m?.resources.forEach(i => resources.add(i));
          if (m) targets.add(resource);
        }
      }
    }
  }
  if (verbs.size === 0) return undefined;
  const sort = (s: Set<number>) => [...s].sort((a, b) => a - b);
  return { verbs: sort(verbs), resources: sort(resources), targets: g.resources.filter(r => targets.has(r)) };
}

/** False when no request of `g` can match `rule`: no verb, or no resource entry, of the rule could take one. */
function mayMatch(rule: PolicyRuleData, g: GrantSpec): boolean {
  if (!rule.verbs.some(v => v === '*' || g.verbs.includes(v))) return false;
  return rule.resources.some(e => e === '*' || g.resources.includes(e) || (e.startsWith('*/') && g.resources.some(r => {
    const slash = r.indexOf('/');
    return slash >= 0 && r.slice(slash + 1) === e.slice(2);
  })));
}

function describe(rule: PolicyRuleData, e: Evidence, specificOnly: boolean): { verbs: string[]; resources: string[]; targets: string[]; detail: string } {
  const verbs = e.verbs.map(i => rule.verbs[i]);
  const all = e.resources.map(i => rule.resources[i]);
  const specific = all.filter(r => r !== '*');
  const resources = specificOnly && specific.length > 0 ? specific : all;
  return { verbs, resources, targets: e.targets, detail: `${quotedList(verbs)} on ${quotedList(resources)}` };
}

/** The entry a finding about `danger` points at, or undefined when only `*` entries show it. */
function anchor(rule: PolicyRuleData, d: Danger, e: Evidence, expand: boolean): DangerousGrant['at'] | undefined {
  const verb = e.verbs.find(i => rule.verbs[i] !== '*');
  const resource = e.resources.find(i => rule.resources[i] !== '*');
  if (d.focus === 'verb' && verb !== undefined) return { field: 'verbs', index: verb };
  if (resource !== undefined) return { field: 'resources', index: resource };
  if (!expand) return undefined;
  return d.focus === 'verb' ? { field: 'verbs', index: e.verbs[0] } : { field: 'resources', index: e.resources[0] };
}

/**
 * The wildcard grant that answers for danger `d` in this rule: the `*` verb when every verb
 * granting it is `*` (on a named resource too: "*" on secrets reads them), the `*` resource when
 * the anchor found no named resource; RB03 when the rule is a full wildcard.
 */
function absorberOf(wild: DangerousGrant[], rule: PolicyRuleData, _d: Danger, e: Evidence, at: DangerousGrant['at'] | undefined): DangerousGrant | undefined {
  const row = (r: string) => wild.find(w => w.row === r);
  const full = row('RB03');
  if (full) return full;
  const onlyWildVerbs = e.verbs.every(i => rule.verbs[i] === '*');
  if (onlyWildVerbs) return row('RB01');
  return at ? undefined : row('RB02');
}

/**
 * The dangerous grants of a role's rules: RB01-RB03 (wildcards; a full wildcard reports only
 * RB03) and every catalogue row RB05-RB26, by rule index then catalogue order. A combined row
 * (RB14, RB15, RB18) is reported on the rule holding its main grant, naming the other.
 */
export function assessRules(rules: readonly PolicyRuleData[], options: AssessOptions = {}): DangerousGrant[] {
  const expand = options.expandWildcards ?? false;
  const scope = options.scope ?? 'cluster';
  const out: DangerousGrant[] = [];
  rules.forEach((rule, ruleIndex) => {
    const wild = wildcards(rule, ruleIndex);
    out.push(...wild);
    for (const d of DANGERS) {
      const e = evidence(rule, d.grant, scope);
      if (!e) continue;
      // A combined row (create + bind, ...) is a danger only where the role holds its second grant too.
      const withSpec = d.with;
      const second = withSpec && secondGrant(rules, ruleIndex, withSpec, scope);
      if (withSpec && !second) continue;
      const at = anchor(rule, d, e, expand);
      // A row shown only through a `*` entry is the wildcard finding's to answer for: one
      // finding per rule entry. Combined rows shown by a named entry name their second grant and
      // are reported on their own, except in a full wildcard, which holds both grants itself.
      const by = withSpec && at && !wild.some(w => w.row === 'RB03') ? undefined : absorberOf(wild, rule, d, e, at);
      if (by && !(by.absorbs ??= []).includes(d.row)) by.absorbs.push(d.row);
      if (!at) continue;
      const found: DangerousGrant = { ruleId: d.ruleId, row: d.row, ruleIndex, at, severity: d.severity, impact: d.impactFor?.(e.targets) ?? d.impact, ...describe(rule, e, !expand) };
      if (by && (by.row === 'RB01' || by.row === 'RB03')) found.absorbedBy = by.row;
      if (second) {
        const other = second.ruleIndex;
        const w = describe(rules[other], second.evidence, false);
        found.withRuleIndex = other;
        found.withDetail = w.detail;
        // get + patch on rolebindings in one rule reads `"get", "patch" on "rolebindings"`.
        const sameEntries = other === ruleIndex && quotedList(w.resources) === quotedList(found.resources);
        found.detail = sameEntries ? `${quotedList([...w.verbs, ...found.verbs])} on ${quotedList(found.resources)}` : `${found.detail} and ${w.detail}`;
      }
      out.push(found);
    }
    // The wildcard finding says what the rows it answers for would have said: the worst two.
    for (const w of wild) if (w.row !== 'RB03' && w.absorbs?.length) w.impact += absorbedImpact(w.absorbs);
  });
  return out;
}

/** A combined row's second grant: in the same rule first, else in the first rule of the role that holds it. */
function secondGrant(rules: readonly PolicyRuleData[], ruleIndex: number, spec: GrantSpec, scope: AssessOptions['scope']): { ruleIndex: number; evidence: Evidence } | undefined {
  const own = evidence(rules[ruleIndex], spec, scope);
  if (own) return { ruleIndex, evidence: own };
  for (let i = 0; i < rules.length; i++) {
    const e = i === ruleIndex ? undefined : evidence(rules[i], spec, scope);
    if (e) return { ruleIndex: i, evidence: e };
  }
  return undefined;
}

const RANK: Record<RowSeverity, number> = { Critical: 0, High: 1, Medium: 2, Low: 3 };

/** `, so it can read every Secret and can run any pod (and 3 more)`, worst first. */
function absorbedImpact(rows: readonly string[]): string {
  const dangers = rows.map(r => DANGERS.find(d => d.row === r)!).sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  const named = dangers.slice(0, 2).map(d => d.impact).join(' and ');
  return dangers.length > 2 ? `, so it ${named} (and ${dangers.length - 2} more)` : `, so it ${named}`;
}
