// Reads YAML text into the renderer's nodes, with each node's file and source range.
// Aliases are expanded (as Kustomize does when it reads resources); comments are dropped
// (they never reach `kustomize build` output).
import { Alias, Document, isAlias, isMap as isYMap, isPair, isScalar as isYScalar, isSeq as isYSeq, LineCounter, Node as YNode, Scalar } from 'yaml';
import { clone, KNode, map, Origin, resolvePlain, scalar, seq } from './model';
import { documentRuns, sameDocs, shiftedDocs } from './doc-runs';
import { KustomizeError } from './errors';
import { parseGoYamlStream } from '../../model/go-yaml-stream';

export interface ParsedDoc { node: KNode | undefined; origin: Origin }

// Re-rendering after a keystroke re-reads every file of the root; parsing dominates the cost,
// so parsed files are kept (by path and exact text) and handed out as copies, since the
// renderer changes the trees it is given. A file whose text changed is parsed again by runs of
// documents (doc-runs.ts): the runs whose text is the same as before are taken from the last
// parse, so typing in one object of a large file parses that object. Any syntax error, and the
// whole text is parsed at once, as before (its error, at its place, is the answer). Bounded; the
// oldest entry goes first.
const CACHE_LIMIT = 512;

/** A run of the text and its documents (ranges in the file whose run starts at `start`). */
interface Run { start: number; text: string; docs: ParsedDoc[] }

const cache = new Map<string, { text: string; runs: Run[] }>();

/** The last pair of texts readAlike accepted. */
let lastAlike: { file: string; before: string; after: string } | undefined;

export function clearParseCache(): void { cache.clear(); lastAlike = undefined; }

/** Runs of documents parsed, and taken from the editor's parse (neither from the cache), since start: tests read it. */
export const parseStats = { runs: 0, fromEditor: 0 };

let observer: ((file: string) => void) | undefined;

/** Tells `seen` of every file the renderer parses (not served from the cache); undefined stops it. */
export function observeParses(seen: ((file: string) => void) | undefined): void { observer = seen; }

export function parseYamlDocs(text: string, file: string, uniqueKeys = true): ParsedDoc[] {
  return handOut(cachedRuns(text, file, uniqueKeys));
}

/**
 * The cached documents themselves, not copies: for a caller that never changes them (resources
 * are copied on their first write, resource.ts). A document the edit did not touch is then the
 * same tree as before, and what was derived from it (its plain form, its text) is found again.
 */
export function sharedYamlDocs(text: string, file: string): readonly ParsedDoc[] {
  return cachedRuns(text, file, true).flatMap((r) => r.docs);
}

function cachedRuns(text: string, file: string, uniqueKeys: boolean): readonly Run[] {
  const key = `${uniqueKeys ? 'u' : 'd'}:${file}`;
  const hit = cache.get(key);
  if (hit && hit.text === text) return hit.runs;
  observer?.(file);
  const runs = parseRuns(text, file, uniqueKeys, hit?.runs ?? []);
  cache.delete(key);
  cache.set(key, { text, runs });
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return runs;
}

/** Copies: the renderer changes what it is given, never the cache. */
function handOut(runs: readonly Run[]): ParsedDoc[] {
  return runs.flatMap((r) => r.docs.map((d) => ({ node: d.node && clone(d.node), origin: d.origin })));
}

function parseRuns(text: string, file: string, uniqueKeys: boolean, before: readonly Run[]): Run[] {
  const reusable = new Map<string, Run[]>();
  for (const r of before) reusable.set(r.text, [...(reusable.get(r.text) ?? []), r]);
  const runs: Run[] = [];
  try {
    for (const [start, end] of documentRuns(text)) {
      const runText = text.slice(start, end);
      const old = reusable.get(runText)?.shift();
      // A run moved by the edit is moved once here, not at every hand-out.
      if (old) { runs.push({ start, text: runText, docs: old.start === start ? old.docs : shiftedDocs(old.docs, start - old.start) }); continue; }
      const given = uniqueKeys ? editorRun(file, text, start, runText) : undefined;
      const docs = given ?? parseWholeText(runText, file, uniqueKeys);
      runs.push({ start, text: runText, docs: !given && start > 0 ? shiftedDocs(docs, start) : docs });
    }
    return runs;
  } catch (e) {
    if (!(e instanceof KustomizeError)) throw e;
    // Throws the error of the text as a whole (its line counted from the file's start).
    return [{ start: 0, text, docs: parseWholeText(text, file, uniqueKeys) }];
  }
}

