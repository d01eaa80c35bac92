// Read-only navigation over `yaml` nodes. Rules never call toJS(): a value is looked up along
// a path, so alias-heavy documents cost nothing more than the lookups made, and every value
// keeps the node it came from (for ranges and, later, edits).
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

/** A value found in a document, with the nodes that locate it. */
export interface Ref {
  /** The value, aliases resolved. */
  value: Node;
  /** The key scalar of the pair the value belongs to (absent for sequence items). */
  key?: Scalar;
  /** The node written at this place in the text: the alias when the value came through one. */
  site: Node;
  /** True when the value (or a map on the way to it) was reached through an alias or merge key. */
  viaAlias: boolean;
}

const MAX_ALIAS_HOPS = 16;

// `Alias.resolve` searches the whole document for its anchor on every call, and `<<` merges of
// merges (an alias bomb) make the same aliases resolve over and over: each alias's target is
// remembered. Documents are never changed after parsing, so a target cannot go stale.
const targets = new WeakMap<Alias, Node | null>();

function target(alias: Alias, doc: Document): Node | undefined {
  let t = targets.get(alias);
  if (t === undefined) {
    t = alias.resolve(doc) ?? null;
    targets.set(alias, t);
  }
  return t ?? undefined;
}

export function resolveAlias(node: unknown, doc: Document): Node | undefined {
  let n = node;
  for (let hops = 0; isAlias(n) && hops < MAX_ALIAS_HOPS; hops++) {
    n = target(n as Alias, doc);
  }
  return isAlias(n) ? undefined : (n as Node | undefined) ?? undefined;
}

// With `merge: true` the parser gives a `<<` key the value Symbol('<<'); stringifying it would
// read "Symbol(<<)", so a merge key is recognised by its symbol.
function keyText(key: unknown): string | undefined {
  if (!isScalar(key) || key.value == null) return undefined;
  return typeof key.value === 'symbol' ? (key.value.description === '<<' ? '<<' : undefined) : String(key.value);
}

/**
 * The pair of `map` with key `name`. Own pairs win over `<<` merge keys (YAML 1.1 merge, which
 * kubectl honours); the last own duplicate wins, as in Go's YAML decoders.
 */
export function findPair(map: YAMLMap, name: string, doc: Document, depth = 0, seen?: Set<YAMLMap>): { pair: Pair; merged: boolean } | undefined {
  let found: Pair | undefined;
  for (const item of map.items) {
    if (isPair(item) && keyText(item.key) === name) found = item;
  }
  if (found) return { pair: found, merged: false };
  if (depth > 4) return undefined;
  // A map merged twice (`<<: [*a, *a]`, or through two parents) answers the same the second
  // time: visiting each once keeps a merge-key bomb linear instead of exponential.
  const visited = seen ?? new Set<YAMLMap>([map]);
  for (const item of map.items) {
    if (!isPair(item) || keyText(item.key) !== '<<') continue;
    const sources = isSeq(item.value) ? item.value.items : [item.value];
    for (const src of sources) {
      const target = resolveAlias(src, doc);
      if (isMap(target) && !visited.has(target)) {
        visited.add(target);
        const hit = findPair(target, name, doc, depth + 1, visited);
        if (hit) return { pair: hit.pair, merged: true };
      }
    }
  }
  return undefined;
}

/** Value of `name` in `map`, or undefined when absent or null. */
export function get(map: YAMLMap | undefined, name: string, doc: Document): Ref | undefined {
  if (!map) return undefined;
  const hit = findPair(map, name, doc);
  return hit && refOf(hit.pair, hit.merged, doc);
}

/** The value of a pair as a Ref (undefined when null); `merged`: the pair came through a `<<` merge. */
function refOf(pair: Pair, merged: boolean, doc: Document): Ref | undefined {
  const raw = pair.value;
  if (raw == null) return undefined;
  const value = resolveAlias(raw, doc);
  if (!value) return undefined;
  if (isScalar(value) && value.value == null) return undefined;
  return { value, key: isScalar(pair.key) ? pair.key : undefined, site: raw as Node, viaAlias: merged || isAlias(raw) };
}

