// What a fix's result must still be: YAML that parses, with no key repeated in a map, JSON when
// the file was JSON, and no pod spec the API server rejects (constraints.ts). Every fix result
// is judged against the text it was made from before it is offered or written; a result that
// is worse in any of these ways is refused with the reason, whatever the builder intended.
import { Document, isMap, isPair, isScalar, isSeq } from 'yaml';
import { parseFile } from '../model/parse';
import { podSpecOf } from '../model/workload';
import { apiViolations } from './constraints';
import { appendAll } from '../util/arrays';

export interface Integrity {
  /** Syntax errors over all documents. */
  errors: number;
  /** First error message, for the refusal. */
  firstError?: string;
  /** `key` of each map that holds it more than once (`<<` merges aside). */
  duplicates: string[];
  /** The whole text is a JSON value (a `.json` manifest): it must stay one. */
  json: boolean;
  /** API validation rules broken, as `where: constraint` strings. */
  violations: Set<string>;
}

function duplicateKeys(doc: Document): string[] {
  const out: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > 200) return;
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && typeof pair.key.value !== 'symbol' && pair.key.value !== '<<') {
          const k = String(pair.key.value);
          if (seen.has(k)) out.push(k);
          seen.add(k);
        }
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
    }
  };
  walk(doc.contents, 0);
  return out;
}

function isJson(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return false;
  try { JSON.parse(t); return true; } catch { return false; }
}

export function integrityOf(text: string, options: { helmTemplate?: boolean } = {}): Integrity {
  const parsed = parseFile(text, options);
  let errors = 0;
  let firstError: string | undefined;
  const duplicates: string[] = [];
  const violations = new Set<string>();
  for (const d of parsed.documents) {
    errors += d.doc.errors.length;
    firstError ??= d.doc.errors[0]?.message.split('\n')[0];
    appendAll(duplicates, duplicateKeys(d.doc));
    for (const object of d.objects) {
      const pod = podSpecOf(object);
      if (!pod) continue;
      const where = `${object.kind}${object.name ? ` "${object.name}"` : ''}`;
      for (const v of apiViolations(pod)) violations.add(`${where}: ${v}`);
    }
  }
  if (parsed.skipped === 'unparseable') errors++;
  return { errors, firstError, duplicates, json: isJson(text), violations };
}

/** Counts of each string in `list`. */
function counts(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/**
 * Why `after` may not replace the text `before` describes, or undefined when it may: a new
 * syntax error, a key repeated where it was not, JSON turned into YAML, or an API rule broken.
 */
export function refusal(before: Integrity, after: Integrity): string | undefined {
  if (after.errors > before.errors) return `the result would not parse (${after.firstError ?? 'syntax error'})`;
  const had = counts(before.duplicates);
  for (const [k, n] of counts(after.duplicates)) if (n > (had.get(k) ?? 0)) return `the result would repeat the key "${k}"`;
  if (before.json && !after.json) return 'the result would no longer be JSON';
  for (const v of after.violations) if (!before.violations.has(v)) return `the API server would reject the result (${v})`;
  return undefined;
}
