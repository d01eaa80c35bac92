// The RBAC domain's facts: a role's rules (with where each entry is written, for related
// locations in other files) and aggregation, a binding's roleRef and subjects, a
// ServiceAccount's own token automount. The RBAC graph over them is in rbac.ts.
import { isMap } from 'yaml';
import type { K8sObject, ParsedFile } from '../../model/parse';
import { nodeOffsets } from '../../model/ranges';
import { isRole, policyRulesOf, PolicyRuleData, RBAC_GROUP } from '../../model/rbac';
import type { Range } from '../../model/text';
import { get, getMap, getSeq, isFalse, seqItems, str } from '../../model/yaml-nav';
import { LabelSelector, readSelector } from '../selector';
import type { ObjectSummary } from '../summary';

declare module '../summary' {
  interface ObjectSummary {
    /** Role / ClusterRole: its rules and aggregation (RB33); its labels are `labels`. */
    role?: RoleFacts;
    /** RoleBinding / ClusterRoleBinding: what it binds to whom. */
    binding?: BindingFacts;
    /** ServiceAccount: its own token automount setting (SA01, SA07). */
    serviceAccount?: { automountToken?: boolean };
  }
}

/** One entry of a role's `rules`, with where its entries are written (for related locations in other files). */
export interface RoleRuleFacts extends PolicyRuleData {
  /** The rule item (its first key). */
  range: Range;
  /** Per field, where each entry of the data is written (same order as the data). */
  ranges: Record<'apiGroups' | 'resources' | 'verbs', Range[]>;
}

export interface RoleFacts {
  rules: RoleRuleFacts[];
  /** `aggregationRule.clusterRoleSelectors` of a ClusterRole: its rules are the union of the ClusterRoles they select. */
  aggregation?: LabelSelector[];
}

export interface SubjectFacts {
  kind: string;
  name: string;
  /** As written. A ServiceAccount subject of a RoleBinding without one means the binding's namespace (see workspace/rbac.ts). */
  namespace?: string;
}

export interface BindingFacts {
  roleRef: { kind: string; name: string };
  subjects: SubjectFacts[];
}

export function extractRbacFacts(o: K8sObject, file: ParsedFile, into: ObjectSummary): void {
  if (isRole(o)) into.role = roleFacts(o, file);
  if (o.group === RBAC_GROUP && (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding')) into.binding = bindingFacts(o);
  if (o.kind === 'ServiceAccount' && o.group === '') {
    const automount = get(o.node, 'automountServiceAccountToken', o.doc);
    into.serviceAccount = { automountToken: automount ? !isFalse(automount) : undefined };
  }
}

function roleFacts(o: K8sObject, file: ParsedFile): RoleFacts {
  const range = (n: Parameters<typeof nodeOffsets>[0]): Range => {
    const off = nodeOffsets(n) ?? [0, 0];
    return { start: file.lines.positionAt(off[0]), end: file.lines.positionAt(off[1]) };
  };
  const facts: RoleFacts = {
    rules: policyRulesOf(o).map(r => ({
      ...r.data,
      range: range(r.site),
      ranges: { apiGroups: r.apiGroups.entries.map(e => range(e.node)), resources: r.resources.entries.map(e => range(e.node)), verbs: r.verbs.entries.map(e => range(e.node)) },
    })),
  };
  const agg = getMap(o.node, 'aggregationRule', o.doc);
  if (o.kind === 'ClusterRole' && agg) {
    facts.aggregation = seqItems(getSeq(agg, 'clusterRoleSelectors', o.doc), o.doc)
      .map(r => (isMap(r.value) ? readSelector(r.value, o.doc) : { matchLabels: {}, matchExpressions: [], invalid: true }));
  }
  return facts;
}

function bindingFacts(o: K8sObject): BindingFacts {
  const ref = getMap(o.node, 'roleRef', o.doc);
  return {
    roleRef: { kind: str(get(ref, 'kind', o.doc)) ?? '', name: str(get(ref, 'name', o.doc)) ?? '' },
    subjects: seqItems(getSeq(o.node, 'subjects', o.doc), o.doc).flatMap(r => {
      if (!isMap(r.value)) return [];
      const namespace = str(get(r.value, 'namespace', o.doc));
      const subject: SubjectFacts = { kind: str(get(r.value, 'kind', o.doc)) ?? '', name: str(get(r.value, 'name', o.doc)) ?? '' };
      if (namespace) subject.namespace = namespace;
      return [subject];
    }),
  };
}
