// RB01-RB03: `*` in a role rule's verbs or resources. What a wildcard reaches depends on the
// rule's other fields, and the message says only that: escalate and bind mean something on
// roles and clusterroles alone, impersonate on users, groups, service accounts, uids and user
// extras; every verb on `pods/log` is `get`, the only verb that subresource serves; every
// resource of `metrics.k8s.io` is no `pods/exec`.
import type { DangerousGrant } from './rbac';
import { groupsOf, PolicyRuleData } from './rbac-match';
import { onlyKnownSubresources } from './rbac-subresources';

export const WILDCARD_RULE_IDS = { RB01: 'disallow-wildcard-verbs', RB02: 'disallow-wildcard-resources', RB03: 'disallow-full-wildcard-rules' } as const;

/** Values listed in a message: each once, the first few, then how many more. */
export function quotedList(values: readonly string[], max = 5): string {
  const unique = [...new Set(values)];
  const shown = unique.slice(0, max).map(v => `"${v}"`).join(', ');
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}

const words = (items: string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** Whether the rule reaches one of `resources` (by name or `*`, in an API group that serves it). */
function reaches(rule: PolicyRuleData, resources: readonly string[]): boolean {
  return resources.some(r =>
    (rule.resources.includes('*') || rule.resources.includes(r)) &&
    (rule.apiGroups.includes('*') || (groupsOf(r) ?? []).some(g => rule.apiGroups.includes(g))));
}

const ESCALATING = ['roles', 'clusterroles'];
const IMPERSONABLE = ['users', 'groups', 'serviceaccounts', 'uids', 'userextras'];

function verbsImpact(rule: PolicyRuleData): string {
  const special = [...(reaches(rule, ESCALATING) ? ['escalate', 'bind'] : []), ...(reaches(rule, IMPERSONABLE) ? ['impersonate'] : [])];
  return `can use every verb on them, ${words([...special, 'verbs added later'])} included`;
}

function resourcesImpact(rule: PolicyRuleData): string {
  const groups = rule.apiGroups.filter(g => g !== '*');
  if (rule.apiGroups.includes('*') || groups.includes('')) return 'reaches every resource of its API groups, subresources (pods/exec) and resources added later included';
  return `reaches every resource of ${quotedList(groups)}, resources added later included`;
}

/** The wildcard grants of one rule: RB03 alone for a full wildcard, else RB01 and RB02 as written. */
export function wildcards(data: PolicyRuleData, ruleIndex: number): DangerousGrant[] {
  // An empty string names nothing the API serves: `verbs: [""]` grants no verb, `resources: [""]` no resource.
  const rule = { ...data, verbs: data.verbs.filter(v => v !== ''), resources: data.resources.filter(r => r !== '') };
  // nonResourceURLs-only rules (`/metrics`, `*` for cluster-admin's second rule) grant no resource.
  if (rule.resources.length === 0 || rule.verbs.length === 0 || rule.apiGroups.length === 0) return [];
  const verb = data.verbs.indexOf('*');
  const resource = data.resources.indexOf('*');
  const group = data.apiGroups.indexOf('*');
  const base = { ruleIndex, verbs: rule.verbs, resources: rule.resources, targets: rule.resources };
  if (verb >= 0 && resource >= 0 && group >= 0) {
    return [{
      ...base, ruleId: WILDCARD_RULE_IDS.RB03, row: 'RB03', severity: 'Critical', at: { field: 'apiGroups', index: group },
      detail: 'every verb on every resource of every API group', impact: 'holds every permission, as cluster-admin does',
    }];
  }
  const out: DangerousGrant[] = [];
  // `*` on subresources that serve known verbs grants those verbs and nothing more: what they
  // open (exec, token creation) is reported by the row that names it.
  if (verb >= 0 && !onlyKnownSubresources(rule.resources)) {
    out.push({
      ...base, ruleId: WILDCARD_RULE_IDS.RB01, row: 'RB01', severity: 'High', at: { field: 'verbs', index: verb },
      detail: `every verb ("*") on ${quotedList(rule.resources)}`, impact: verbsImpact(rule),
    });
  }
  if (resource >= 0) {
    out.push({
      ...base, ruleId: WILDCARD_RULE_IDS.RB02, row: 'RB02', severity: 'High', at: { field: 'resources', index: resource },
      detail: `${quotedList(rule.verbs)} on every resource ("*")`, impact: resourcesImpact(rule),
    });
  }
  return out;
}
