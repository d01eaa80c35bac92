// Summaries of a document an edit did not touch, reused. The incremental parse hands unchanged
// documents (the same yaml Document objects) to the next version, moved in place; their objects
// summarise to the same facts, only their positions may have moved. So a document's summaries
// are kept with the Document and, on the next version, taken again: as they are when the
// document starts where it did, else copied with every position moved by the lines it moved.
// Summaries depend on nothing but the document, its file's URI and its place (domains' extractors
// read only positions of the file), which is what the kept entry is checked against.
import type { Document } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../model/parse';
import type { Position } from '../model/text';
import { sameFactsAs } from './fact-delta';
import type { ObjectSummary } from './summary';

interface Kept {
  uri: string;
  index: number;
  start: Position;
  summaries: readonly ObjectSummary[];
}

const kept = new WeakMap<Document, Kept>();

/** The document's summaries from an earlier version, at its current place; undefined when there are none to take. */
export function reusedSummaries(uri: string, file: ParsedFile, d: ParsedDocument): readonly ObjectSummary[] | undefined {
  const hit = kept.get(d.doc);
  if (!hit || hit.uri !== uri || !d.doc.range || d.objects.length !== hit.summaries.length) return undefined;
  const start = file.lines.positionAt(d.doc.range[0]);
  if (start.character !== hit.start.character) return undefined;
  if (start.line === hit.start.line && d.index === hit.index) return hit.summaries;
  const lines = start.line - hit.start.line;
  const summaries = hit.summaries.map(s => {
    const copy = moveRanges(s, lines) as ObjectSummary;
    copy.docIndex = d.index;
    sameFactsAs(copy, s);
    return copy;
  });
  kept.set(d.doc, { uri, index: d.index, start, summaries });
  return summaries;
}

/** Keeps a document's fresh summaries for the next version; returns them. */
export function keepSummaries(uri: string, file: ParsedFile, d: ParsedDocument, summaries: ObjectSummary[]): ObjectSummary[] {
  // A document with a syntax error has no objects; it is parsed again when edited anyway.
  if (d.doc.range) kept.set(d.doc, { uri, index: d.index, start: file.lines.positionAt(d.doc.range[0]), summaries });
  return summaries;
}

/** A copy of plain data in which every range ({start, end} positions) is `lines` lower. */
export function moveRanges(value: unknown, lines: number): unknown {
  if (Array.isArray(value)) return value.map(v => moveRanges(v, lines));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (isPosition(o.start) && isPosition(o.end) && Object.keys(o).length === 2) {
    return { start: { line: o.start.line + lines, character: o.start.character }, end: { line: o.end.line + lines, character: o.end.character } };
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = moveRanges(o[k], lines);
  return out;
}

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
}
