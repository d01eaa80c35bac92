// Moving parsed documents to another place in the text: a document parsed on its own is moved
// to where it starts in the file, and a document an incremental parse reuses is moved by the
// length the edit before it added or took away (parse.ts).
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/**
 * The range arrays of every node of a document, listed while it is moved the first time after
 * its placement: a document an incremental parse reuses is moved on every edit before it, and going
 * down the list is several times cheaper than walking the tree. Parsed documents are never
 * changed (fixes compute text edits), so the list stays the document's nodes.
 */
const NODE_RANGES = Symbol('nodeRanges');

type Listed = Document.Parsed & { [NODE_RANGES]?: number[][] };

/**
 * Moves parsed documents by `delta` characters: every node range and each document's range.
 * `again`: the documents were placed before (reused by an incremental parse), and will likely
 * be moved again: their node ranges are listed once, then moved down the list.
 */
export function shiftDocuments(docs: Document.Parsed[], delta: number, again = false): void {
  if (delta === 0) return;
  for (const doc of docs as Listed[]) {
    shiftRange(doc.range, delta);
    const listed = doc[NODE_RANGES];
    if (listed) {
      for (let i = 0; i < listed.length; i++) shiftRange(listed[i], delta);
    } else if (again) {
      // Moved and listed in one walk; the next move goes down the list.
      shiftNode(doc.contents, delta, doc[NODE_RANGES] = []);
    } else {
      shiftNode(doc.contents, delta);
    }
    for (const e of [...doc.errors, ...doc.warnings]) { e.pos[0] += delta; e.pos[1] += delta; }
  }
}

/**
 * Moves a node and everything under it: the nodes `visit` would reach (pairs' keys and values,
 * collection items; an alias, not what it points at), walked directly because this runs over
 * every document after an edit, on every keystroke. Each class is read at its own site: one
 * site reading the fields of every kind of node reaches them more slowly (on the keystroke bench
 * file's 29,000 nodes, 1.6-2.0 ms per keystroke against 0.9-1.3 ms).
 */
function shiftNode(node: unknown, delta: number, listed?: number[][]): void {
  if (node instanceof Scalar) {
    shiftRange(node.range, delta, listed);
  } else if (node instanceof Pair) {
    shiftNode(node.key, delta, listed);
    shiftNode(node.value, delta, listed);
  } else if (node instanceof YAMLMap || node instanceof YAMLSeq) {
    shiftRange(node.range, delta, listed);
    const items = node.items as unknown[];
    for (let i = 0; i < items.length; i++) shiftNode(items[i], delta, listed);
  } else if (node !== null && typeof node === 'object') {
    // An alias, or a node of a class this does not name: its range, and whatever it holds.
    const n = node as { range?: number[]; items?: unknown[]; key?: unknown; value?: unknown };
    shiftRange(n.range, delta, listed);
    if (n.items !== undefined) for (const item of n.items) shiftNode(item, delta, listed);
    else if ('key' in n) { shiftNode(n.key, delta, listed); shiftNode(n.value, delta, listed); }
  }
}

/** Moves one range array; `listed`: where the arrays moved are recorded, if anywhere. */
function shiftRange(r: number[] | null | undefined, delta: number, listed?: number[][]): void {
  if (!r) return;
  for (let i = 0; i < r.length; i++) r[i] += delta;
  listed?.push(r);
}
