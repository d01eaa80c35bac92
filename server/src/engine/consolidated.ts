// A finding that answers for catalogue rows of other rules, and how configuration reaches it.
//
// One finding stands for several rules' rows when one rule replaces another (a restricted check
// over the baseline check of the same control, `overrides`) or when its finding says all that
// theirs would (a `*` verb on `secrets` is a wildcard and a read of every Secret: one finding,
// covers RB01 and RB05). Its rows decide its severity: each row answers to the rules that own
// it, and the finding takes the highest severity in force among them (the severity configured
// for a rule, else its default). A rule turned off stops counting; the finding disappears only
// when the rule it is reported under is off, and then the rules it replaced report their own
// findings again, so it is gone only when every rule it stands for is off.
import type { Rule, Severity } from './rule';

/** A rule in force under the configuration (replaced ones included), with the severity set for it. */
export interface RuleInForce {
  rule: Rule;
  configured?: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const higher = (a: Severity, b: Severity): Severity => (RANK[b] > RANK[a] ? b : a);

/**
 * The rules other than `rule` whose rows the finding answers for: for a row of its own, the
 * rules it replaces that cover the row; for a row it carries beyond its own (a consolidated
 * finding), the rules of the object's kind that cover it.
 */
export function rowOwners(rule: Rule, kind: string, covers: readonly string[], inForce: ReadonlyMap<string, RuleInForce>): RuleInForce[] {
  const owners = new Set<RuleInForce>();
  for (const row of covers) {
    if (rule.covers.includes(row)) {
      for (const id of rule.overrides ?? []) {
        const o = inForce.get(id);
        if (o?.rule.covers.includes(row)) owners.add(o);
      }
      continue;
    }
    for (const o of inForce.values()) {
      if (o.rule !== rule && o.rule.covers.includes(row) && (!o.rule.kinds || o.rule.kinds.includes(kind))) owners.add(o);
    }
  }
  return [...owners];
}

/**
 * The severity of a finding of `rule`: what the user configured for the rule, else the one the
 * finding was reported at, else the rule's; raised to that of each other rule it answers for.
 * A replacing rule reports a replaced rule's severity for that rule's rows itself: that part is
 * taken from the replaced rule (its setting, or off), never from the report.
 */
export function findingSeverity(
  rule: Rule, kind: string, covers: readonly string[], reported: Severity | undefined, configured: Severity | undefined,
  inForce: ReadonlyMap<string, RuleInForce>, ruleById: (id: string) => Rule | undefined,
): Severity {
  const owners = rowOwners(rule, kind, covers, inForce);
  // Whether the finding holds a row of a rule it replaces, in force or turned off.
  const replaces = (rule.overrides ?? []).some(id => ruleById(id)?.covers.some(row => covers.includes(row)));
  let severity = replaces ? (configured ?? rule.severity) : (configured ?? reported ?? rule.severity);
  for (const o of owners) severity = higher(severity, o.configured ?? o.rule.severity);
  return severity;
}

/** The default severity of each row of `rule`: its own, raised to that of a rule it replaces that covers the row. */
export function rowSeverities(rule: Rule, rules: readonly Rule[]): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const row of rule.covers) {
    let s = rule.severity;
    for (const id of rule.overrides ?? []) {
      const o = rules.find(r => r.id === id);
      if (o?.covers.includes(row)) s = higher(s, o.severity);
    }
    out[row] = s;
  }
  return out;
}
