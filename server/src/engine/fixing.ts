// Fixing many findings at once: "fix all safe problems", "fix all <rule> problems", "harden this
// workload" and the CLI's --fix. Each pass lints the current text, applies the non-overlapping
// fixes, and repeats to a fixed point with a cap (ruff and ESLint do the same), so fixes that
// touch the same map (two keys into one new securityContext) land over successive passes.
import { ConfigInput } from './config';
import { applyEdits, applyFixes, TextEdit } from './fix/edit';
import { integrityOf, refusal } from './fix/integrity';
import { Finding, LintOptions, lintParsed, resolveConfig, RuleFailure } from './lint';
import { parseFile } from './model/parse';
import { FixSafety, Rule } from './rule';
import { summarizeFile } from './workspace/summary';
import type { SuppressedFinding } from './suppress';

export interface FixAllOptions {
  /** `safe`: only safe fixes (fix-all, on save, --fix); `unsafe`: safe and unsafe (--fix-unsafe, harden). */
  safety: FixSafety;
  /** Only this rule's findings. */
  ruleId?: string;
  /** Rules whose unsafe fixes are left out (a node agent's privileges, see fix/node-agent.ts). */
  keepRules?: readonly string[];
  /** Only findings on this object (document index, and object index within a `List`). */
  object?: { docIndex: number; kind: string; name?: string };
  helmTemplate?: boolean;
  /** Passes that may change the text (default 10). */
  maxPasses?: number;
  /**
   * The findings of `text` under the same configuration, when the caller already has them (the
   * language server keeps one lint per document version): the first pass then lints nothing.
   */
  initial?: readonly Finding[];
  /** The suppressed findings of the same lint as `initial`: no fix may touch their nodes. */
  initialSuppressed?: readonly SuppressedFinding[];
  /** The rules to run (default: the registry); tests pass their own. */
  rules?: readonly Rule[];
  /**
   * The file's URI and the workspace model, so fixes see what the findings saw. Each pass lints
   * against a copy of the workspace in which this file holds the pass's text; the index itself
   * is not changed.
   */
  lint?: LintOptions;
}

export interface FixAllResult {
  text: string;
  /** False when fixes kept re-triggering or could not be applied within the cap: a bug. */
  converged: boolean;
  passes: number;
  /** Selected findings with a fix before, less those still there after: what was fixed. */
  fixed: number;
  /**
   * Fixes left out because their result would not parse, would repeat a key, would turn JSON into
   * YAML, would break an API validation rule, or would touch a suppressed finding: `title: why`.
   */
  refused: string[];
  /**
   * Rules whose fix builders threw while the fixes were worked out (each once): isolated as a
   * lint isolates rules, and for the front end to report, never silently left out.
   */
  failures: RuleFailure[];
}

export function selectFixable(findings: readonly Finding[], opts: FixAllOptions): Finding[] {
  return findings.filter(f =>
    f.fix
    && (opts.safety === 'unsafe' || f.fix.safety === 'safe')
    && (f.fix.safety === 'safe' || !opts.keepRules?.includes(f.ruleId))
    && (!opts.ruleId || f.ruleId === opts.ruleId)
    && (!opts.object || (f.object.docIndex === opts.object.docIndex && f.object.kind === opts.object.kind && f.object.name === opts.object.name)));
}

/** A fix as fix-all weighs it: its edits, and a key that finds it again in the next pass. */
interface Candidate { key: string; title: string; edits: TextEdit[] }

/** Spans of suppressed findings' nodes: the author said to leave them as they are. */
function protectedSpans(suppressed: readonly SuppressedFinding[] | undefined): Array<[number, number]> {
  return (suppressed ?? []).map(s => s.finding.offsets);
}

function touches(edits: readonly TextEdit[], spans: ReadonlyArray<[number, number]>): boolean {
  return edits.some(e => spans.some(([a, b]) => e.start < b && a < Math.max(e.end, e.start + 1) && !(e.start === e.end && (e.start === a || e.start === b))));
}