/**
 * True when one text is the other with lines added or taken away at its end (a comment typed at
 * the end of a file) and the renderer reads both the same: the same documents, nodes and ranges.
 * Every offset, line and character of a node then stays, so what was rendered and judged from the
 * one holds for the other. Only the last runs of documents are parsed; a syntax error in either
 * text is a difference.
 */
export function readAlike(file: string, before: string, after: string): boolean {
  if (!(after.length >= before.length ? after.startsWith(before) : before.startsWith(after))) return false;
  // Every root that read the file asks the same.
  if (lastAlike && lastAlike.file === file && lastAlike.before === before && lastAlike.after === after) return true;
  if (commentsAtEnd(file, before, after)) {
    lastAlike = { file, before, after };
    return true;
  }
  const a = documentRuns(before), b = documentRuns(after);
  if (a.length !== b.length) return false;
  // The runs of `before` as the cache holds them (what the last render read): not parsed again.
  const key = `u:${file}`;
  const held = cache.get(key);
  const kept = held && held.text === before && held.runs.length === a.length ? held.runs : undefined;
  const runs: Run[] = [];
  try {
    for (let i = 0; i < a.length; i++) {
      if (a[i][0] !== b[i][0]) return false;
      const x = before.slice(a[i][0], a[i][1]), y = after.slice(b[i][0], b[i][1]);
      const old = kept?.[i].text === x ? kept[i].docs : undefined;
      if (x === y) { if (old) runs.push(kept![i]); continue; }
      observer?.(file);
      const now = shiftedDocs(parseWholeText(y, file, true), b[i][0]);
      if (!sameDocs(old ?? shiftedDocs(parseWholeText(x, file, true), a[i][0]), now)) return false;
      runs.push({ start: b[i][0], text: y, docs: now });
    }
  } catch (e) {
    if (e instanceof KustomizeError) return false;
    throw e;
  }
  // The render that read `before` stands for `after`: so does its parse, for the next keystroke.
  if (runs.length === b.length) {
    cache.delete(key);
    cache.set(key, { text: after, runs });
  }
  lastAlike = { file, before, after };
  return true;
}

/**
 * Whole comment lines at the start of the line (an indented one is inside the block collection
 * before it: its range grows), the last one with or without its line break.
 */
