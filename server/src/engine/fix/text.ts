// Line arithmetic over the original text. Offsets are UTF-16 code units (JS string indexes),
// the unit of LSP positions. Only `\n` ends a line for these helpers: in a CRLF file the `\r`
// stays at the end of its line, so "the start of the next line" is the same in both styles.

export type Eol = '\n' | '\r\n';

/** The file's line break, from its first line: inserted lines use it (a CRLF file stays CRLF). */
export function eolOf(text: string): Eol {
  const nl = text.indexOf('\n');
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? '\r\n' : '\n';
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break (`\r\n` or `\n`) that ends the line holding `offset`, or text.length. */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Start of the line after the one holding `offset`, or -1 when that is the last line (no final newline). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? -1 : nl + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** True when only spaces precede `offset` on its line. */
export function firstOnLine(text: string, offset: number): boolean {
  return /^ *$/.test(text.slice(lineStart(text, offset), offset));
}

/** Offset of the first non-space character at or after `offset` (spaces and tabs only). */
export function skipSpaces(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/** Offset just after the `:` that follows a key ending at `keyEnd`, or undefined. */
export function colonAfter(text: string, keyEnd: number): number | undefined {
  const i = skipSpaces(text, keyEnd);
  return text[i] === ':' ? i + 1 : undefined;
}

/**
 * Where whole lines are inserted after the line on which `contentEnd` falls (exclusive end of a
 * node): the start of the next line, or the end of the text when the file has no final newline
 * (the inserted text then starts with the line break instead of ending with one).
 */
export function insertionAfterLine(text: string, contentEnd: number): { at: number; atEof: boolean } {
  const next = nextLineStart(text, Math.max(0, contentEnd - 1));
  return next < 0 ? { at: text.length, atEof: true } : { at: next, atEof: false };
}

/** Lines (without breaks) as text to insert at `insertionAfterLine`. */
export function linesText(lines: readonly string[], eol: Eol, atEof: boolean): string {
  const body = lines.join(eol);
  return atEof ? eol + body : body + eol;
}

/**
 * The column a block map's keys sit at, from one key's start: the key's own column where only
 * spaces and sequence dashes precede it (`- name: app` gives the column of `name`), else the
 * column of the first thing on the line. A key's range starts after its properties, so for
 * `&k runAsUser: 1`, `!!str runAsUser: 1` and `? runAsUser` this is the column of `&`, `!` and
 * `?`, where a new sibling key must go. A byte-order mark at the start of the text counts for
 * nothing (editors do not show it as a column).
 */
export function keyColumn(text: string, keyStart: number): number {
  const prefix = text.slice(lineStart(text, keyStart), keyStart).replace(/^\ufeff/, '');
  return /^ *(?:- +)*/.exec(prefix)![0].length;
}
