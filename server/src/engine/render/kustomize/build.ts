// `kustomize build`: accumulate a kustomization's resources (files and kustomization folders),
// run its generators, fold in components, then run the built-in transformers in Kustomize's
// order. At the root: hash suffixes, name references, drop local config, sort.
import { KustomizeError, wrapError } from './errors';
import { FileSource, joinPath } from './file-source';
import { runGenerators } from './generators';
import { inflateHelmCharts } from './helm-charts';
import { Kustomization, loadKustomization, stringField, stringListField } from './kustomization';
import { checkInRoot } from './load-restrictions';
import { ensureMap, get, getPath, isMap, isNull, isSeq, KMap, KNode, KSeq, Origin, remove, scalar, set, str } from './model';
import { fixNameReferences } from './nameref';
import { sharedYamlDocs } from './parse';
import { applyPatches } from './patches';
import { idString, ResId, Resource, sameNamespace } from './resource';
import { applyReplacements } from './replacements';
import { sortResources } from './sort';
import { declareVars, resolveVars } from './vars';
import { mergeCrds } from './crds';
import { addOriginAnnotations } from './origin-annotations';
import { writeBackAnnotations } from './annotations-out';
import { mergeConfigurations } from './transformer-config';
import { applyAnnotations, applyImages, applyLabels, applyNamespace, applyPrefixSuffix, applyReplicas } from './transformers';
import { kustomizeHash } from './hash';
import { runTransformerConfigs } from './builtin-transformers';
import { RenderNote } from './notes';
import { buildFolder, FolderBuildState, ownConfig, sharedDefaultConfig, TrackingSource } from './build-memo';
import { keepsTransformsPerObject, transformEach } from './object-transforms';

export type BuildState = FolderBuildState;

export interface BuildOptions { reorder: 'legacy' | 'none'; restrictToRoot: boolean }

export function buildRoot(fs: FileSource, dir: string, notes: RenderNote[], options: BuildOptions): { resources: Resource[]; root: Kustomization } {
  const defaults = sharedDefaultConfig();
  const state: BuildState = {
    fs: new TrackingSource(fs), notes, stack: [], restrictToRoot: options.restrictToRoot, vars: [],
    config: defaults.config, configKey: defaults.key, configShared: true, visited: [],
  };
  const root = loadKustomization(fs, dir, options.restrictToRoot);
  let res = accumulate(state, root, []);
  for (const r of res) {
    if (!r.generated?.hash) continue;
    const meta = get(r.node, 'metadata') as KMap;
    const nameNode = get(meta, 'name')!;
    const hash = kustomizeHash(r.node, r.kind);
    r.storePreviousId();
    set(meta, 'name', scalar(`${r.name}-${hash}`, nameNode.origin));
  }
  fixNameReferences(res, state.config.nameReference);
  resolveVars(res, state.vars, state.config.varReference);
  res = res.filter((r) => !isLocalConfig(r));
  if (buildMetadata(root).includes('originAnnotations')) addOriginAnnotations(res, root.dir);
  writeBackAnnotations(res);
  const sortOptions = get(root.node, 'sortOptions');
  if (sortOptions || options.reorder === 'legacy') res = sortResources(res, sortOptions);
  return { resources: res, root };
}

/** Whether a shared tree (which never changes: resource.ts) is local config, kept by it. */
const localConfig = new WeakMap<KMap, boolean>();

/** Marked as local configuration (`config.kubernetes.io/local-config: "true"`): not part of the output. */
function isLocalConfig(r: Resource): boolean {
  const kept = r.shared ? localConfig.get(r.view) : undefined;
  if (kept !== undefined) return kept;
  const local = str(getPath(r.view, ['metadata', 'annotations', 'config.kubernetes.io/local-config'])) === 'true';
  if (r.shared) localConfig.set(r.view, local);
  return local;
}

