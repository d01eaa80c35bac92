// Every rule, in catalogue order: by the catalogue row (catalogue-rows.ts) each rule names first
// in `covers`; of two rules on one row the narrower (fewer rows) first, then by id. The list of rules itself is generated from the rule files
// (rules/all.ts, npm run docs): adding a rule touches its file and its test, nothing else.
import { CATALOGUE_ROWS } from './catalogue-rows';
import { Rule } from './rule';
import { ALL_RULES } from './rules/all';

const rowIndex = new Map(CATALOGUE_ROWS.map((r, i) => [r.id, i]));
const position = (r: Rule) => rowIndex.get(r.covers[0]) ?? CATALOGUE_ROWS.length;

export const RULES: readonly Rule[] = [...ALL_RULES].sort((a, b) => position(a) - position(b) || a.covers.length - b.covers.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.id === id);
}
