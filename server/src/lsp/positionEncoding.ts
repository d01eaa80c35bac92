// Position encodings (LSP 3.17 `general.positionEncodings`): the engine and every editor-side
// structure count columns in UTF-16 code units; a client that prefers UTF-8 (Neovim, Helix)
// counts bytes. When the client offers utf-8 the server takes it, and converts at the
// connection's edge — incoming positions before anything reads them, outgoing ones after
// everything is computed — so nothing inside the server knows about it.
import { Position, Range } from 'vscode-languageserver';

export type PositionEncoding = 'utf-16' | 'utf-8';

/** The encoding to answer with: utf-8 when the client offers it, else the default utf-16. */
export function chooseEncoding(offered: readonly string[] | undefined): PositionEncoding {
  return offered?.includes('utf-8') ? 'utf-8' : 'utf-16';
}

/** A line's text as the conversion needs it (no line break). */
export type LineOf = (line: number) => string | undefined;

/** UTF-8 bytes of the first `units` UTF-16 code units of `line`. */
function bytesOf(line: string, units: number): number {
  let bytes = 0;
  for (let i = 0; i < Math.min(units, line.length); i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) { bytes += 4; i++; } // a surrogate pair: one code point
    else bytes += 3;
  }
  return bytes + Math.max(0, units - line.length);
}

/** UTF-16 code units of the first `bytes` UTF-8 bytes of `line` (a byte inside a character rounds down). */
function unitsOf(line: string, bytes: number): number {
  let b = 0;
  let i = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < line.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (b + size > bytes) break;
    b += size;
    i += pair ? 2 : 1;
  }
  // Past the line's end a position keeps its overshoot (clients clamp it to the end, as LSP says).
  return i === line.length ? i + Math.max(0, bytes - b) : i;
}

export class PositionCodec {
  constructor(readonly encoding: PositionEncoding = 'utf-16') {}

  get identity(): boolean { return this.encoding === 'utf-16'; }

  /** A server (UTF-16) position as the client counts it. */
  toClient(pos: Position, lineOf: LineOf): Position {
    if (this.identity) return pos;
    const line = lineOf(pos.line);
    return line === undefined ? pos : { line: pos.line, character: bytesOf(line, pos.character) };
  }

  /** A client position as the server (UTF-16) counts it. */
  fromClient(pos: Position, lineOf: LineOf): Position {
    if (this.identity) return pos;
    const line = lineOf(pos.line);
    return line === undefined ? pos : { line: pos.line, character: unitsOf(line, pos.character) };
  }

  rangeToClient(r: Range, lineOf: LineOf): Range {
    return this.identity ? r : { start: this.toClient(r.start, lineOf), end: this.toClient(r.end, lineOf) };
  }

  rangeFromClient(r: Range, lineOf: LineOf): Range {
    return this.identity ? r : { start: this.fromClient(r.start, lineOf), end: this.fromClient(r.end, lineOf) };
  }
}

/** Line lookup over a text, split once. */
export function linesOf(text: string): LineOf {
  let lines: string[] | undefined;
  return n => (lines ??= text.split(/\r\n|\r|\n/))[n];
}

/** The edits of a workspace edit, converted for the client (files the server cannot read stay as they are). */
export function editToClient<E extends { changes?: Record<string, Array<{ range: Range }>>; documentChanges?: unknown[] }>(
  codec: PositionCodec, edit: E, lineOfUri: (uri: string) => LineOf | undefined,
): E {
  if (codec.identity) return edit;
  const convert = (uri: string, edits: Array<{ range: Range }>) => {
    const lineOf = lineOfUri(uri);
    return lineOf ? edits.map(e => ({ ...e, range: codec.rangeToClient(e.range, lineOf) })) : edits;
  };
  const out: E = { ...edit };
  if (edit.changes) out.changes = Object.fromEntries(Object.entries(edit.changes).map(([uri, edits]) => [uri, convert(uri, edits)]));
  if (edit.documentChanges) {
    out.documentChanges = edit.documentChanges.map(c => {
      const dc = c as { textDocument?: { uri: string }; edits?: Array<{ range: Range }> };
      return dc.textDocument && dc.edits ? { ...dc, edits: convert(dc.textDocument.uri, dc.edits) } : c;
    });
  }
  return out;
}
