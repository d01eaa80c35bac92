// What the model keeps of a kustomization (a Kustomization, a Component, or a kustomization file
// with no apiVersion and kind, which Kustomize reads all the same): the namespace it places and
// the files it lists as resources and as patches.
import { Document, isMap, YAMLMap } from 'yaml';
import type { ParsedFile } from '../model/parse';
import { get, getSeq, seqItems, str } from '../model/yaml-nav';
import type { ObjectSummary } from './summary';
import { isKustomizationPath } from '../render/kustomize/file-names';


export function kustomizationFacts(node: YAMLMap, doc: Document): NonNullable<ObjectSummary['kustomization']> {
  const list = (key: string) => seqItems(getSeq(node, key, doc), doc);
  return {
    namespace: str(get(node, 'namespace', doc)),
    resources: [...list('resources'), ...list('bases'), ...list('components')].map(r => str(r)).filter((r): r is string => !!r),
    patches: [
      ...['patches', 'patchesJson6902'].flatMap(k => list(k).map(r => (isMap(r.value) ? str(get(r.value, 'path', doc)) : undefined))),
      // A patchesStrategicMerge entry is a path, or an inline patch (which holds a line break).
      ...list('patchesStrategicMerge').map(r => str(r)).filter(r => !r?.includes('\n')),
    ].filter((r): r is string => !!r),
  };
}

/** The kustomization of a kustomization file that names no apiVersion and kind (not an object to the parser). */
export function kindlessKustomizations(uri: string, file: ParsedFile): ObjectSummary[] {
  if (!isKustomizationPath(uri.split(/[?#]/)[0])) return [];
  const out: ObjectSummary[] = [];
  for (const d of file.documents) {
    const root = d.doc.contents;
    if (d.objects.length || !isMap(root) || get(root, 'kind', d.doc)) continue;
    out.push({
      uri, docIndex: d.index, kind: 'Kustomization', group: 'kustomize.config.k8s.io',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      labels: {}, kustomization: kustomizationFacts(root, d.doc),
    });
  }
  return out;
}
