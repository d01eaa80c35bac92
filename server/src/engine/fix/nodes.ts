// Structure the edits need beyond yaml-nav: where a node's content really ends, each node's
// parent, and which nodes are shared through aliases. Computed once per Document (cached).
import { Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { Ref } from '../model/yaml-nav';

export type Parent =
  | { kind: 'pair'; map: YAMLMap; pair: Pair; key: Scalar }
  | { kind: 'item'; seq: YAMLSeq; index: number }
  | { kind: 'root' };

interface DocInfo {
  parents: Map<Node, Parent>;
  /** Nodes an alias points at (directly). Editing inside one changes every place that aliases it. */
  aliased: Set<Node>;
}

const cache = new WeakMap<Document, DocInfo>();

function info(doc: Document): DocInfo {
  let di = cache.get(doc);
  if (di) return di;
  const parents = new Map<Node, Parent>();
  const aliased = new Set<Node>();
  const walk = (node: unknown, parent: Parent, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 200) return;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target) aliased.add(target);
      parents.set(node, parent);
      return;
    }
    if (isScalar(node)) { parents.set(node, parent); return; }
    if (isMap(node)) {
      parents.set(node, parent);
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key)) walk(pair.value, { kind: 'pair', map: node, pair, key: pair.key }, depth + 1);
      }
      return;
    }
    if (isSeq(node)) {
      parents.set(node, parent);
      node.items.forEach((item, index) => walk(item, { kind: 'item', seq: node, index }, depth + 1));
    }
  };
  walk(doc.contents, { kind: 'root' }, 0);
  di = { parents, aliased };
  cache.set(doc, di);
  return di;
}

export function parentOf(doc: Document, node: Node): Parent | undefined {
  return info(doc).parents.get(node);
}

/**
 * True when an edit at `node` stays where the reader sees it: the node belongs to this document,
 * neither it nor any ancestor is the target of an alias (an edit there would silently change
 * every place that aliases it), and the document parsed without errors.
 */
export function editableAt(doc: Document, node: Node): boolean {
  if (doc.errors.length > 0) return false;
  const di = info(doc);
  let cur: Node | undefined = node;
  for (let depth = 0; cur && depth < 200; depth++) {
    if (di.aliased.has(cur)) return false;
    const p = di.parents.get(cur);
    if (!p) return false;
    if (p.kind === 'root') return true;
    cur = p.kind === 'pair' ? p.map : p.seq;
  }
  return false;
}

/** A map or sequence given directly, or as a yaml-nav Ref (refused when reached via an alias or merge). */
export type Target<T> = T | Ref;

export function resolveTarget<T extends Node>(target: Target<T> | undefined, doc: Document, is: (n: unknown) => n is T): T | undefined {
  if (!target) return undefined;
  let node: unknown = target;
  if (typeof target === 'object' && 'viaAlias' in target) {
    const ref = target as Ref;
    if (ref.viaAlias || isAlias(ref.site)) return undefined;
    node = ref.value;
  }
  if (!is(node) || !editableAt(doc, node)) return undefined;
  return node;
}

export function hasProps(node: Node): boolean {
  return !!(node.anchor || node.tag);
}

/**
 * Exclusive end of what a node actually holds: the end of its last scalar or flow collection.
 * A block collection's own range runs on past trailing blank lines and comments (and into the
 * indentation of the next sequence item), so it is never used to place an insertion.
 */
export function contentEnd(node: unknown): number {
  if (isPair(node)) return Math.max(contentEnd(node.key), node.value == null ? 0 : contentEnd(node.value));
  if (isCollection(node) && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1]);
  const r = (node as Node | null)?.range;
  return r ? r[1] : 0;
}

export function startOf(node: unknown): number {
  const r = (node as Node | null)?.range;
  return r ? r[0] : -1;
}

/** The pairs of a block or flow map whose key is `name` (own pairs, no merge). */
export function ownPairs(map: YAMLMap, name: string): Pair[] {
  return map.items.filter((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value != null && typeof p.key.value !== 'symbol' && String(p.key.value) === name);
}

/** True when `map` has a `<<` merge key: a missing key might then be inherited, so its absence is not known. */
export function hasMerge(map: YAMLMap): boolean {
  // The parser keys a merge with Symbol('<<') (with `merge: true`), a plain `'<<'` otherwise.
  return map.items.some(p => isPair(p) && isScalar(p.key) && (p.key.value === '<<' || (typeof p.key.value === 'symbol' && p.key.value.description === '<<')));
}

/** A null value as written: nothing (`key:`) or an explicit `~` / `null`. */
export function isNullScalar(node: unknown): node is Scalar {
  return isScalar(node) && node.value == null;
}

/** True when an alias points at `node`: an edit inside it would change every place that aliases it. */
export function isShared(doc: Document, node: Node): boolean {
  return info(doc).aliased.has(node);
}

/**
 * True when `node` or anything inside it is the target of an alias: removing it would leave that
 * alias pointing at nothing (`x: &v ...` removed while `*v` stays elsewhere).
 */
export function holdsShared(doc: Document, node: unknown): boolean {
  const { aliased } = info(doc);
  const walk = (n: unknown, depth: number): boolean => {
    if (!n || typeof n !== 'object' || depth > 200) return false;
    if (aliased.has(n as Node)) return true;
    if (isPair(n)) return walk(n.key, depth + 1) || walk(n.value, depth + 1);
    if (isCollection(n)) return n.items.some(item => walk(item, depth + 1));
    return false;
  };
  return walk(node, 0);
}
