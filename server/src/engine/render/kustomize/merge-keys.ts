// Which lists a strategic merge patch merges item by item, and by which keys. Kustomize takes
// this from the Kubernetes OpenAPI document it builds in (x-kubernetes-patch-strategy and
// -merge-key / -list-map-keys; openapi-lists.ts holds those facts). A list the schema does not
// mark for merging is replaced whole, and so is every list of a kind the schema does not know
// (custom resources, kinds newer than the document): kyaml infers no keys when it patches.
import { Gvk } from './resource';
import { SCHEMA_LISTS } from './openapi-lists';

export type ListStrategy = { merge: 'key'; keys: readonly string[] } | { merge: 'set' } | { merge: 'replace' };

/** "group/version/kind" -> path of a merged list -> its keys (none: a set of scalars). */
const byKind = new Map<string, Map<string, readonly string[]>>();
for (const [kinds, lists] of SCHEMA_LISTS) {
  const paths = new Map(lists.map(([path, keys]) => [path, keys] as const));
  for (const kind of kinds) byKind.set(kind, paths);
}

/** How the list at `path` (field names from the object's root) of a `g` object merges. */
export function listStrategy(g: Gvk, path: readonly string[]): ListStrategy {
  const keys = byKind.get(`${g.group}/${g.version}/${g.kind}`)?.get(path.join('/'));
  if (keys === undefined) return { merge: 'replace' };
  return keys.length === 0 ? { merge: 'set' } : { merge: 'key', keys };
}
