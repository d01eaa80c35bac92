// Strategic merge patches as Kustomize applies them (kyaml merge2): maps merge field by field,
// null deletes, lists merge by their patch merge key or are replaced, and the directives
// $patch: delete|replace|merge, $setElementOrder, $retainKeys and $deleteFromPrimitiveList work.
// Values a patch sets keep the patch's nodes, so their origin is the patch.
import { clone, get, isMap, isNull, isScalar, isSeq, KMap, KNode, KSeq, map, seq, str } from './model';
import { Gvk } from './resource';
import { listStrategy } from './merge-keys';

/** Returns the merged object, or undefined when the patch deletes it ($patch: delete). */
export function strategicMerge(dest: KMap, patch: KMap, gvk: Gvk): KMap | undefined {
  const directive = str(get(patch, '$patch'));
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return stripDirectives(clone(patch)) as KMap;
  const merged = mergeMap(dest, patch, gvk, []);
  dropEmptyFields(merged, gvk, []);
  return merged;
}

/**
 * kyaml walks the whole object when it merges, and a field whose value is empty (`key:` with
 * nothing after it) comes out of the walk deleted; an explicit null or ~ stays. The walk goes
 * through maps and the items of lists merged by key, not into lists replaced whole.
 */
function dropEmptyFields(m: KMap, gvk: Gvk, path: string[]): void {
  if (m.entries.some((e) => isEmptyValue(e.value))) m.entries = m.entries.filter((e) => !isEmptyValue(e.value));
  for (const e of m.entries) {
    const here = [...path, e.key];
    if (isMap(e.value)) dropEmptyFields(e.value, gvk, here);
    else if (isSeq(e.value) && listStrategy(gvk, here).merge === 'key') {
      for (const item of e.value.items) if (isMap(item)) dropEmptyFields(item, gvk, here);
    }
  }
}

const isEmptyValue = (n: KNode) => n.kind === 'scalar' && n.tag === 'null' && n.value === '';

function mergeMap(dest: KMap, patch: KMap, gvk: Gvk, path: string[]): KMap {
  const retain = get(patch, '$retainKeys');
  for (const e of patch.entries) {
    const key = e.key;
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const target = get(dest, field);
      if (isSeq(target) && isSeq(e.value)) {
        const drop = new Set(e.value.items.map((x) => str(x)));
        target.items = target.items.filter((x) => !drop.has(str(x)));
      }
      continue;
    }
    const pv = e.value;
    const idx = dest.entries.findIndex((x) => x.key === key);
    if (isNull(pv)) { if (idx >= 0) dest.entries.splice(idx, 1); continue; }
    const dv = idx >= 0 ? dest.entries[idx].value : undefined;
    const merged = mergeValue(dv, pv, gvk, [...path, key]);
    if (merged === undefined) { if (idx >= 0) dest.entries.splice(idx, 1); continue; }
    if (idx >= 0) dest.entries[idx].value = merged;
    else dest.entries.push({ key, value: merged, keyOrigin: e.keyOrigin });
  }
  if (isSeq(retain)) {
    const keep = new Set(retain.items.map((x) => str(x)));
    dest.entries = dest.entries.filter((x) => keep.has(x.key));
  }
  return dest;
}

function mergeValue(dv: KNode | undefined, pv: KNode, gvk: Gvk, path: string[]): KNode | undefined {
  if (isMap(pv)) {
    const directive = str(get(pv, '$patch'));
    if (directive === 'delete') return undefined;
    if (directive === 'replace') return stripDirectives(clone(pv));
    // A map the object lacks is merged into an empty one, as kyaml walks it: its nulls delete
    // nothing and are dropped.
    return mergeMap(isMap(dv) ? dv : map([], pv.origin), pv, gvk, path);
  }
  if (isSeq(pv)) return mergeList(isSeq(dv) ? dv : undefined, pv, gvk, path);
  return clone(pv);
}