function accumulate(state: BuildState, k: Kustomization, into: Resource[]): Resource[] {
  if (state.stack.includes(k.dir)) throw new KustomizeError(`cycle detected: candidate root '${k.dir}' contains visited root '${state.stack[state.stack.length - 1]}'`, undefined, 'cycle');
  state.stack.push(k.dir);
  state.visited.push(k.dir);
  try {
    let res = into;
    noteUnsupported(state, k);
    // Nothing renames the objects while resources are added: their ids are listed once.
    const taken = new Set(res.map((x) => idKey(x.id())));
    for (const field of ['resources', 'bases']) {
      for (const entry of stringListField(k, field)) {
        try { res = addResource(state, k, entry.value, entry.node, res, taken); } catch (e) { wrapError(atEntry(e, entry.node.origin), 'accumulating resources'); }
      }
    }
    if (get(k.node, 'configurations') !== undefined || get(k.node, 'crds') !== undefined) {
      mergeConfigurations(state.fs, k, ownConfig(state));
      mergeCrds(state.fs, k, state.config);
      state.configKey = undefined;
    }
    for (const g of runGenerators(state.fs, k)) res = absorbGenerated(res, g);
    // Kustomize's third generator, after ConfigMaps and Secrets.
    if (get(k.node, 'helmCharts') !== undefined) state.helmCharts = (state.helmCharts ?? 0) + 1;
    const charts = inflateHelmCharts(state.fs, k, state.helmNamespace, state.notes);
    if (charts.length) res = appendAll(res, charts, get(k.node, 'helmCharts')?.origin, new Set(res.map((x) => idKey(x.id()))));
    for (const entry of stringListField(k, 'components')) {
      const dir = joinPath(k.dir, entry.value);
      if (state.fs.kindOf(dir) !== 'dir') throw new KustomizeError(`accumulating components: loader.New "must build at directory: not a valid directory: '${dir}'"`, entry.node.origin, 'missing-resource');
      const comp = loadKustomization(state.fs, dir, state.restrictToRoot);
      if (comp.kind !== 'Component') throw new KustomizeError(`accumulating components: expected kind 'Component' for path '${dir}' but got '${comp.kind}'`, entry.node.origin, 'malformed-kustomization');
      try { res = within(state, k, () => accumulate(state, comp, res)); } catch (e) { throw atEntry(e, entry.node.origin); }
    }
    res = applyPatches(state.fs, k, res, 'smp');
    res = applyPatches(state.fs, k, res, 'patches');
    if (keepsTransformsPerObject(k)) {
      transformEach(state, k, res, (some) => {
        applyNamespace(k, some, state.config);
        applyPrefixSuffix(k, some, state.config);
        applyLabels(k, some, state.config);
        applyAnnotations(k, some, state.config);
        applyReplicas(k, some, state.config);
        applyImages(k, some, state.config);
      });
    } else {
      applyNamespace(k, res, state.config);
      applyPrefixSuffix(k, res, state.config);
      applyLabels(k, res, state.config);
      applyAnnotations(k, res, state.config);
      res = applyPatches(state.fs, k, res, 'json6902');
      applyReplicas(k, res, state.config);
      applyImages(k, res, state.config);
    }
    applyReplacements(state.fs, k, res);
    res = runTransformerConfigs(state.fs, k, res, state.notes);
    declareVars(k, res, state.vars);
    return res;
  } finally {
    state.stack.pop();
  }
}

/**
 * `build` for a kustomization `k` includes (a folder, a component): the charts in it are rendered
 * into `k`'s namespace, else the one `k` was given (Kustomize's helmRootNamespace).
 */
function within<T>(state: BuildState, k: Kustomization, build: () => T): T {
  const outer = state.helmNamespace;
  state.helmNamespace = stringField(k, 'namespace')?.value || outer;
  try { return build(); } finally { state.helmNamespace = outer; }
}

