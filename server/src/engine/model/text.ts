// Offsets <-> positions. Offsets are indexes into the JS string (UTF-16 code units), the same
// unit as LSP positions, so no conversion of the column is needed.

import { commonEnds } from '../util/common-ends';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** A range as a string, for maps keyed by place. */
export function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Line starts are kept in a typed array: a keystroke in a large file makes a new index, and a
 * typed array of the exact length is copied in one move, lives outside the collected heap, and
 * holds nothing the young collector must copy (a number[] built by push was a quarter of a
 * megabyte of garbage per keystroke on a 10,000-line file).
 */
export class LineIndex {
  private lineStarts: Uint32Array | undefined;
  // Lines are found on first use: a file judged without parsing (a large JSON file that is not
  // Kubernetes) never pays for them.
  constructor(readonly text: string) {}

  private get starts(): Uint32Array {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    if (!text.includes('\r')) {
      // The usual text has LF breaks only: the engine's search finds them many times faster
      // than a loop over every character (a 10 MB install is parsed in the time that loop takes).
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    return (this.lineStarts = Uint32Array.from(starts));
  }

  /**
   * The index of `text`, an edited version of `before`'s text: the line starts before and after
   * the edited span are taken from `before` (moved by the edit), only the span is scanned. A
   * keystroke in a large file then costs its line, not the file.
   */
  static edited(before: LineIndex, text: string, ends?: { prefix: number; suffix: number }): LineIndex {
    const old = before.lineStarts;
    const index = new LineIndex(text);
    if (!old) return index;
    const { prefix, suffix } = ends ?? commonEnds(before.text, text);
    const delta = text.length - before.text.length;
    // A start is the character after a break; a CR's break depends on the character after it:
    // one character on either side of the span is looked at again.
    const lo = Math.max(0, prefix - 1);
    const hi = Math.min(text.length, text.length - suffix + 2);
    const span: number[] = [];
    for (let i = lo; i < hi; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) span.push(i + 1);
    }
    // Old starts up to `lo` stay; those past the span (moved) from `after` on.
    const kept = firstAbove(old, lo);
    const after = firstAbove(old, hi - delta);
    const starts = new Uint32Array(kept + span.length + (old.length - after));
    starts.set(old.subarray(0, kept));
    starts.set(span, kept);
    for (let i = after, at = kept + span.length; i < old.length; i++, at++) starts[at] = old[i] + delta;
    index.lineStarts = starts;
    return index;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    return Math.min(this.starts[pos.line] + pos.character, this.text.length);
  }

  get lineCount(): number { return this.starts.length; }
}

/** The index of the first element of the ascending `xs` greater than `value` (xs.length if none). */
function firstAbove(xs: Uint32Array, value: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] > value) hi = mid; else lo = mid + 1;
  }
  return lo;
}
