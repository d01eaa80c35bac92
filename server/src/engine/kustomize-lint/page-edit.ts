// The parse of a rendered object's new text derived from the parse of its previous text, when
// they differ only in values that each fill the rest of one line (a setting typed into a patch,
// a var's value): the new values are parsed alone and put in place, everything else is the
// previous parse moved by the lengths the values changed. A keystroke in a patch then costs
// its value and the nodes after it, not a parse of the whole rendered object (a 12 KB
// Deployment for a setting typed into a 0.3 KB patch).
//
// The result must be what parseFile gives for the new text, node for node (range, type, source,
// value). That holds when each changed line keeps everything before the value, the old value was
// a one-line flow scalar (plain or quoted) ending the line, and the new text of the value read
// as a document of its own is one flow scalar with nothing else (no tag, anchor, comment): a
// scalar that fills the rest of its line reads the same alone (YAML 1.2 §7.3, §7.2 for quoted
// ones; a plain one alone and as a block value are both flow-out), and what follows it did not
// continue the old one, so it cannot continue a new one-line value either (a quoted value is
// closed on its line; a plain one continues only onto a line indented more, which the old one
// would have taken). Anything else is parsed as a whole (undefined here).
import { CST, Document, isMap, isPair, isScalar, isSeq, Node, Pair, Parser, Scalar, ScalarTag, Schema, YAMLMap, YAMLSeq } from 'yaml';
import { K8sObject, ParsedFile } from '../model/parse';
import { LineIndex } from '../model/text';
import { commonEnds } from '../util/common-ends';

/** Changed lines beyond this are parsed as a whole (many values changed: a different object). */
const MAX_CHANGED_LINES = 16;

/** Characters a changed line may not hold: breaks go-yaml and `yaml` read differently (kubectl-text.ts), BOMs, controls. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

const FLOW_TYPES = new Set<string | undefined>([Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE]);
const FLOW_TOKENS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);
/** Where a schema keeps its string tag (`yaml` names its symbols in the global registry). */
const SCALAR_TAG = Symbol.for('yaml.scalar');

/** A changed value: the old scalar, where it ends, and its new parse (at its new place). */
interface ValueEdit {
  old: Scalar;
  /** Old offset where the old value ends; every old offset from here on moves by `delta`. */
  end: number;
  delta: number;
  value: Scalar;
}

/** `before` (one rendered object's parse) for the new `text`, or undefined when it must be parsed. */
export function editedPage(before: ParsedFile, text: string): ParsedFile | undefined {
  const parsed = before.documents[0];
  if (before.documents.length !== 1 || before.skipped || !parsed || parsed.hasErrors || parsed.objects.length > 1) return undefined;
  const doc = parsed.doc;
  const root = doc.contents;
  // The object (if the document is one: it may lack a kind) is the document's root map.
  if (!isMap(root) || parsed.objects.some(o => o.node !== root) || doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  if (text.includes('\r') || before.text.includes('\r')) return undefined;
  const ends = commonEnds(before.text, text);
  const edits = valueEdits(doc as Document.Parsed, before.text, text, ends);
  if (!edits) return undefined;
  // A value's trailing range (its line break) moves with every edit up to its own.
  const move = mover(edits);
  for (const e of edits) e.value.range![2] = move(e.old.range![2]);
  const moved = movedTree(root, edits) as typeof root | undefined;
  if (!moved) return undefined;
  const copy = documentWith(doc as Document.Parsed, moved, edits);
  // The fields that name the object are not among the values changed (valueEndingAt): the same.
  const objects: K8sObject[] = parsed.objects.map(o => ({ ...o, node: moved, doc: copy }));
  return { text, lines: LineIndex.edited(before.lines, text, ends), documents: [{ doc: copy, index: 0, hasErrors: false, objects }] };
}

/** The values that changed, in text order, or undefined when the texts differ otherwise. */
function valueEdits(doc: Document.Parsed, oldText: string, newText: string, { prefix, suffix }: { prefix: number; suffix: number }): ValueEdit[] | undefined {
  if (prefix === oldText.length && prefix === newText.length) return undefined;
  // The whole lines the differing span lies in, in both texts (the same lines before and after).
  const from = prefix === 0 ? 0 : oldText.lastIndexOf('\n', prefix - 1) + 1;
  const oldEnd = oldText.length - suffix;
  const oldTo = lineEnd(oldText, oldEnd);
  const newTo = newText.length - suffix + (oldTo - oldEnd);
  const oldLines = oldText.slice(from, oldTo).split('\n');
  const newLines = newText.slice(from, newTo).split('\n');
  if (oldLines.length !== newLines.length) return undefined;
  const edits: ValueEdit[] = [];
  let oldAt = from, delta = 0;
  for (let i = 0; i < oldLines.length; i++) {
    const was = oldLines[i], now = newLines[i];
    if (was !== now) {
      if (edits.length === MAX_CHANGED_LINES) return undefined;
      const edit = valueEdit(doc, was, now, oldAt, oldAt + delta);
      if (!edit) return undefined;
      edits.push(edit);
      delta += edit.delta;
    }
    oldAt += was.length + 1;
  }
  return edits.length > 0 ? edits : undefined;
}

function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}

