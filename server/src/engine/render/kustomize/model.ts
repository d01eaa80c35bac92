// The node tree the renderer transforms. Every node remembers where it came from (file and
// source range, or the kustomization entry of the transformer that made it), so a finding on a
// rendered value can point at the line that decided it. Deep copies keep those origins.

export interface Origin {
  file: string;
  /** [start, end) offsets in UTF-16 code units into the file's text. */
  range: [number, number];
}

export type ScalarTag = 'str' | 'int' | 'float' | 'bool' | 'null';

export interface KScalar { kind: 'scalar'; value: string; tag: ScalarTag; origin?: Origin }
export interface KSeq { kind: 'seq'; items: KNode[]; origin?: Origin }
export interface KEntry { key: string; value: KNode; keyOrigin?: Origin }
export interface KMap { kind: 'map'; entries: KEntry[]; origin?: Origin }
export type KNode = KScalar | KSeq | KMap;

export const scalar = (value: string, origin?: Origin, tag: ScalarTag = 'str'): KScalar =>
  ({ kind: 'scalar', value, tag, origin });
export const seq = (items: KNode[] = [], origin?: Origin): KSeq => ({ kind: 'seq', items, origin });
export const map = (entries: KEntry[] = [], origin?: Origin): KMap => ({ kind: 'map', entries, origin });

export const isMap = (n: KNode | undefined): n is KMap => n?.kind === 'map';
export const isSeq = (n: KNode | undefined): n is KSeq => n?.kind === 'seq';
export const isScalar = (n: KNode | undefined): n is KScalar => n?.kind === 'scalar';
export const isNull = (n: KNode | undefined): boolean => n === undefined || (n.kind === 'scalar' && n.tag === 'null');

/** A deep copy; with `at`, every node (and key) of the copy has that origin instead of its own. */
export function clone<T extends KNode>(n: T, at?: Origin): T {
  const origin = at ?? n.origin;
  switch (n.kind) {
    case 'scalar': return at ? { ...n, origin: at } : { ...n };
    case 'seq': return { kind: 'seq', items: n.items.map((x) => clone(x, at)), origin } as T;
    case 'map': return { kind: 'map', origin, entries: n.entries.map((e) => (at ? { ...e, value: clone(e.value, at), keyOrigin: at } : { ...e, value: clone(e.value) })) } as T;
  }
}

export function get(n: KNode | undefined, key: string): KNode | undefined {
  if (!isMap(n)) return undefined;
  for (const e of n.entries) if (e.key === key) return e.value;
  return undefined;
}

export function getPath(n: KNode | undefined, path: readonly string[]): KNode | undefined {
  let cur = n;
  for (const k of path) cur = get(cur, k);
  return cur;
}

export function str(n: KNode | undefined): string | undefined {
  return n?.kind === 'scalar' && n.tag !== 'null' ? n.value : undefined;
}

/** A list of scalars as strings (a non-list: none). */
export function strings(n: KNode | undefined): string[] {
  return isSeq(n) ? n.items.map((x) => str(x) ?? '') : [];
}

export function set(n: KMap, key: string, value: KNode, keyOrigin?: Origin): void {
  const e = n.entries.find((x) => x.key === key);
  if (e) e.value = value;
  else n.entries.push({ key, value, keyOrigin: keyOrigin ?? value.origin });
}

export function remove(n: KMap, key: string): boolean {
  const i = n.entries.findIndex((x) => x.key === key);
  if (i < 0) return false;
  n.entries.splice(i, 1);
  return true;
}

/** The map at `path`, created (with `origin`) where missing; undefined when a non-map is in the way. */
export function ensureMap(n: KMap, path: readonly string[], origin?: Origin): KMap | undefined {
  let cur: KMap = n;
  for (const k of path) {
    let next = get(cur, k);
    if (next === undefined || isNull(next)) { next = map([], origin); set(cur, k, next, origin); }
    if (!isMap(next)) return undefined;
    cur = next;
  }
  return cur;
}

/** A plain value as Go's YAML v3 decoder would hand it to encoding/json. */
export type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

// Set when a scalar read as a number that JSON cannot write (toPlainChecked).
let nonFinite = false;

