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
  return mergeMap(dest, patch, gvk, []);
}

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
  let key: string | undefined;
  if (strategy.merge === 'key') key = strategy.key;
  else if (strategy.merge === 'infer') {
    const all = [...dest?.items ?? [], ...patch.items.filter((x) => !(isMap(x) && str(get(x, '$patch')) === 'delete' && !get(x, 'name')))];
    if (all.length && all.every((x) => isMap(x) && get(x, 'name') !== undefined)) key = 'name';
  } else if (strategy.merge === 'set') {
    dest ??= seq([], patch.origin);
    const seen = new Set<string | undefined>();
    const out: KNode[] = [];
    for (const x of [...patch.items.map((p) => clone(p)), ...dest.items]) if (!seen.has(str(x))) { seen.add(str(x)); out.push(x); }
    dest.items = out;
    return dest;
  }
  if (!key) return stripDirectives(clone(patch)) as KSeq;
  if (!dest) return newKeyedList(patch, key, gvk, path);
  // Kustomize merges with "prepend" growth: the patch's items come first in the patch's order
  // (merged with the base's item of the same key), then the base's other items in their order.
  const k = key;
  const destByKey = new Map<string, KNode>();
  for (const x of dest.items) { const v = isMap(x) ? keyOf(x, k) : undefined; if (v !== undefined && !destByKey.has(v)) destByKey.set(v, x); }
  const out: KNode[] = [];
  const seen = new Set<string>();
  for (const item of patch.items) {
    if (!isMap(item)) continue;
    const v = keyOf(item, k);
    if (v === undefined || seen.has(v)) continue;
    seen.add(v);
    if (str(get(item, '$patch')) === 'delete') continue;
    const base = destByKey.get(v);
    const merged = mergeValue(base, item, gvk, path);
    if (merged !== undefined) out.push(merged);
  }
  for (const x of dest.items) {
    const v = isMap(x) ? keyOf(x, k) : undefined;
    if (v === undefined) out.push(x);
    else if (!seen.has(v)) { seen.add(v); out.push(x); }
  }
  dest.items = out;
  return dest;
}

/**
 * A keyed list the object lacks: kyaml takes the patch's list as it stands and walks each item
 * that has the key against nothing (its nulls are dropped); an item without the key stays as written.
 */
function newKeyedList(patch: KSeq, key: string, gvk: Gvk, path: string[]): KSeq {
  const items: KNode[] = [];
  for (const item of patch.items) {
    if (!isMap(item) || keyOf(item, key) === undefined) { items.push(stripDirectives(clone(item))); continue; }
    const merged = mergeValue(undefined, item, gvk, path);
    if (merged !== undefined) items.push(merged);
  }
  return seq(items, patch.origin);
}

function keyOf(item: KMap, key: string): string | undefined {
  const v = get(item, key);
  return isScalar(v) ? v.value : undefined;
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