/** The old line `was` (at old offset `oldAt`) holds a value that `now` (at `newAt`) changes, and nothing else. */
function valueEdit(doc: Document.Parsed, was: string, now: string, oldAt: number, newAt: number): ValueEdit | undefined {
  if (was.length === 0 || UNSAFE.test(was) || UNSAFE.test(now) || /^(---|\.\.\.|%)/.test(now)) return undefined;
  const old = valueEndingAt(doc.contents as Node, oldAt + was.length);
  if (!old || old.range![0] < oldAt || !FLOW_TYPES.has(old.type) || old.tag || old.anchor || old.comment) return undefined;
  const lead = old.range![0] - oldAt;
  if (now.length <= lead || now.slice(0, lead) !== was.slice(0, lead)) return undefined;
  const source = now.slice(lead);
  const value = aloneScalar(source, doc);
  if (!value) return undefined;
  const start = newAt + lead;
  const delta = now.length - was.length;
  value.range = [start, start + source.length, start + source.length];
  return { old, end: old.range![1], delta, value };
}

/** Where the object's identity is read (model/parse.ts): a change there is parsed as a whole. */
const IDENTITY = new Set(['apiVersion', 'kind', 'items', 'metadata']);

/**
 * The scalar value (of a map entry or a list item, never a key) whose text ends at `end`, the
 * end of its line; undefined when a key or a collection is there, or no node is, or it is part
 * of what names the object.
 */
function valueEndingAt(root: Node, end: number): Scalar | undefined {
  const at = end - 1;
  const holds = (n: unknown): n is Node => !!n && typeof n === 'object' && !!(n as Node).range && (n as Node).range![0] <= at && at < (n as Node).range![1];
  let node: unknown = root;
  for (let depth = 0; depth < 256; depth++) {
    if (isScalar(node)) return node.range![1] === end ? node : undefined;
    if (isMap(node)) {
      const pair = node.items.find(p => isPair(p) && (holds(p.key) || holds(p.value)));
      if (!pair || holds(pair.key)) return undefined;
      if (node === root && (!isScalar(pair.key) || IDENTITY.has(String(pair.key.value)) && (pair.key.value !== 'metadata' || metadataIdentity(pair.value, holds)))) return undefined;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items.find(holds);
    } else return undefined;
  }
  return undefined;
}

/** The changed value is the object's name or namespace (or not in a map entry of metadata at all). */
function metadataIdentity(metadata: unknown, holds: (n: unknown) => boolean): boolean {
  if (!isMap(metadata)) return true;
  const pair = metadata.items.find(p => isPair(p) && holds(p.value));
  return !pair || !isScalar(pair.key) || pair.key.value === 'name' || pair.key.value === 'namespace';
}

/**
 * `source` read alone as the composer reads a document of one flow scalar: its tokens (the
 * parser's, no document built), its value resolved with the tag the document's schema gives it,
 * undefined when it is anything else (a tag, an anchor, a comment, a collection, an error).
 */
