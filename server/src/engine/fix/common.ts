// Pieces shared by the insert, set and remove primitives.
import { Document, isCollection, isPair, isScalar, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { TextEdit } from './edit';
import { contentEnd, startOf } from './nodes';
import { RenderOptions } from './render';
import { firstOnLine, insertionAfterLine, lineEnd, lineStart, nextLineStart, skipSpaces } from './text';

export interface Ctx { text: string; doc: Document }

/** What the user asked for when a removal leaves a map or list empty. */
export interface RemoveOptions {
  /**
   * 'empty' (default): leave `key: {}` / `key: []` (valid, and the parent keeps its key).
   * 'removeParent': remove the key holding the emptied collection too, cascading upwards while
   * maps become empty (it stops at sequence items and the document root, which become `{}`).
   */
  ifEmpty?: 'empty' | 'removeParent';
}

function quoteOf(s: Scalar): 'plain' | 'double' | 'single' | undefined {
  if (typeof s.value !== 'string') return undefined;
  return s.type === 'QUOTE_DOUBLE' ? 'double' : s.type === 'QUOTE_SINGLE' ? 'single' : s.type === 'PLAIN' ? 'plain' : undefined;
}

function uniform<T>(values: Array<T | undefined>): T | undefined {
  const seen = values.filter((v): v is T => v !== undefined);
  return seen.length > 0 && seen.every(v => v === seen[0]) ? seen[0] : undefined;
}

/**
 * True when the document is written as JSON (a `.json` manifest): a flow collection at the root
 * whose keys are all double-quoted. Everything inserted into it must be JSON too, even into an
 * empty `{}` or `[]` that has no entries to copy the quoting from.
 */
export function isJsonDocument(doc: Document): boolean {
  const root = doc.contents;
  if (!isCollection(root) || !root.flow) return false;
  return root.items.every(i => !isPair(i) || (isScalar(i.key) && i.key.type === 'QUOTE_DOUBLE'));
}

/**
 * Quoting that matches a collection's existing entries: JSON-style maps (every key
 * double-quoted) get quoted keys; strings follow the quoting all existing strings share. In a
 * JSON document (`doc` given) a flow collection always gets JSON: quoted keys and strings.
 */
export function renderOptionsFor(node: YAMLMap | YAMLSeq, doc?: Document): RenderOptions {
  if (doc && node.flow && isJsonDocument(doc)) return { quote: 'double', quoteKeys: true };
  const keys: Scalar[] = [];
  const values: Scalar[] = [];
  for (const item of node.items) {
    if (isPair(item)) {
      if (isScalar(item.key)) keys.push(item.key);
      if (isScalar(item.value)) values.push(item.value);
    } else if (isScalar(item)) values.push(item);
  }
  const quoteKeys = keys.length > 0 && keys.every(k => k.type === 'QUOTE_DOUBLE');
  const quote = uniform(values.map(quoteOf)) ?? (quoteKeys ? 'double' : 'plain');
  return { quote, quoteKeys };
}

/**
 * Deletes whole lines: from `from` (a line start) through the line on which `end` falls. On the
 * last line of a file without final newline the line break before `from` goes instead, so the
 * file still ends without one.
 */
export function deleteLines(text: string, from: number, end: number): TextEdit {
  const after = insertionAfterLine(text, end);
  if (!after.atEof) return { start: from, end: after.at, newText: '' };
  const start = from > 0 ? (text.charCodeAt(from - 2) === 13 ? from - 2 : from - 1) : 0;
  return { start, end: text.length, newText: '' };
}

/** Span of a flow collection entry: a pair from its key to its value's end, or an item. */
export function entrySpan(item: unknown): [number, number] | undefined {
  if (isPair(item)) {
    if (!isScalar(item.key) || !item.key.range) return undefined;
    return [item.key.range[0], contentEnd(item)];
  }
  const s = startOf(item);
  return s < 0 ? undefined : [s, contentEnd(item)];
}

/** The offsets of a flow collection's brackets, checked against the text. */
export function flowBrackets(text: string, node: YAMLMap | YAMLSeq): { open: number; close: number } | undefined {
  const r = node.range;
  if (!r) return undefined;
  const open = r[0];
  const close = r[1] - 1;
  const pairOk = (text[open] === '{' && text[close] === '}') || (text[open] === '[' && text[close] === ']');
  return pairOk ? { open, close } : undefined;
}

/**
 * Removes the entries at `remove` (some, not all) from a flow collection. A run of removed
 * entries goes with the separator after it (up to the next kept entry), or, at the end, with the
 * separator before it, so `[a, b, c]` loses `b, ` or `, c`. Gaps holding a comment are refused.
 */
export function removeFlowEntries(text: string, node: YAMLMap | YAMLSeq, remove: ReadonlySet<number>): TextEdit[] | undefined {
  const spans = node.items.map(entrySpan);
  if (spans.some(s => !s)) return undefined;
  const sp = spans as Array<[number, number]>;
  for (let i = 0; i + 1 < sp.length; i++) {
    if ((remove.has(i) || remove.has(i + 1)) && text.slice(sp[i][1], sp[i + 1][0]).includes('#')) return undefined;
  }
  const edits: TextEdit[] = [];
  let i = 0;
  while (i < sp.length) {
    if (!remove.has(i)) { i++; continue; }
    let j = i;
    while (j + 1 < sp.length && remove.has(j + 1)) j++;
    if (j + 1 < sp.length) edits.push({ start: sp[i][0], end: sp[j + 1][0], newText: '' });
    else if (i > 0) edits.push({ start: sp[i - 1][1], end: sp[j][1], newText: '' });
    else return undefined;
    i = j + 1;
  }
  return edits;
}

/**
 * Adds entries to a non-empty flow collection after its last entry, separated like the existing
 * ones: `, ` on one line; when each entry has its own line (as in JSON), each new entry gets a
 * line too, after the last entry's line so a comment there stays with the entry it follows.
 */
export function flowAppend(text: string, node: YAMLMap | YAMLSeq, entries: readonly string[], eol: string): TextEdit[] | undefined {
  const last = entrySpan(node.items[node.items.length - 1]);
  const br = flowBrackets(text, node);
  if (!last || !br) return undefined;
  const next = nextLineStart(text, last[1]);
  const ownLine = firstOnLine(text, last[0]) && next >= 0 && next <= br.close;
  if (!ownLine) return [{ start: last[1], end: last[1], newText: entries.map(e => `, ${e}`).join('') }];
  const pad = ' '.repeat(last[0] - lineStart(text, last[0]));
  const end = lineEnd(text, last[1]);
  // `a: 1,` (a trailing comma) keeps its style: every new entry ends with one too.
  if (text[skipSpaces(text, last[1])] === ',') return [{ start: end, end, newText: entries.map(e => `${eol}${pad}${e},`).join('') }];
  return [
    { start: last[1], end: last[1], newText: ',' },
    { start: end, end, newText: entries.map(e => `${eol}${pad}${e}`).join(',') },
  ];
}

/** Fills an empty flow collection (`{}`, `[ ]`). Refused when a comment sits inside. */
export function flowFill(text: string, node: YAMLMap | YAMLSeq, entries: readonly string[]): TextEdit | undefined {
  const br = flowBrackets(text, node);
  if (!br || text.slice(br.open + 1, br.close).trim() !== '') return undefined;
  return { start: br.open + 1, end: br.close, newText: entries.join(', ') };
}
