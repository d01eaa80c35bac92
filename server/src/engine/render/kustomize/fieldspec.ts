// Field specs: where a transformer writes ("spec/template/metadata/labels" in a Deployment).
// Paths walk into every item of a list, as Kustomize's fsslice does.
import { FieldSpecRow } from './config/default-field-specs';
import { get, isMap, isNull, isSeq, KMap, KNode, map, Origin, set } from './model';
import { Gvk } from './resource';

export interface FieldSpec { group: string; version: string; kind: string; path: string; create: boolean }

export const fromRow = ([group, version, kind, path, create]: FieldSpecRow): FieldSpec =>
  ({ group, version, kind, path, create: create === 1 });

export function specSelects(fs: { group: string; version: string; kind: string }, g: Gvk): boolean {
  return (!fs.group || fs.group === g.group) && (!fs.version || fs.version === g.version) && (!fs.kind || fs.kind === g.kind);
}

/** Splits "a/b[]/c" into segments; a "\/" escape keeps a slash inside a key. */
export function pathSegments(path: string): string[] {
  return path.split(/(?<!\\)\//).filter((s) => s !== '').map((s) => s.replace(/\\\//g, '/'));
}

/**
 * Calls `visit` with the parent map and key of every field the spec reaches. With `create`,
 * missing maps on the way (and the final field, via `visit`) are created with `origin`.
 */
export function applyFieldSpec(root: KMap, fs: FieldSpec, origin: Origin | undefined,
  visit: (parent: KMap, key: string, value: KNode | undefined) => void): void {
  walkPath(root, pathSegments(fs.path), fs.create, origin, visit);
}

function walkPath(node: KNode, segs: string[], create: boolean, origin: Origin | undefined,
  visit: (parent: KMap, key: string, value: KNode | undefined) => void): void {
  if (isSeq(node)) { for (const item of node.items) walkPath(item, segs, create, origin, visit); return; }
  if (!isMap(node) || segs.length === 0) return;
  const isList = segs[0].endsWith('[]');
  const seg = segs[0].replace(/\[\]$/, '');
  // "[name=value]" selects list items by a field, as in Kustomize paths.
  const sel = /^\[(.+)=(.*)\]$/.exec(seg);
  if (sel) return;
  const child = get(node, seg);
  if (segs.length === 1) {
    if (child !== undefined && !isNull(child)) visit(node, seg, child);
    else if (create) visit(node, seg, undefined);
    return;
  }
  if (child === undefined || isNull(child)) {
    // A missing list ("volumeClaimTemplates[]") is never created: there is no item to write to.
    if (!create || isList) return;
    const created = map([], origin);
    set(node, seg, created, origin);
    walkPath(created, segs.slice(1), create, origin, visit);
    return;
  }
  walkPath(child, segs.slice(1), create, origin, visit);
}