const COMMENT_LINES = /^(?:#[^\n\r]*\n)*(?:#[^\n\r]*)?$/;
/**
 * A line that may open a block scalar (`key: |`, `- >-`, the indicator after a blank): a comment
 * line after it may be its content.
 */
const BLOCK_SCALAR_HEADER = /(?:^|[ \t])[|>][-+0-9]*[ \t]*(?:#[^\n]*)?$/m;

/**
 * True, without a parse, when one text is the other (which the cache holds: it parsed) with whole
 * comment lines added or taken away at its end, after a document with content and outside any
 * block scalar: such lines are no content and end no node, so every node and range stays (a
 * differential test holds this against parses of fixtures). The cache then holds the new text.
 */
function commentsAtEnd(file: string, before: string, after: string): boolean {
  const key = `u:${file}`;
  const held = cache.get(key);
  const last = held?.text === before ? held.runs[held.runs.length - 1] : undefined;
  const [shorter, longer] = before.length <= after.length ? [before, after] : [after, before];
  if (!held || !last || last.start > shorter.length || !shorter.endsWith('\n') || !COMMENT_LINES.test(longer.slice(shorter.length))) return false;
  // A last document without a collection (an empty one) has a range that runs over the comments after it.
  const kind = last.docs[last.docs.length - 1]?.node?.kind;
  if ((kind !== 'map' && kind !== 'seq') || BLOCK_SCALAR_HEADER.test(longer.slice(last.start))) return false;
  cache.delete(key);
  cache.set(key, { text: after, runs: [...held.runs.slice(0, -1), { ...last, text: after.slice(last.start) }] });
  return true;
}

/** A file's parse as the editor holds it: its text and its runs of documents (YAML 1.1, go-yaml's reading). */
export interface EditorParse { text: string; chunks: ReadonlyArray<{ start: number; text: string; docs: readonly Document.Parsed[] }> }

/** The editor's parses of the files being typed in (the newest few). */
const offers = new Map<string, EditorParse>();
const OFFER_LIMIT = 8;

/**
 * The editor parsed `file` (the document being typed in): while it is offered, a run the renderer
 * must parse again is read from that parse instead, where it reads as a YAML 1.2 parse would.
 * Undefined withdraws it: the editor moves a parse's documents in place when it parses the next
 * version from it, so an offer must not outlive the render it is made for.
 */
export function offerEditorParse(file: string, parse: EditorParse | undefined): void {
  offers.delete(file);
  if (!parse) return;
  offers.set(file, parse);
  if (offers.size > OFFER_LIMIT) offers.delete(offers.keys().next().value!);
}

/**
 * The run's documents (ranges in the file) from the editor's parse of the same text, when it cut
 * the same run and every node reads as YAML 1.2 reads it; else undefined (the run is parsed).
 */
function editorRun(file: string, text: string, start: number, runText: string): ParsedDoc[] | undefined {
  const offer = offers.get(file);
  const chunk = offer?.text === text ? offer.chunks.find((c) => c.start === start && c.text === runText) : undefined;
  if (!chunk || chunk.docs.some((d) => d.errors.length > 0)) return undefined;
  try {
    const docs = chunk.docs.map((doc): ParsedDoc => {
      const contents = doc.contents as YNode | null;
      return { node: contents ? convert(contents, file, doc, text, 0, true) : undefined, origin: { file, range: doc.range ? [doc.range[0], doc.range[1]] : [start, start] } };
    });
    parseStats.fromEditor++;
    return docs;
  } catch (e) {
    if (e === READ_OTHERWISE) return undefined;
    throw e;
  }
}

/**
 * Thrown by a strict conversion at a node YAML 1.1 and 1.2 may read differently: an explicit
 * tag, a merge key, a key that is no plain string, a key written twice (a 1.2 parse refuses it),
 * a multi-line plain scalar 1.1 reads as no string.
 */
const READ_OTHERWISE = Symbol('read otherwise');

/** A plain key YAML 1.2 may read as null, a boolean or a number (and 1.1 as another). */
const MAYBE_NOT_STRING = /^(?:$|[-+.~0-9]|(?:y|n|yes|no|on|off|true|false|null)$)/i;

/** The text parsed at once, never cached (what a file's runs must read the same as). */
export function parseWholeText(text: string, file: string, uniqueKeys: boolean): ParsedDoc[] {
  parseStats.runs++;
  const lineCounter = new LineCounter();
  const docs = parseGoYamlStream(text, { lineCounter, version: '1.2', uniqueKeys });
  const out: ParsedDoc[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      const pos = lineCounter.linePos(err.pos[0]);
      const msg = err.code === 'DUPLICATE_KEY' ? `mapping key ${JSON.stringify(dupKey(err.message))} already defined` : err.message.split('\n')[0];
      throw new KustomizeError(`MalformedYAMLError: yaml: line ${pos.line}: ${msg} in File: ${file}`, { file, range: [err.pos[0], err.pos[1]] }, 'yaml-syntax');
    }
    const range: [number, number] = doc.range ? [doc.range[0], doc.range[1]] : [0, 0];
    const contents = doc.contents as YNode | null;
    out.push({ node: contents ? convert(contents, file, doc, text, 0) : undefined, origin: { file, range } });
  }
  return out;
}

function dupKey(message: string): string {
  const m = /key[s]? (?:must be unique|.*?)[: ]+"?([^"\n]+)"?/.exec(message);
  return m ? m[1] : message;
}

type AnyDoc = Parameters<Alias['resolve']>[0];