/** The key scalar of `name` in `map` even when its value is null (`securityContext:`). */
export function keyOf(map: YAMLMap | undefined, name: string, doc: Document): Scalar | undefined {
  if (!map) return undefined;
  const hit = findPair(map, name, doc);
  return hit && isScalar(hit.pair.key) ? hit.pair.key : undefined;
}

export function getMap(map: YAMLMap | undefined, name: string, doc: Document): YAMLMap | undefined {
  const r = get(map, name, doc);
  return r && isMap(r.value) ? r.value : undefined;
}

export function getSeq(map: YAMLMap | undefined, name: string, doc: Document): YAMLSeq | undefined {
  const r = get(map, name, doc);
  return r && isSeq(r.value) ? r.value : undefined;
}

export function getIn(map: YAMLMap | undefined, path: readonly string[], doc: Document): Ref | undefined {
  let cur: YAMLMap | undefined = map;
  let via = false;
  for (let i = 0; i < path.length; i++) {
    const r = get(cur, path[i], doc);
    if (!r) return undefined;
    via = via || r.viaAlias;
    if (i === path.length - 1) return { ...r, viaAlias: via };
    if (!isMap(r.value)) return undefined;
    cur = r.value;
  }
  return undefined;
}

/** Items of a sequence with aliases resolved, each with its site. */
export function seqItems(seq: YAMLSeq | undefined, doc: Document): Ref[] {
  if (!seq) return [];
  const out: Ref[] = [];
  for (const raw of seq.items) {
    const value = resolveAlias(raw, doc);
    if (value) out.push({ value, site: raw as Node, viaAlias: isAlias(raw) });
  }
  return out;
}

/** Scalar value of a ref as a string (numbers and booleans stringified), or undefined. */
export function str(ref: Ref | undefined): string | undefined {
  if (!ref || !isScalar(ref.value)) return undefined;
  const v = ref.value.value;
  return v == null ? undefined : String(v);
}

/** True only for a YAML boolean true (YAML 1.1 spellings included): Kubernetes rejects "true" strings. */
export function isTrue(ref: Ref | undefined): boolean {
  return !!ref && isScalar(ref.value) && ref.value.value === true;
}

export function isFalse(ref: Ref | undefined): boolean {
  return !!ref && isScalar(ref.value) && ref.value.value === false;
}

export function num(ref: Ref | undefined): number | undefined {
  if (!ref || !isScalar(ref.value)) return undefined;
  const v = ref.value.value;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** The pairs of a map, keys as text: own pairs first, then those `<<` merges bring in. */
export function entries(map: YAMLMap | undefined, doc: Document): Array<{ name: string; ref: Ref }> {
  if (!map) return [];
  // A set and one pass over the own pairs: a ConfigMap may have tens of thousands of keys.
  const names = new Set<string>();
  const own = new Map<string, Pair>();
  for (const item of map.items) {
    const name = isPair(item) ? keyText(item.key) : undefined;
    if (name !== undefined && name !== '<<') own.set(name, item as Pair);
  }
  const visited = new Set<YAMLMap>();
  const collect = (m: YAMLMap, depth: number) => {
    if (visited.has(m)) return;
    visited.add(m);
    for (const item of m.items) {
      if (!isPair(item)) continue;
      const name = keyText(item.key);
      if (name !== undefined && name !== '<<') names.add(name);
    }
    if (depth > 4) return;
    for (const item of m.items) {
      if (!isPair(item) || keyText(item.key) !== '<<') continue;
      for (const src of isSeq(item.value) ? item.value.items : [item.value]) {
        const target = resolveAlias(src, doc);
        if (isMap(target)) collect(target, depth + 1);
      }
    }
  };
  collect(map, 0);
  const out: Array<{ name: string; ref: Ref }> = [];
  for (const name of names) {
    // Own keys win over merged ones, the last own duplicate as findPair answers.
    const pair = own.get(name);
    const r = pair ? refOf(pair, false, doc) : get(map, name, doc);
    if (r) out.push({ name, ref: r });
  }
  return out;
}

export function hasRange(n: unknown): n is Node & { range: [number, number, number] } {
  return !!n && typeof n === 'object' && Array.isArray((n as Node).range);
}
