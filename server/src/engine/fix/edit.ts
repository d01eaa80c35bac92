// Applying text edits. One fix may need several edits (`securityContext: {}` + a removed line);
// they go together or not at all. Several fixes at once (fix-all) are applied as ESLint does:
// sorted, a fix that overlaps or touches an accepted one is dropped whole, and the caller re-lints
// and repeats to a fixed point (with a cap) for what was dropped.

/** Replace `[start, end)` of the original text (UTF-16 offsets) with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** The edits of one fix, over the same original text, applied together. */
export type Fix = readonly TextEdit[];

export interface ApplyResult {
  text: string;
  applied: TextEdit[];
  /** Edits not applied: overlapping an earlier one (in sorted order) or outside the text. */
  dropped: TextEdit[];
}

function validIn(text: string, e: TextEdit): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end >= e.start && e.end <= text.length;
}

function sorted<T>(items: readonly T[], edit: (t: T) => TextEdit): T[] {
  return items
    .map((t, i) => ({ t, i }))
    .sort((a, b) => edit(a.t).start - edit(b.t).start || edit(a.t).end - edit(b.t).end || a.i - b.i)
    .map(x => x.t);
}

/**
 * Applies edits as an LSP client applies a TextEdit[]: sorted by start (then end); insertions at
 * the same offset keep their order, and an insertion at either end of a replacement does not
 * overlap it. An edit that starts inside an earlier one, or lies outside the text, is dropped.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const applied: TextEdit[] = [];
  const dropped: TextEdit[] = [];
  const parts: string[] = [];
  let pos = 0;
  for (const e of sorted(edits, x => x)) {
    if (!validIn(text, e) || e.start < pos) { dropped.push(e); continue; }
    parts.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
    applied.push(e);
  }
  parts.push(text.slice(pos));
  return { text: parts.join(''), applied, dropped };
}

/**
 * One edit equivalent to a fix's edits (the text between them carried over), so the fix can be
 * weighed against others as a single span. Undefined when its edits overlap or lie outside the text.
 */
export function mergeEdits(text: string, fix: Fix): TextEdit | undefined {
  if (fix.length === 0) return undefined;
  const edits = sorted(fix, x => x);
  let out = '';
  let pos = edits[0].start;
  for (const e of edits) {
    if (!validIn(text, e) || e.start < pos) return undefined;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return { start: edits[0].start, end: pos, newText: out };
}

export interface ApplyFixesResult {
  text: string;
  applied: Fix[];
  /** Fixes not applied: overlapping or touching one applied before them, or malformed. */
  dropped: Fix[];
}

/**
 * Applies several fixes at once. Fixes are ordered by where they start; one whose span overlaps
 * or merely touches an applied one is dropped whole: two insertions at one offset (two fixes each
 * adding `securityContext:` to the same container) would otherwise produce a duplicate key.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyFixesResult {
  const merged = fixes.map(fix => ({ fix, edit: mergeEdits(text, fix) }));
  const applied: Fix[] = [];
  const dropped: Fix[] = [];
  const parts: string[] = [];
  let pos = -1;
  for (const { fix, edit } of sorted(merged, m => m.edit ?? { start: -1, end: -1, newText: '' })) {
    if (fix.length === 0) continue;
    if (!edit || edit.start <= pos) { dropped.push(fix); continue; }
    parts.push(text.slice(Math.max(pos, 0), edit.start), edit.newText);
    pos = edit.end;
    applied.push(fix);
  }
  parts.push(text.slice(Math.max(pos, 0)));
  return { text: parts.join(''), applied, dropped };
}

export interface FixedPointResult {
  text: string;
  /** True when a pass proposed no fixes (or only fixes that change nothing) within the cap. */
  converged: boolean;
  /** Passes that changed the text. */
  passes: number;
}

/**
 * Applies the fixes `computeFixes` proposes for the current text (typically: parse, lint, collect
 * fixes), re-computes on the result, and repeats until nothing is proposed or the text stops
 * changing; at most `maxPasses` changing passes. Not converging means a fix keeps re-triggering
 * (or cannot be applied): a bug to report, not to loop on.
 */
export function fixToFixedPoint(text: string, computeFixes: (text: string) => readonly Fix[], maxPasses = 10): FixedPointResult {
  let cur = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes = computeFixes(cur).filter(f => f.length > 0);
    if (fixes.length === 0) return { text: cur, converged: true, passes: pass };
    const { text: next, applied } = applyFixes(cur, fixes);
    if (applied.length === 0) return { text: cur, converged: false, passes: pass };
    if (next === cur) return { text: cur, converged: true, passes: pass };
    cur = next;
  }
  return { text: cur, converged: computeFixes(cur).every(f => f.length === 0), passes: maxPasses };
}
