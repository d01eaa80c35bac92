// Strategic merge patches as Kustomize applies them (kyaml merge2): maps merge field by field,
// null deletes, lists merge by their patch merge key or are replaced, and the directives
// $patch: delete|replace|merge, $setElementOrder, $retainKeys and $deleteFromPrimitiveList work.
// Values a patch sets keep the patch's nodes, so their origin is the patch.
import { clone, get, isMap, isNull, isScalar, isSeq, KMap, KNode, KSeq, str } from './model';
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
    if (directive === 'replace' || !isMap(dv)) return stripDirectives(clone(pv));
    return mergeMap(dv, pv, gvk, path);
  }
  if (isSeq(pv)) return isSeq(dv) ? mergeList(dv, pv, gvk, path) : stripDirectives(clone(pv));
  return clone(pv);
}

function mergeList(dest: KSeq, patch: KSeq, gvk: Gvk, path: string[]): KSeq {
  // A "- $patch: replace" item replaces the list with the patch's other items.
  if (patch.items.some((x) => isMap(x) && str(get(x, '$patch')) === 'replace')) {
    return stripDirectives(clone({ ...patch, items: patch.items.filter((x) => !(isMap(x) && get(x, '$patch'))) })) as KSeq;
  }
  const strategy = listStrategy(gvk, path);
  let key: string | undefined;
  if (strategy.merge === 'key') key = strategy.key;
  else if (strategy.merge === 'infer') {
    const all = [...dest.items, ...patch.items.filter((x) => !(isMap(x) && str(get(x, '$patch')) === 'delete' && !get(x, 'name')))];
    if (all.length && all.every((x) => isMap(x) && get(x, 'name') !== undefined)) key = 'name';
  } else if (strategy.merge === 'set') {
    const have = new Set(dest.items.map((x) => str(x)));
    for (const x of patch.items) if (!have.has(str(x))) dest.items.push(clone(x));
    return dest;
  }
  if (!key) return stripDirectives(clone(patch)) as KSeq;
  for (const item of patch.items) {
    if (!isMap(item)) continue;
    const k = keyOf(item, key);
    const i = dest.items.findIndex((x) => isMap(x) && keyOf(x, key!) === k);
    if (str(get(item, '$patch')) === 'delete') { if (i >= 0) dest.items.splice(i, 1); continue; }
    if (i < 0) { dest.items.push(stripDirectives(clone(item))); continue; }
    const merged = mergeValue(dest.items[i], item, gvk, path);
    if (merged === undefined) dest.items.splice(i, 1);
    else dest.items[i] = merged;
  }
  return dest;
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
