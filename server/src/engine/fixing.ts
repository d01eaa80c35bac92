// Fixing many findings at once: "fix all safe problems", "fix all <rule> problems", "harden this
// workload" and the CLI's --fix. Each pass lints the current text, applies the non-overlapping
// fixes, and repeats to a fixed point with a cap (ruff and ESLint do the same), so fixes that
// touch the same map (two keys into one new securityContext) land over successive passes.
import { ConfigInput } from './config';
import { fixToFixedPoint, TextEdit } from './fix/edit';
import { Finding, LintOptions, lintParsed, resolveConfig } from './lint';
import { parseFile } from './model/parse';
import { FixSafety, Rule } from './rule';
import { summarizeFile } from './workspace/summary';

export interface FixAllOptions {
  /** `safe`: only safe fixes (fix-all, on save, --fix); `unsafe`: safe and unsafe (--fix-unsafe, harden). */
  safety: FixSafety;
  /** Only this rule's findings. */
  ruleId?: string;
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
}

export function selectFixable(findings: readonly Finding[], opts: FixAllOptions): Finding[] {
  return findings.filter(f =>
    f.fix
    && (opts.safety === 'unsafe' || f.fix.safety === 'safe')
    && (!opts.ruleId || f.ruleId === opts.ruleId)
    && (!opts.object || (f.object.docIndex === opts.object.docIndex && f.object.kind === opts.object.kind && f.object.name === opts.object.name)));
}

export function fixAll(text: string, config: ConfigInput | undefined, opts: FixAllOptions): FixAllResult {
  const resolved = resolveConfig(config, opts.rules);
  const fixable = (t: string) => {
    const parsed = parseFile(t, { helmTemplate: opts.helmTemplate });
    const { uri, workspace } = opts.lint ?? {};
    const current = workspace && uri ? workspace.withFile(uri, summarizeFile(uri, parsed)) : workspace;
    return selectFixable(lintParsed(parsed, resolved, { uri, workspace: current }).findings, opts);
  };
  let before = -1;
  const result = fixToFixedPoint(text, current => {
    const found = before < 0 && opts.initial ? selectFixable(opts.initial, opts) : fixable(current);
    if (before < 0) before = found.length;
    return found.map(f => f.fix!.edits()).filter((e): e is TextEdit[] => !!e && e.length > 0);
  }, opts.maxPasses ?? 10);
  const after = result.text === text ? before : fixable(result.text).length;
  return { text: result.text, converged: result.converged, passes: result.passes, fixed: Math.max(0, before - after) };
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
