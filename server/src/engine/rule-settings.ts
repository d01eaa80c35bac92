// `rules` keys: an exact rule id, a glob over rule ids (`disallow-host-*`, `require-?pu-limit`),
// or a category (`category:rbac`). When several keys name a rule the most specific wins: an
// exact id, then the glob with the most literal characters (the later key on a tie), then the
// category. Only an exact id turns on a rule the level or preset leaves off (an opt-in rule, a
// restricted rule at baseline): `"*": error` re-grades the rules in force, it does not enable
// the whole catalogue behind the user's back. `off` turns off whatever it names.
import type { RuleSetting } from './config';
import type { Category, RuleMeta } from './rule';

export const CATEGORIES: readonly Category[] = [
  'pod-security', 'workload-hardening', 'service-accounts', 'rbac', 'network', 'secrets', 'images', 'resources', 'namespaces', 'misc',
];

export type RuleKey =
  | { type: 'id'; id: string }
  | { type: 'glob'; pattern: RegExp; literals: number }
  | { type: 'category'; category: Category };

const CATEGORY_PREFIX = 'category:';

/** What a `rules` key names; a string describing the mistake when it names nothing that can exist. */
export function parseRuleKey(key: string): RuleKey | string {
  if (key.startsWith(CATEGORY_PREFIX)) {
    const name = key.slice(CATEGORY_PREFIX.length);
    const category = CATEGORIES.find(c => c === name);
    return category ? { type: 'category', category } : `Unknown category "${name}": use one of ${CATEGORIES.map(c => CATEGORY_PREFIX + c).join(', ')}.`;
  }
  if (!/^[a-z0-9*?-]+$/.test(key)) return `"${key}" is not a rule id, a glob over rule ids (disallow-host-*) or a category (category:rbac).`;
  if (!/[*?]/.test(key)) return { type: 'id', id: key };
  const source = key.replace(/[*?]/g, ch => (ch === '*' ? '.*' : '.'));
  return { type: 'glob', pattern: new RegExp(`^${source}$`), literals: key.replace(/[*?]/g, '').length };
}

export function keyMatches(key: RuleKey, rule: Pick<RuleMeta, 'id' | 'category'>): boolean {
  switch (key.type) {
    case 'id': return key.id === rule.id;
    case 'glob': return key.pattern.test(rule.id);
    case 'category': return key.category === rule.category;
  }
}

export interface RuleSettingMatch {
  setting: RuleSetting;
  /** True when the rule is named by its exact id (which may turn an opt-in rule on). */
  exact: boolean;
}

const parsedKeys = new Map<string, RuleKey | string>();

function parsed(key: string): RuleKey | string {
  let hit = parsedKeys.get(key);
  if (hit === undefined) {
    if (parsedKeys.size > 1024) parsedKeys.clear();
    parsedKeys.set(key, hit = parseRuleKey(key));
  }
  return hit;
}

/** The setting that applies to `rule` under `rules`, by specificity; undefined when no key names it. */
export function settingFor(rules: Readonly<Record<string, RuleSetting>>, rule: Pick<RuleMeta, 'id' | 'category'>): RuleSettingMatch | undefined {
  const exact = rules[rule.id];
  if (exact !== undefined) return { setting: exact, exact: true };
  let best: { setting: RuleSetting; rank: number } | undefined;
  for (const [k, setting] of Object.entries(rules)) {
    const key = parsed(k);
    if (typeof key === 'string' || key.type === 'id' || !keyMatches(key, rule)) continue;
    const rank = key.type === 'glob' ? 1 + key.literals : 0;
    if (!best || rank >= best.rank) best = { setting, rank };
  }
  return best && { setting: best.setting, exact: false };
}

/** Why a `rules` key names no rule of `known` (unknown id, a glob matching nothing), if so. */
export function ruleKeyProblem(key: string, known: readonly Pick<RuleMeta, 'id' | 'category'>[]): string | undefined {
  const k = parseRuleKey(key);
  if (typeof k === 'string') return k;
  if (known.some(r => keyMatches(k, r))) return undefined;
  if (k.type === 'id') return `Unknown rule "${key}": run "kube-harden rules" for the list.`;
  if (k.type === 'glob') return `"${key}" matches no rule.`;
  return undefined; // a category with no rule yet is not a mistake
}
