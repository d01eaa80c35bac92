// Edits for a pod volume that cannot stay as written (a hostPath). There is no single right
// replacement for a directory of the node, so rules offer these as suggestions, one at a time.
// (A file of its own rather than the end of workload.ts: volumes are not containers, and the
// restricted volume-type rule can take the same builders.)
import { Document, isCollection, isMap, isPair, isScalar, YAMLMap } from 'yaml';
import { PodSpecView } from '../model/workload';
import { findPair, get, getSeq, resolveAlias, str } from '../model/yaml-nav';
import { EditContext, Proposal } from '../rule';
import { TextEdit } from './edit';
import { contentEnd, editableAt, holdsShared } from './nodes';
import { RemoveOptions, renderOptionsFor } from './common';
import { removeItems } from './remove';
import { keepingComments } from './workload';
import { renderKey } from './render';

/** True when a `#` comment sits in `text[start, end)`, scalars inside `node` (which may hold `#`) aside. */
function hasComment(text: string, start: number, end: number, node: unknown): boolean {
  const chars = text.slice(start, end).split('');
  const mask = (n: unknown, depth: number): void => {
    if (!n || typeof n !== 'object' || depth > 100) return;
    if (isPair(n)) { mask(n.key, depth + 1); mask(n.value, depth + 1); return; }
    if (isCollection(n)) { n.items.forEach(i => mask(i, depth + 1)); return; }
    const r = isScalar(n) ? n.range : undefined;
    if (r) for (let i = Math.max(r[0], start); i < Math.min(r[1], end); i++) chars[i - start] = 'x';
  };
  mask(node, 0);
  return /(^|\s)#/.test(chars.join(''));
}

/**
 * Replaces a volume's source (`hostPath: ...`, its whole value) with `emptyDir: {}` where it is
 * written: the volume keeps its name, so every volumeMount still finds it. Declined when the
 * source comes from a merge or an alias, or a comment inside its value would go with it.
 */
export function replaceWithEmptyDir(volume: YAMLMap, source: string, title: string): Proposal {
  return {
    title,
    edits: ({ text, doc }) => {
      if (!editableAt(doc, volume)) return undefined;
      const hit = findPair(volume, source, doc);
      const key = hit?.pair.key;
      if (!hit || hit.merged || !isScalar(key) || !key.range || holdsShared(doc, hit.pair)) return undefined;
      const start = key.range[0];
      const end = contentEnd(hit.pair);
      if (hasComment(text, start, end, hit.pair)) return undefined;
      return [{ start, end, newText: `${renderKey('emptyDir', renderOptionsFor(volume))}: {}` }];
    },
  };
}

/** Indexes of the volumeMounts items of a container map that mount the volume `name`. */
function mountIndexes(container: YAMLMap, name: string, doc: Document): number[] {
  const mounts = getSeq(container, 'volumeMounts', doc);
  const out: number[] = [];
  mounts?.items.forEach((raw, i) => {
    const m = resolveAlias(raw, doc);
    if (isMap(m) && str(get(m, 'name', doc)) === name) out.push(i);
  });
  return out;
}

/**
 * Removes a volume from `spec.volumes` and every volumeMount of it (a mount of a volume that does
 * not exist is rejected by the API), lists and keys left empty included. `what` names the volume
 * in the title (`volume "data"`).
 */
export function removeVolume(pod: PodSpecView, volume: YAMLMap, what: string): Proposal {
  const name = str(get(volume, 'name', pod.doc));
  const mounted = name !== undefined && pod.containers.some(c => mountIndexes(c.node, name, pod.doc).length > 0);
  return {
    title: `Remove ${what}${mounted ? ' and its mounts' : ''}`,
    // Lists left empty go with their keys, unless a comment line would go with them; comment
    // lines inside the removed volume and mounts go with what they describe.
    edits: ctx => {
      const prune = (c: EditContext) => removeAll(c, pod, volume, name, { ifEmpty: 'removeParent' });
      const keep = (c: EditContext) => removeAll(c, pod, volume, name, {});
      return keepingComments(prune, keep)(ctx) ?? keep(ctx);
    },
  };
}

function removeAll({ text, doc }: EditContext, pod: PodSpecView, volume: YAMLMap, name: string | undefined, opts: RemoveOptions): TextEdit[] | undefined {
  const volumes = getSeq(pod.spec, 'volumes', doc);
  const index = volumes ? volumes.items.findIndex(item => resolveAlias(item, doc) === volume) : -1;
  if (!volumes || index < 0) return undefined;
  const edits = removeItems(text, doc, volumes, [index], opts);
  if (!edits || name === undefined) return edits;
  for (const c of pod.containers) {
    const indexes = mountIndexes(c.node, name, doc);
    if (indexes.length === 0) continue;
    const e = removeItems(text, doc, getSeq(c.node, 'volumeMounts', doc)!, indexes, opts);
    if (!e) return undefined;
    edits.push(...e);
  }
  return edits;
}