function mergeList(dest: KSeq | undefined, patch: KSeq, gvk: Gvk, path: string[]): KSeq {
  // A "- $patch: replace" item replaces the list with the patch's other items.
  if (patch.items.some((x) => isMap(x) && str(get(x, '$patch')) === 'replace')) {
    return stripDirectives(clone({ ...patch, items: patch.items.filter((x) => !(isMap(x) && get(x, '$patch'))) })) as KSeq;
  }
  const strategy = listStrategy(gvk, path);
  if (strategy.merge === 'replace') return stripDirectives(clone(patch)) as KSeq;
  if (strategy.merge === 'set') {
    dest ??= seq([], patch.origin);
    const seen = new Set<string | undefined>();
    const out: KNode[] = [];
    for (const x of [...patch.items.map((p) => clone(p)), ...dest.items]) if (!seen.has(str(x))) { seen.add(str(x)); out.push(x); }
    dest.items = out;
    return dest;
  }
  const keys = strategy.keys;
  if (!dest) return newKeyedList(patch, keys, gvk, path);
  if (keys.length > 1) return mergeByKeyTuple(dest, patch, keys, gvk, path);
  // Kustomize merges with "prepend" growth: the patch's items come first in the patch's order
  // (merged with the base's item of the same key), then the base's other items in their order.
  const destKeys = dest.items.map((x) => (isMap(x) ? keyOf(x, keys) : undefined));
  const out: KNode[] = [];
  const taken: string[][] = [];
  const isTaken = (t: string[]) => taken.some((s) => sameKey(s, t));
  for (const item of patch.items) {
    const t = isMap(item) ? keyOf(item, keys) : undefined;
    if (t === undefined || isTaken(t)) continue;
    taken.push(t);
    if (str(get(item, '$patch')) === 'delete') continue;
    const i = destKeys.findIndex((d) => d !== undefined && sameKey(d, t));
    const merged = mergeValue(i >= 0 ? dest.items[i] : undefined, item, gvk, path);
    if (merged !== undefined) out.push(merged);
  }
  dest.items.forEach((x, i) => {
    const t = destKeys[i];
    if (t === undefined) out.push(x);
    else if (!isTaken(t)) { taken.push(t); out.push(x); }
  });
  dest.items = out;
  return dest;
}

/**
 * A list merged by several keys (ports by port and protocol): kyaml puts the patch's new items
 * first, then the object's items in their own order, each merged with the patch item whose keys
 * are all equal. A patch item that matches an object's item only where one of them lacks a key
 * (port 53/TCP against a port 53 without protocol) is lost, and the object's item stays as it was.
 */
function mergeByKeyTuple(dest: KSeq, patch: KSeq, keys: readonly string[], gvk: Gvk, path: string[]): KSeq {
  const destKeys = dest.items.map((x) => (isMap(x) ? keyOf(x, keys) : undefined));
  const fresh: KNode[] = [];
  const into = new Map<number, KMap | 'delete'>();
  for (const item of patch.items) {
    const t = isMap(item) ? keyOf(item, keys) : undefined;
    if (t === undefined) continue;
    const equal = destKeys.findIndex((d) => d !== undefined && d.every((v, i) => v === t[i]));
    if (equal < 0 && destKeys.some((d) => d !== undefined && sameKey(d, t))) continue;
    if (equal >= 0 && into.has(equal)) continue;
    const deleting = str(get(item, '$patch')) === 'delete';
    if (equal >= 0) { into.set(equal, deleting ? 'delete' : item as KMap); continue; }
    if (deleting || fresh.some((x) => sameKey(keyOf(x as KMap, keys)!, t))) continue;
    const made = mergeValue(undefined, item, gvk, path);
    if (made !== undefined) fresh.push(made);
  }
  const kept: KNode[] = [];
  dest.items.forEach((x, i) => {
    const p = into.get(i);
    if (p === 'delete') return;
    const merged = p ? mergeValue(x, p, gvk, path) : x;
    if (merged !== undefined) kept.push(merged);
  });
  dest.items = [...fresh, ...kept];
  return dest;
}

/**
 * A keyed list the object lacks: kyaml takes the patch's list as it stands and walks each item
 * that has the key against nothing (its nulls are dropped); an item without the key stays as written.
 */
function newKeyedList(patch: KSeq, keys: readonly string[], gvk: Gvk, path: string[]): KSeq {
  const items: KNode[] = [];
  for (const item of patch.items) {
    if (!isMap(item) || keyOf(item, keys) === undefined) { items.push(stripDirectives(clone(item))); continue; }
    const merged = mergeValue(undefined, item, gvk, path);
    if (merged !== undefined) items.push(merged);
  }
  return seq(items, patch.origin);
}

/** The item's values of the merge keys ("" where it has none); undefined when it has none at all. */
function keyOf(item: KMap, keys: readonly string[]): string[] | undefined {
  const values = keys.map((k) => { const v = get(item, k); return isScalar(v) && v.tag !== 'null' ? v.value : ''; });
  return values.some((v) => v !== '') ? values : undefined;
}

/**
 * Two items are the same item when their key values agree where both have one (kyaml's match:
 * a port without a protocol is the same port as one with it).
 */
function sameKey(a: readonly string[], b: readonly string[]): boolean {
  let common = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) common = true;
    else if (a[i] !== '' && b[i] !== '') return false;
  }
  return common;
}

export function stripDirectives(n: KNode): KNode {
  if (isMap(n)) {
    n.entries = n.entries.filter((e) => !e.key.startsWith('$'));
    for (const e of n.entries) stripDirectives(e.value);
  } else if (isSeq(n)) {
    n.items = n.items.filter((x) => !(isMap(x) && x.entries.length === 1 && x.entries[0].key === '$patch'));
    for (const x of n.items) stripDirectives(x);
  }
  return n;
}
