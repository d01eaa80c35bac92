// Edits for a pod volume that cannot stay as written (a hostPath). There is no single right
// replacement for a directory of the node, so rules offer these as suggestions, one at a time.
// (A file of its own rather than the end of workload.ts: volumes are not containers, and the
// restricted volume-type rule can take the same builders.)
import { Document, isMap, YAMLMap } from 'yaml';
import { PodSpecView } from '../model/workload';
import { get, getSeq, resolveAlias, str } from '../model/yaml-nav';
import { EditContext, Proposal } from '../rule';
import { RemoveOptions } from './common';
import { TextEdit } from './edit';
import { removeItems } from './remove';
import { keepingComments, replaceEntry } from './workload';

/**
 * Replaces a volume's source (`hostPath: ...`, its whole value) with `emptyDir: {}` where it is
 * written: the volume keeps its name, so every volumeMount still finds it.
 */
export function replaceWithEmptyDir(volume: YAMLMap, source: string, title: string): Proposal {
  return { title, edits: replaceEntry(volume, source, 'emptyDir', {}) };
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