export function fixAll(text: string, config: ConfigInput | undefined, opts: FixAllOptions): FixAllResult {
  const resolved = resolveConfig(config, opts.rules);
  const lintText = (t: string) => {
    const parsed = parseFile(t, { helmTemplate: opts.helmTemplate });
    const { uri, workspace } = opts.lint ?? {};
    const current = workspace && uri ? workspace.withFile(uri, summarizeFile(uri, parsed)) : workspace;
    return lintParsed(parsed, resolved, { uri, workspace: current });
  };
  const refusedKeys = new Set<string>();
  const refused: string[] = [];
  const refuse = (c: Candidate, why: string) => {
    if (refusedKeys.has(c.key)) return;
    refusedKeys.add(c.key);
    refused.push(`${c.title}: ${why}`);
  };
  const candidates = (findings: readonly Finding[], suppressed: readonly SuppressedFinding[] | undefined): Candidate[] => {
    const spans = protectedSpans(suppressed);
    const out: Candidate[] = [];
    for (const f of selectFixable(findings, opts)) {
      const key = `${f.ruleId}|${f.messageId}|${f.object.docIndex}|${f.object.kind}|${f.object.name ?? ''}|${f.fix!.title}`;
      if (refusedKeys.has(key)) continue;
      const edits = f.fix!.edits();
      if (!edits || edits.length === 0) continue;
      const c = { key, title: f.fix!.title, edits };
      if (touches(edits, spans)) { refuse(c, 'it would change a suppressed finding'); continue; }
      out.push(c);
    }
    return out;
  };
  const failures: RuleFailure[] = [];
  const failed = new Set<string>();
  const recordFailures = (list: readonly RuleFailure[]) => {
    for (const f of list) {
      const key = `${f.ruleId}\u0000${f.error}`;
      if (!failed.has(key)) { failed.add(key); failures.push(f); }
    }
  };
  let cur = text;
  let before = -1;
  let passes = 0;
  let converged = false;
  const maxPasses = opts.maxPasses ?? 10;
  for (let pass = 0; ; pass++) {
    const linted = pass === 0 && opts.initial ? { findings: opts.initial, suppressed: opts.initialSuppressed } : lintText(cur);
    if (before < 0) before = selectFixable(linted.findings, opts).length;
    const found = candidates(linted.findings, linted.suppressed);
    // Fix builders run in these lints only (a report's lint may build none): what they threw is
    // said by fix-all. The rules' checks fail alike in the report's own lint, which says it.
    if ('failures' in linted) recordFailures(linted.failures.filter(f => f.inFix));
    if (found.length === 0) { converged = true; break; }
    if (pass >= maxPasses) break;
    const refusedBefore = refused.length;
    const next = applyChecked(cur, found, opts.helmTemplate, refuse);
    if (next === undefined) break;
    // Only refusals this pass: the next one goes on without them (they are remembered).
    if (next === cur) { if (refused.length > refusedBefore) continue; converged = true; break; }
    cur = next;
    passes++;
  }
  const after = cur === text ? before : selectFixable(lintText(cur).findings, opts).length;
  return { text: cur, converged, passes, fixed: Math.max(0, before - after), refused, failures };
}

/**
 * Applies the non-overlapping candidates whose result keeps the text's integrity. The whole set is
 * tried first (one parse); when the result is refused, each fix is judged alone and the culprits
 * are left out (the text comes back unchanged when all were). Undefined when no edit applies.
 */
function applyChecked(text: string, found: readonly Candidate[], helmTemplate: boolean | undefined, refuse: (c: Candidate, why: string) => void): string | undefined {
  const base = integrityOf(text, { helmTemplate });
  const judge = (t: string) => refusal(base, integrityOf(t, { helmTemplate }));
  const all = applyFixes(text, found.map(c => c.edits));
  // Nothing applicable (malformed edits): a bug, reported as not converging.
  if (all.applied.length === 0) return undefined;
  if (!judge(all.text)) return all.text;
  const good: Candidate[] = [];
  for (const c of found) {
    if (!all.applied.includes(c.edits)) continue;
    const alone = applyFixes(text, [c.edits]).text;
    const why = judge(alone);
    if (why) refuse(c, why); else good.push(c);
  }
  if (good.length === 0) return text;
  // Each is fine alone; together they may still clash (two keys into one new map): one per pass then.
  const together = applyFixes(text, good.map(c => c.edits)).text;
  return judge(together) ? applyFixes(text, [good[0].edits]).text : together;
}

/**
 * Why one fix's edits may not be applied to `text` (its result would not parse, would repeat a
 * key, would turn JSON into YAML or break an API rule), or undefined when they may.
 */
export function fixRefusal(text: string, edits: readonly TextEdit[], options: { helmTemplate?: boolean } = {}): string | undefined {
  const out = applyEdits(text, edits);
  if (out.dropped.length > 0) return 'its edits overlap';
  return refusal(integrityOf(text, options), integrityOf(out.text, options));
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept), for
 * front ends that send one versioned edit for a whole fix-all.
 */
export function diffToEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length, endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) { endB--; endA--; }
  return { start, end: endB, newText: after.slice(start, endA) };
}
