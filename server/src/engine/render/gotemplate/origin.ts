// Where each byte of a render's output came from. Output ranges are half-open [start, end)
// in UTF-16 code units of the output text, sorted and non-overlapping.

/** A key or index in the data: ['Values', 'containers', 0, 'image']. */
export type DataPath = (string | number)[];

/** A `template`/`include` call the output was reached through, outermost first. */
export interface CallSite { template: string; file: string; start: number; end: number; callee: string }

export type Origin =
  | { kind: 'text'; template: string; file: string; offset: number; via: CallSite[] }
  | { kind: 'action'; template: string; file: string; start: number; end: number; via: CallSite[]; path?: DataPath };

export interface OriginRange { start: number; end: number; origin: Origin }

/** Builds output text and its origin ranges together; adjacent text from one source run merges. */
export class OutputBuilder {
  private parts: string[] = [];
  length = 0;
  readonly ranges: OriginRange[] = [];
  constructor(readonly limit: number) {}

  write(s: string, origin: Origin): void {
    if (!s) return;
    const start = this.length;
    this.parts.push(s);
    this.length += s.length;
    if (this.length > this.limit) throw new OutputLimit(this.limit);
    const last = this.ranges[this.ranges.length - 1];
    if (last && last.end === start && origin.kind === 'text' && last.origin.kind === 'text' &&
      last.origin.file === origin.file && last.origin.offset + (last.end - last.start) === origin.offset && last.origin.via === origin.via) {
      last.end = this.length;
      return;
    }
    this.ranges.push({ start, end: this.length, origin });
  }

  /** Writes a text whose own pieces have origins (a nested render), shifting them into place. */
  writeMapped(s: string, pieces: OriginRange[], fallback: Origin): void {
    const base = this.length;
    let at = 0;
    for (const p of pieces) {
      if (p.start > at) this.write(s.slice(at, p.start), fallback);
      this.parts.push(s.slice(p.start, p.end));
      this.length += p.end - p.start;
      this.ranges.push({ start: base + p.start, end: base + p.end, origin: p.origin });
      at = p.end;
    }
    if (at < s.length) this.write(s.slice(at), fallback);
    if (this.length > this.limit) throw new OutputLimit(this.limit);
  }

  text(): string { return this.parts.join(''); }
}

export class OutputLimit extends Error {
  constructor(readonly limit: number) { super(`output exceeds the limit of ${limit} characters`); }
}

/**
 * The origins of `prefix + indented(s)` where every line of s gets `pad` in front (indent and
 * nindent): each range of s is split at its newlines and moved to where its text lands.
 */
export function indentOrigins(s: string, ranges: OriginRange[], pad: string, prefix: string): OriginRange[] {
  const out: OriginRange[] = [];
  // Where each offset of s lands: prefix + pad, then pad more after every newline before it.
  const lineStarts: number[] = [0];
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const shift = (pos: number): number => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= pos) lo = mid; else hi = mid - 1; }
    return prefix.length + pad.length * (lo + 1) + pos;
  };
  for (const r of ranges) {
    let start = r.start;
    while (start < r.end) {
      const nl = s.indexOf('\n', start);
      const end = nl >= 0 && nl < r.end ? nl + 1 : r.end;
      const text = s.slice(start, end);
      const offsetDelta = start - r.start;
      const origin = r.origin.kind === 'text' && offsetDelta ? { ...r.origin, offset: r.origin.offset + offsetDelta } : r.origin;
      const a = shift(start);
      out.push({ start: a, end: a + text.length, origin });
      start = end;
    }
  }
  return out;
}

/** The origins of s.slice(start, end), given the origins of s. */
export function sliceOrigins(ranges: OriginRange[], start: number, end: number): OriginRange[] {
  const out: OriginRange[] = [];
  for (const r of ranges) {
    const a = Math.max(r.start, start), b = Math.min(r.end, end);
    if (a >= b) continue;
    const origin = r.origin.kind === 'text' && a > r.start ? { ...r.origin, offset: r.origin.offset + (a - r.start) } : r.origin;
    out.push({ start: a - start, end: b - start, origin });
  }
  return out;
}