function aloneScalar(source: string, doc: Document.Parsed): Scalar | undefined {
  const schema = doc.schema as Schema & { [k: symbol]: unknown };
  if (schema.compat) return undefined;
  const tokens = [...new Parser().parse(source)];
  const only = tokens[0];
  if (tokens.length !== 1 || only.type !== 'document' || only.start.length > 0 || only.end?.length) return undefined;
  const token = only.value;
  if (!token || !FLOW_TOKENS.has(token.type) || !('source' in token) || token.offset !== 0 || token.source.length !== source.length || ('end' in token && token.end?.length)) return undefined;
  let failed = false;
  const fail = () => { failed = true; };
  const read = CST.resolveAsScalar(token as CST.FlowScalar, true, fail);
  if (failed || !read || read.comment || read.range[0] !== 0 || read.range[1] !== source.length) return undefined;
  // As composeScalar: a plain scalar takes the first default tag whose test matches, else (and
  // a quoted one always) the schema's string tag.
  const string = schema[SCALAR_TAG] as ScalarTag;
  const tag = read.type === Scalar.PLAIN ? (schema.tags as ScalarTag[]).find(t => t.default === true && t.test?.test(read.value)) ?? string : string;
  let resolved: unknown;
  try { resolved = tag.resolve(read.value, fail, doc.options); } catch { return undefined; }
  if (failed) return undefined;
  const scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
  scalar.range = [0, read.range[1], read.range[2]];
  scalar.source = read.value;
  if (read.type) scalar.type = read.type;
  if (tag.format) scalar.format = tag.format;
  return scalar;
}

/** Where an old offset is in the new text (offsets inside a changed value are never asked). */
function mover(edits: readonly ValueEdit[]): (offset: number) => number {
  return offset => {
    let moved = offset;
    for (const e of edits) { if (offset >= e.end) moved += e.delta; else break; }
    return moved;
  };
}

/**
 * A shallow copy of a node or pair made by its own constructor, its fields set in the order the
 * composer set them: the copy has the shape of a parsed node (an object made otherwise, say by
 * Object.create with descriptors, would be slower for every rule that reads it). Undefined for
 * a class the composer does not make for a document without tags.
 */
function shallowCopy(node: object): (Node & { items?: unknown[] }) | Pair | undefined {
  switch (Object.getPrototypeOf(node)) {
    case Scalar.prototype: return Object.assign(new Scalar((node as Scalar).value), node);
    case YAMLMap.prototype: return Object.assign(new YAMLMap((node as YAMLMap).schema), node);
    case YAMLSeq.prototype: return Object.assign(new YAMLSeq((node as YAMLSeq).schema), node);
    case Pair.prototype: return Object.assign(new Pair((node as Pair).key), node);
    default: return undefined;
  }
}

/** A node of a class shallowCopy does not copy: the tree is parsed instead. */
class Uncopyable extends Error {}

/**
 * The tree with each changed value replaced and every range after the first one moved. A node
 * that ends before the first changed value is the previous parse's own (nothing reads a parse's
 * nodes to change them); the others are copies. Undefined when a node cannot be copied.
 */
function movedTree(root: Node, edits: readonly ValueEdit[]): Node | undefined {
  const move = mover(edits);
  const replaced = new Map(edits.map(e => [e.old, e.value]));
  const first = edits[0].old.range![0];
  const copy = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node;
    const n = node as Node;
    const value = replaced.get(n as Scalar);
    if (value) return value;
    if (isPair(node)) {
      const key = copy(node.key), v = copy(node.value);
      if (key === node.key && v === node.value) return node;
      const pair = shallowCopy(node) as Pair | undefined;
      if (!pair) throw new Uncopyable();
      pair.key = key;
      pair.value = v;
      return pair;
    }
    if (!n.range || n.range[2] <= first) return node;
    const moved = shallowCopy(n) as (Node & { items?: unknown[] }) | undefined;
    if (!moved) throw new Uncopyable();
    moved.range = [move(n.range[0]), move(n.range[1]), move(n.range[2])];
    if (isMap(n) || isSeq(n)) moved.items = (n.items as unknown[]).map(copy);
    return moved;
  };
  try {
    return copy(root) as Node;
  } catch (e) {
    if (e instanceof Uncopyable) return undefined;
    throw e;
  }
}

/** A copy of the parsed document `doc` holding `contents`, its range moved by the edits. */
function documentWith(doc: Document.Parsed, contents: Node, edits: readonly ValueEdit[]): Document.Parsed {
  // Document.clone copies the contents too: take them out for the copy (nothing runs between).
  const kept = doc.contents;
  doc.contents = null as never;
  let copy: Document.Parsed;
  try { copy = doc.clone() as Document.Parsed; } finally { doc.contents = kept; }
  copy.contents = contents as never;
  const move = mover(edits);
  if (doc.range) copy.range = [move(doc.range[0]), move(doc.range[1]), move(doc.range[2])];
  return copy;
}
