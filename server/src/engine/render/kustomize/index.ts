// The Kustomize renderer's public API: render a kustomization folder through a FileSource into
// objects that keep, for every node, the file and range that decided it.
import { emitTexts } from './emit-memo';
import { KustomizeError, KustomizeErrorCode } from './errors';
export type { KustomizeErrorCode } from './errors';
import { FileSource, normalizePath } from './file-source';
import { buildRoot } from './build';
import { get, isMap, isSeq, KMap, KNode, Origin, Plain, plainOf } from './model';
import { RenderNote } from './notes';

export type { FileSource } from './file-source';
export { memorySource, normalizePath } from './file-source';
export type { Origin } from './model';
export type { RenderNote } from './notes';
export { clearParseCache, observeParses, offerEditorParse, readAlike } from './parse';
export type { EditorParse } from './parse';
export { clearEmitMemo } from './emit-memo';
export { buildStats, clearBuildMemo } from './build-memo';
export { keptRead, readsHold } from './reads';
export type { Read } from './reads';
export { copies as sharedTreeCopies } from './resource';
export { inclusionMap, inclusionsOf, inclusionStats, kustomizationRoots } from './inclusion';
export type { Inclusion, InclusionRole } from './inclusion';

export type PathKey = string | number;

export interface RenderedObject {
  /** The object as plain data (what `kustomize build` prints); shared with later renders: never change it. */
  readonly value: Plain;
  /** The document (or generator entry) the object came from. */
  readonly definedAt: Origin;
  /**
   * The same object for every render of the same tree (values and origins alike): what is
   * derived from the object's origins may be kept by it.
   */
  readonly tree: object;
  /** Where the node at `path` (keys and indices) got its value; undefined when there is no such node. */
  originAt(path: readonly PathKey[]): Origin | undefined;
}

export type RenderResult =
  | { ok: true; objects: RenderedObject[]; notes: RenderNote[]; yaml: string; texts: readonly string[] }
  | { ok: false; error: { message: string; code: KustomizeErrorCode; at?: Origin }; notes: RenderNote[] };

export interface RenderOptions {
  /**
   * Output order when the kustomization sets no sortOptions: 'legacy' as the kustomize CLI
   * (the default), 'none' for accumulation order as Kustomize's Go API (krusty) defaults to.
   */
  reorder?: 'legacy' | 'none';
  /** 'rootOnly' (Kustomize's default) or 'none' (--load-restrictor LoadRestrictionsNone). */
  loadRestrictions?: 'rootOnly' | 'none';
}

export function renderKustomization(fs: FileSource, dir: string, options: RenderOptions = {}): RenderResult {
  const notes: RenderNote[] = [];
  const sorted = () => notes.sort((a, b) => (a.at.file < b.at.file ? -1 : a.at.file > b.at.file ? 1 : a.at.range[0] - b.at.range[0]));
  try {
    const { resources } = buildRoot(fs, normalizePath(dir), notes, { reorder: options.reorder ?? 'legacy', restrictToRoot: options.loadRestrictions !== 'none' });
    const plains = resources.map((r) => plainOf(r.view));
    const objects = resources.map((r, i) => renderedObject(r.view, plains[i].value, r.generated?.entry ?? r.origin));
    const texts = emitTexts(plains);
    let yaml: string | undefined;
    // The stream as one text only for whoever reads it (the CLI's render): the editor lints the objects' texts.
    return { ok: true, objects, notes: sorted(), texts, get yaml() { return (yaml ??= texts.join('---\n')); } };
  } catch (e) {
    if (e instanceof KustomizeError) return { ok: false, error: { message: e.message, code: e.code, at: e.at }, notes: sorted() };
    if (e instanceof RangeError) return { ok: false, error: { message: `render failed: ${e.message}`, code: 'other' }, notes: sorted() };
    throw e;
  }
}

/** The rendered object of each tree (a shared tree renders the same render after render), made once. */
const renderedObjects = new WeakMap<KMap, RenderedObject>();

function renderedObject(node: KMap, value: Plain, definedAt: Origin): RenderedObject {
  const hit = renderedObjects.get(node);
  if (hit && hit.value === value && hit.definedAt === definedAt) return hit;
  const made: RenderedObject = { value, definedAt, tree: node, originAt: (path) => originAt(node, path) };
  renderedObjects.set(node, made);
  return made;
}

function originAt(root: KNode, path: readonly PathKey[]): Origin | undefined {
  let cur: KNode | undefined = root;
  for (const k of path) {
    if (typeof k === 'number') cur = isSeq(cur) ? cur.items[k] : undefined;
    else cur = isMap(cur) ? get(cur, k) : undefined;
    if (cur === undefined) return undefined;
  }
  return cur.origin;
}
