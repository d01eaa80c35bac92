// The transformers a kustomization applies object by object (namespace, name prefix and suffix,
// labels, annotations, replicas, images), kept per object. An overlay that moves, renames and
// labels every object of a shared base (build-memo.ts) then gives, for each object an edit did
// not change, the very tree it gave last time, so what was derived from that tree (its plain
// form, its text, its lint) is found again instead of made again.
//
// What one object's transformation depends on: its tree (shared trees never change, so the tree
// is the key), the ids and affixes it carries from earlier transformers, the kustomization's text
// (its fields and their origins, which the written values carry) and the transformer
// configuration.
import { FolderBuildState } from './build-memo';
import { Kustomization, listField } from './kustomization';
import { get, KMap } from './model';
import { Resource, TransformedState } from './resource';

/** Per input tree: its transformations under the last few kustomizations (text and configuration). */
const kept = new WeakMap<KMap, Map<string, TransformedState>>();
const PER_TREE = 4;
/** Short names for (kustomization file, text, configuration): a key per object stays small. */
const contexts = new Map<string, number>();
const CONTEXT_LIMIT = 256;
let nextContext = 0;

/**
 * Runs `transform` (the object-by-object transformers of `k`) over `res`: an object whose tree is
 * shared and was transformed the same way before takes that result. Objects with their own trees
 * (written by this build already) are transformed as before.
 */
export function transformEach(state: FolderBuildState, k: Kustomization, res: Resource[], transform: (res: Resource[]) => void): void {
  const context = contextOf(`${k.file}\0${state.configKey ??= JSON.stringify(state.config)}\0${state.fs.readFile(k.file) ?? ''}`);
  const own: Resource[] = [];
  for (const r of res) {
    if (!r.shared) { own.push(r); continue; }
    const input = r.view;
    const key = `${context}\0${r.carried()}`;
    let results = kept.get(input);
    const hit = results?.get(key);
    if (hit) { r.adopt(hit); continue; }
    transform([r]);
    if (!results) { results = new Map(); kept.set(input, results); }
    results.set(key, r.settle());
    if (results.size > PER_TREE) results.delete(results.keys().next().value!);
  }
  if (own.length > 0) transform(own);
}

/** The fields of the object-by-object transformers. */
const OBJECT_FIELDS = ['namespace', 'namePrefix', 'nameSuffix', 'labels', 'commonLabels', 'commonAnnotations', 'replicas', 'images'];

/**
 * Whether keeping `k`'s transformations per object pays: it sets one of their fields (else they
 * only read), and none of its transformers between patches and replacements selects objects
 * (a JSON 6902 patch runs among them, by the objects' current ids).
 */
export function keepsTransformsPerObject(k: Kustomization): boolean {
  return OBJECT_FIELDS.some((f) => get(k.node, f) !== undefined) && listField(k, 'patchesJson6902').length === 0;
}

function contextOf(key: string): number {
  let n = contexts.get(key);
  if (n === undefined) {
    n = nextContext++;
    contexts.set(key, n);
    if (contexts.size > CONTEXT_LIMIT) contexts.delete(contexts.keys().next().value!);
  }
  return n;
}