/** An error found below an entry (a cycle, a nested failure) without a place is placed there. */
function atEntry(e: unknown, at: Origin | undefined): unknown {
  return e instanceof KustomizeError && !e.at && at ? new KustomizeError(e.message, at, e.code) : e;
}

const REMOTE = /^(https?:\/\/|git@|ssh:\/\/|git::|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|\.git(\/\/|$)/;

function addResource(state: BuildState, k: Kustomization, path: string, entry: KNode, res: Resource[], taken: Set<string>): Resource[] {
  if (REMOTE.test(path)) {
    state.notes.push({ kind: 'remote-resource', message: `remote resource "${path}" is not rendered`, at: entry.origin! });
    return res;
  }
  const full = joinPath(k.dir, path);
  const kind = state.fs.kindOf(full);
  if (kind === 'file') {
    checkInRoot(full, k, entry.origin);
    return appendAll(res, readResources(state.fs.readFile(full) ?? '', full), entry.origin, taken);
  }
  if (kind === 'dir') {
    const built = within(state, k, () => buildFolder(state, full, () => {
      const sub = loadKustomization(state.fs, full, state.restrictToRoot);
      if (sub.kind === 'Component') throw new KustomizeError(`expected kind != 'Component' for path '${full}'`, entry.origin, 'malformed-kustomization');
      return accumulate(state, sub, []);
    }));
    return appendAll(res, built, entry.origin, taken);
  }
  throw new KustomizeError(`accumulation err='accumulating resources from '${path}': open ${full}: no such file or directory': must build at directory: not a valid directory: evalsymlink failure on '${full}' : lstat ${full}: no such file or directory`, entry.origin, 'missing-resource');
}

export function readResources(text: string, file: string): Resource[] {
  const out: Resource[] = [];
  // Shared with the parse cache: the first write copies a resource's tree.
  for (const d of sharedYamlDocs(text, file)) {
    // An empty document, one holding only comments, or a bare null contributes nothing.
    if (d.node === undefined || isNull(d.node)) continue;
    if (!isMap(d.node)) throw new KustomizeError(`missing Resource metadata in ${file}`, d.origin);
    if (d.node.entries.length === 0) continue;
    const kind = str(get(d.node, 'kind')) ?? '';
    const items = get(d.node, 'items');
    // A typed list (kind: List, ConfigMapList, ...) contributes its items.
    if (kind.endsWith('List') && isSeq(items)) {
      for (const it of items.items) if (isMap(it)) out.push(new Resource(it, it.origin ?? d.origin, true));
      continue;
    }
    if (!kind) throw new KustomizeError(`missing Resource metadata: kind is empty in ${file}`, d.origin);
    out.push(new Resource(d.node, d.origin, true));
  }
  for (const r of out) stringifyMetadataMaps(r);
  return out;
}

/** Label and annotation values are strings to Kubernetes; Kustomize reads `port: 8080` there as "8080". */
function stringifyMetadataMaps(r: Resource): void {
  const typed = (n: KNode) => n.kind === 'scalar' && n.tag !== 'str' && n.tag !== 'null';
  const fields = ['annotations'];
  // Read first: most objects have none, and writing copies the (shared) tree.
  if (!fields.some((f) => { const m = getPath(r.view, ['metadata', f]); return isMap(m) && m.entries.some((e) => typed(e.value)); })) return;
  for (const field of fields) {
    const m = getPath(r.node, ['metadata', field]);
    if (isMap(m)) for (const e of m.entries) if (e.value.kind === 'scalar' && typed(e.value)) e.value.tag = 'str';
  }
}

/** Same group, version, kind, name and namespace (an empty one being "default"): one object to Kustomize. */
function idKey(id: ResId): string {
  // A shared tree's id is one object build after build (resource.ts): its key is written once.
  let key = idKeys.get(id);
  if (key === undefined) idKeys.set(id, key = `${id.group}\0${id.version}\0${id.kind}\0${id.name}\0${id.namespace || 'default'}`);
  return key;
}

const idKeys = new WeakMap<ResId, string>();

/** Adds resources one by one, refusing one whose id is `taken` (the ids of `res`, kept up to date). */
function appendAll(res: Resource[], added: readonly Resource[], at: Origin | undefined, taken: Set<string>): Resource[] {
  for (const r of added) {
    const id = r.id();
    const key = idKey(id);
    if (taken.has(key)) throw new KustomizeError(`may not add resource with an already registered id: ${idString(id)}`, at, 'conflict');
    taken.add(key);
    res.push(r);
  }
  return res;
}

/**
 * Adds a generated object; with behavior merge or replace it folds into the object it names
 * (which keeps its place, name, history and, unless both ask for it, no hash suffix).
 */
function absorbGenerated(res: Resource[], g: Resource): Resource[] {
  const behavior = g.generated!.behavior;
  const id = g.id();
  const matches = res.filter((x) => x.kind === g.kind && [x.id(), ...x.history].some((h) => h.name === id.name && sameNamespace(h.namespace, id.namespace)));
  if (matches.length === 0) {
    if (behavior !== 'create') throw new KustomizeError(`id ${idString(id)} does not exist; cannot merge or replace`, g.generated!.entry, 'conflict');
    res.push(g);
    return res;
  }
  if (behavior === 'create' || matches.length > 1) {
    throw new KustomizeError(`id ${idString(id)} exists; can not use behavior: '${behavior}', behavior must be merge or replace`, g.generated!.entry, 'conflict');
  }
  const old = matches[0];
  for (const field of ['labels', 'annotations']) {
    const from = getPath(g.node, ['metadata', field]);
    if (!isMap(from)) continue;
    const into = ensureMap(old.node, ['metadata', field], from.origin)!;
    for (const e of from.entries) set(into, e.key, e.value, e.keyOrigin);
  }
  for (const field of ['data', 'binaryData']) {
    const from = get(g.node, field);
    if (behavior === 'replace') { remove(old.node, field); if (from) set(old.node, field, from); continue; }
    if (!isMap(from)) continue;
    const into = ensureMap(old.node, [field], from.origin)!;
    for (const e of from.entries) set(into, e.key, e.value, e.keyOrigin);
  }
  // A merge keeps the first generator as the object's origin; a replace takes the new one.
  const entry = behavior === 'merge' && old.generated ? old.generated.entry : g.generated!.entry;
  old.generated = { ...g.generated!, entry, hash: g.generated!.hash && (old.generated?.hash ?? false) };
  return res;
}

function buildMetadata(k: Kustomization): string[] {
  const n = get(k.node, 'buildMetadata');
  return isSeq(n) ? n.items.map((x) => str(x) ?? '') : [];
}

function noteUnsupported(state: BuildState, k: Kustomization): void {
  const unsupported: Array<[string, RenderNote['kind'], string]> = [
    ['helmChartInflationGenerator', 'helm', 'Helm charts are not rendered'],
    ['generators', 'plugin', 'generator plugins are not run'],
    ['validators', 'plugin', 'validator plugins are not run'],
  ];
  for (const [field, kind, message] of unsupported) {
    const n = get(k.node, field);
    for (const item of isSeq(n) ? n.items : []) state.notes.push({ kind, message, at: item.origin ?? { file: k.file, range: [0, 0] } });
  }
  for (const item of isSeq(get(k.node, 'buildMetadata')) ? (get(k.node, 'buildMetadata') as KSeq).items : []) {
    if (str(item) !== 'originAnnotations') state.notes.push({ kind: 'unsupported-field', message: `build metadata "${str(item)}" is not added`, at: item.origin ?? { file: k.file, range: [0, 0] } });
  }
  const openapi = get(k.node, 'openapi');
  if (openapi) state.notes.push({ kind: 'unsupported-field', message: 'a custom OpenAPI schema is not used: built-in merge keys apply', at: openapi.origin ?? { file: k.file, range: [0, 0] } });
}
