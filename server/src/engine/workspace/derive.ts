// The one way to cache what is computed from the whole workspace model (a table of Services by
// name, the RBAC graph, the policies of each namespace). A value is kept for one model and one
// revision of it: any change of the model (a file set, removed, a new default namespace) moves
// the revision, so nothing computed before it is served after. Domains and rules declare their
// tables with perModel instead of adding fields and invalidation code to the model.
import type { WorkspaceIndex } from './index';

/** Wraps `build` so it runs once per model revision; the cache dies with the model. */
export function perModel<T>(build: (index: WorkspaceIndex) => T): (index: WorkspaceIndex) => T {
  const cache = new WeakMap<WorkspaceIndex, { revision: number; value: T }>();
  return index => {
    const hit = cache.get(index);
    if (hit && hit.revision === index.revision) return hit.value;
    const value = build(index);
    cache.set(index, { revision: index.revision, value });
    return value;
  };
}

/**
 * A per-model table filled on demand, one entry per key (an object, a namespace): for answers
 * asked of many keys where computing all at once would waste work.
 */
export function perModelMap<K, V>(compute: (index: WorkspaceIndex, key: K) => V): (index: WorkspaceIndex, key: K) => V {
  const tables = perModel(() => new Map<K, V>());
  return (index, key) => {
    const table = tables(index);
    if (table.has(key)) return table.get(key) as V;
    const value = compute(index, key);
    table.set(key, value);
    return value;
  };
}
