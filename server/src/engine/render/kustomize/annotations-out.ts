// At the end of a build Kustomize takes its own bookkeeping (origin and transformer
// annotations) off every object, and does so by writing the object's annotations back
// (api/krusty/kustomizer.go, kyaml's SetAnnotations): the field is cleared and, when any
// annotation is left, written again from each value's text as a string. So an empty or null
// `annotations:` disappears from the output, `~` comes out as "~", an empty value as "", and a
// value that is not a scalar (a list, a map) as "". Labels are not written back.
import { get, isMap, KMap, KNode, remove, scalar } from './model';
import { Resource } from './resource';

export function writeBackAnnotations(res: readonly Resource[]): void {
  for (const r of res) {
    // Read through the view first: most objects need nothing, and writing copies a shared tree.
    const seen = get(get(r.view, 'metadata'), 'annotations');
    if (seen === undefined || (isMap(seen) && seen.entries.length > 0 && seen.entries.every((e) => isString(e.value)))) continue;
    const meta = get(r.node, 'metadata') as KMap;
    const annotations = get(meta, 'annotations')!;
    if (!isMap(annotations) || annotations.entries.length === 0) { remove(meta, 'annotations'); continue; }
    for (const e of annotations.entries) if (!isString(e.value)) e.value = asString(e.value);
  }
}

const isString = (n: KNode) => n.kind === 'scalar' && n.tag === 'str';

function asString(n: KNode): KNode {
  return scalar(n.kind === 'scalar' ? n.value : '', n.origin);
}
