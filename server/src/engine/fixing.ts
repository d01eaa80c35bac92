// Fixing many findings at once: "fix all safe problems", "fix all <rule> problems", "harden this
// workload" and the CLI's --fix. Each pass lints the current text, applies the non-overlapping
// fixes, and repeats to a fixed point with a cap (ruff and ESLint do the same), so fixes that
// touch the same map (two keys into one new securityContext) land over successive passes.
import { LintConfig } from './config';
import { fixToFixedPoint, TextEdit } from './fix/edit';
import { Finding, lintParsed, resolveConfig } from './lint';
import { parseFile } from './model/parse';
import { FixSafety } from './rule';
import { WorkspaceIndex } from './workspace';
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
  /** The file's URI, for rules that read the workspace. */
  uri?: string;
  /**
   * The workspace the file belongs to. Each pass lints against a copy in which this file holds
   * the pass's text; the index itself is not changed.
   */
  workspace?: WorkspaceIndex;
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

export function fixAll(text: string, config: Partial<LintConfig> | undefined, opts: FixAllOptions): FixAllResult {
  const resolved = resolveConfig(config);
  const fixable = (t: string) => {
    const parsed = parseFile(t, { helmTemplate: opts.helmTemplate });
    const uri = opts.uri;
    const workspace = opts.workspace && uri ? opts.workspace.withFile(uri, summarizeFile(uri, parsed)) : undefined;
    return selectFixable(lintParsed(parsed, resolved, { uri, workspace }).findings, opts);
  };
  let before = -1;
  const result = fixToFixedPoint(text, current => {
    const found = fixable(current);
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