// Trees that are rendered never change again (a shared one is copied before a write, resource.ts),
// so a tree's plain form is kept by the tree; a copy that differs only by origins (a document
// moved by an edit above it, doc-runs.ts) takes its original's.
let plainOfTree = new WeakMap<KMap, { value: Plain; jsonExact: boolean }>();

/** The tree's plain form (toPlainChecked), kept: shared by every render of the same tree, never change it. */
export function plainOf(tree: KMap): { value: Plain; jsonExact: boolean } {
  let hit = plainOfTree.get(tree);
  if (!hit) { hit = toPlainChecked(tree); plainOfTree.set(tree, hit); }
  return hit;
}

/** `copy` has `original`'s values (only origins differ): it has its plain form too, if that is known. */
export function samePlainAs(copy: KMap, original: KMap): void {
  const hit = plainOfTree.get(original);
  if (hit) plainOfTree.set(copy, hit);
}

export function forgetPlainForms(): void { plainOfTree = new WeakMap(); }

/** toPlain, and whether JSON writes the value exactly (no NaN or ±Infinity in it). */
export function toPlainChecked(n: KNode): { value: Plain; jsonExact: boolean } {
  nonFinite = false;
  const value = toPlain(n);
  return { value, jsonExact: !nonFinite };
}

export function toPlain(n: KNode): Plain {
  switch (n.kind) {
    case 'seq': return n.items.map(toPlain);
    case 'map': {
      const o: { [k: string]: Plain } = {};
      for (const e of n.entries) o[e.key] = toPlain(e.value);
      return o;
    }
    case 'scalar': return scalarToPlain(n);
  }
}

function scalarToPlain(n: KScalar): Plain {
  switch (n.tag) {
    case 'null': return null;
    case 'bool': return /^(true|True|TRUE)$/.test(n.value);
    case 'int': return finite(parseGoInt(n.value));
    case 'float': return finite(parseGoFloat(n.value));
    default: return n.value;
  }
}

function finite(v: number): number {
  if (!Number.isFinite(v)) nonFinite = true;
  return v;
}

function parseGoInt(text: string): number {
  const t = text.replace(/_/g, '');
  const neg = t.startsWith('-');
  const body = t.replace(/^[-+]/, '');
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  // Go reads a leading zero as octal (strconv.ParseInt with base 0): `defaultMode: 0755` is 493.
  else if (/^0[0-7]+$/.test(body)) v = parseInt(body.slice(1), 8);
  else v = parseInt(body, 10);
  return neg ? -v : v;
}

function parseGoFloat(text: string): number {
  const t = text.toLowerCase();
  if (t.endsWith('.inf')) return t.startsWith('-') ? -Infinity : Infinity;
  if (t === '.nan') return NaN;
  return parseFloat(text.replace(/_/g, ''));
}

/** Builds nodes from plain data; every node gets `origin` (a transformer's entry). */
export function fromPlain(v: Plain, origin?: Origin): KNode {
  if (v === null) return scalar('null', origin, 'null');
  if (Array.isArray(v)) return seq(v.map((x) => fromPlain(x, origin)), origin);
  if (typeof v === 'object') return map(Object.entries(v).map(([key, x]) => ({ key, value: fromPlain(x, origin), keyOrigin: origin })), origin);
  if (typeof v === 'boolean') return scalar(String(v), origin, 'bool');
  if (typeof v === 'number') return scalar(String(v), origin, Number.isInteger(v) ? 'int' : 'float');
  return scalar(v, origin, 'str');
}

/** go-yaml v3's resolution of a plain scalar (YAML 1.2 core schema as Go reads it). */
export function resolvePlain(text: string): ScalarTag {
  if (text === '' || text === '~' || /^(null|Null|NULL)$/.test(text)) return 'null';
  if (/^(true|True|TRUE|false|False|FALSE)$/.test(text)) return 'bool';
  if (/^[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+)$/.test(text)) return 'int';
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(text)) return 'float';
  if (/^[-+]?\.(inf|Inf|INF)$/.test(text) || /^\.(nan|NaN|NAN)$/.test(text)) return 'float';
  return 'str';
}