function convert(n: YNode, file: string, doc: AnyDoc, text: string, depth: number, strict = false): KNode {
  if (strict && !isAlias(n) && n.tag !== undefined) throw READ_OTHERWISE;
  if (depth > 200) throw new KustomizeError(`yaml: nesting too deep in File: ${file}`, { file, range: [0, 0] }, 'yaml-syntax');
  const origin: Origin = { file, range: n.range ? [n.range[0], trimEnd(text, n.range[0], n.range[1])] : [0, 0] };
  if (isAlias(n)) {
    const target = n.resolve(doc);
    if (!target) throw new KustomizeError(`yaml: unknown anchor '${n.source}' referenced in File: ${file}`, { file, range: origin.range }, 'yaml-syntax');
    return convert(target as YNode, file, doc, text, depth + 1, strict);
  }
  if (isYMap(n)) {
    const m = map([], origin);
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YNode | null;
      if (strict && !(isYScalar(keyNode) && keyNode.tag === undefined && typeof keyNode.value === 'string' && keyNode.value !== '<<'
        && !(keyNode.type === 'PLAIN' && MAYBE_NOT_STRING.test(keyNode.value)))) throw READ_OTHERWISE;
      // A merge key (<<) folds the aliased map in, as go-yaml does.
      if (isYScalar(keyNode) && keyNode.value === '<<' && pair.value) {
        const src = convert(pair.value as YNode, file, doc, text, depth + 1, strict);
        const sources = src.kind === 'map' ? [src] : src.kind === 'seq' ? src.items : [];
        for (const s of sources) if (s.kind === 'map') for (const e of s.entries) if (!m.entries.some((x) => x.key === e.key)) m.entries.push(e);
        continue;
      }
      const key = keyNode && isYScalar(keyNode) ? scalarText(keyNode, text) : keyNode ? String(keyNode.toString()) : '';
      const keyOrigin: Origin = { file, range: keyNode?.range ? [keyNode.range[0], keyNode.range[1]] : origin.range };
      const value = pair.value ? convert(pair.value as YNode, file, doc, text, depth + 1, strict) : scalar('', { file, range: [keyOrigin.range[1], keyOrigin.range[1]] }, 'null');
      const dup = m.entries.findIndex((x) => x.key === key);
      if (strict && dup >= 0) throw READ_OTHERWISE;
      if (dup >= 0) m.entries.splice(dup, 1);
      m.entries.push({ key, value, keyOrigin });
    }
    return m;
  }
  if (isYSeq(n)) return seq(n.items.map((x) => x ? convert(x as YNode, file, doc, text, depth + 1, strict) : scalar('', origin, 'null')), origin);
  if (isYScalar(n)) {
    if (strict && n.type === 'PLAIN' && typeof n.value !== 'string' && n.range && text.slice(n.range[0], n.range[1]).trimEnd().includes('\n')) throw READ_OTHERWISE;
    const value = scalarText(n, text);
    if (n.type === 'PLAIN' && n.tag === undefined) return scalar(value, origin, resolvePlain(value));
    return scalar(value, origin, tagOf(n.tag));
  }
  return scalar('', origin, 'null');
}

function tagOf(tag: string | undefined): 'str' | 'int' | 'float' | 'bool' | 'null' {
  switch (tag) {
    case 'tag:yaml.org,2002:int': return 'int';
    case 'tag:yaml.org,2002:float': return 'float';
    case 'tag:yaml.org,2002:bool': return 'bool';
    case 'tag:yaml.org,2002:null': return 'null';
    default: return 'str';
  }
}

/** The scalar's text as written (plain) or its decoded value (quoted, block). */
function scalarText(n: Scalar, text: string): string {
  if (n.type === 'PLAIN' && typeof n.value !== 'string' && n.range) return text.slice(n.range[0], n.range[1]).trimEnd();
  const value = n.value === null || n.value === undefined ? '' : String(n.value);
  // A block scalar whose last line ends the file without a line break has no final line break
  // to go-yaml (yaml adds one): `k: |` then "x" at the very end reads as "x".
  const block = n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED';
  if (block && n.range && n.range[1] >= text.length && !/[\n\r]$/.test(text) && value.endsWith('\n')) return value.slice(0, -1);
  return value;
}

/** Block collections' ranges run over the line break (and blank lines) after them. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
