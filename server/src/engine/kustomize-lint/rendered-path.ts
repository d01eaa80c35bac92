// The path (keys and sequence indexes) from a rendered object's root to the node a finding sits
// on, in the form the renderer's origin map reads (RenderedObject.originAt).
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import { spans, within } from '../fingerprint';
import type { PathKey } from '../render/kustomize';

export interface RenderedPath {
  path: PathKey[];
  /** True when the finding sits on a scalar (a value someone wrote), not on a map or a list. */
  onValue: boolean;
  /** True when the finding sits on the key of the path's last entry (about the entry as a whole). */
  onKey: boolean;
}

export function renderedPathAt(root: unknown, offset: number): RenderedPath {
  const path: PathKey[] = [];
  let node: unknown = root;
  let onKey = false;
  for (let depth = 0; depth < 256 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find(p => isPair(p) && spans(p.key, p.value, offset));
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      node = pair.value;
      // On the key: the finding is about this entry, whose value decides it.
      if (pair.key.range && offset < pair.key.range[1]) { onKey = true; break; }
    } else if (isSeq(node)) {
      const i = node.items.findIndex(item => within(item, offset));
      if (i < 0) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return { path, onValue: isScalar(node), onKey };
}

/**
 * A name that identifies what a patch targets (a container's `name`, the object's kind and name):
 * repeated by every patch, it says nothing set there; a finding on it is about the object.
 */
export function isIdentity(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  if (path.length === 1) return last === 'kind' || last === 'apiVersion';
  if (path.length === 2 && path[0] === 'metadata') return last === 'name' || last === 'namespace';
  return last === 'name' && typeof path[path.length - 2] === 'number';
}
