// patches, patchesStrategicMerge and patchesJson6902: reading each patch (inline or from a
// file), choosing its targets (selector or the patch's own id) and applying it.
import { KustomizeError } from './errors';
import { FileSource, joinPath } from './file-source';
import { Kustomization, listField } from './kustomization';
import { checkInRoot } from './load-restrictions';
import { get, isMap, isSeq, KMap, Origin, remove, set, str } from './model';
import { parseYamlDocs } from './parse';
import { idString, ResId, Resource, sameNamespace, splitApiVersion } from './resource';
import { strategicMerge } from './smp';
import { applyJson6902 } from './json6902';
import { matchesSelector, readSelector, Selector } from './select';
import { literalMapper, placeInline } from './inline-origins';

export function applyPatches(fs: FileSource, k: Kustomization, res: Resource[], which: 'smp' | 'patches' | 'json6902'): Resource[] {
  const field = which === 'smp' ? 'patchesStrategicMerge' : which === 'patches' ? 'patches' : 'patchesJson6902';
  for (const entry of listField(k, field)) {
    const at: Origin = entry.origin ?? { file: k.file, range: [0, 0] };
    let text: string, file: string, target: Selector | undefined;
    if (which === 'smp') {
      const s = str(entry) ?? '';
      ({ text, file } = patchText(fs, k, s, at, true));
    } else {
      if (!isMap(entry)) throw new KustomizeError(`invalid ${field} entry in ${k.file}`, at);
      const path = str(get(entry, 'path'));
      const inline = str(get(entry, 'patch'));
      if (path && inline) throw new KustomizeError('patch and path can\'t be set at the same time', at);
      if (!path && inline === undefined) throw new KustomizeError('must specify one of patch and path', at);
      ({ text, file } = path ? patchText(fs, k, path, at, false) : { text: inline!, file: k.file });
      const t = get(entry, 'target');
      target = t ? readSelector(t) : undefined;
      if (which === 'json6902' && !target) throw new KustomizeError('must specify a target for patch', at);
    }
    const inlineNode = which !== 'smp' && !str(get(entry, 'path')) ? get(entry, 'patch') : undefined;
    const docs = parseInline(text, file, inlineNode?.origin?.range, inlineNode ? fs.readFile(k.file) : undefined);
    if (inlineNode?.origin) for (const d of docs) placeInline(d.node!, text, inlineNode.origin.range, fs.readFile(k.file), k.file);
    if (docs.length === 0) {
      // An empty patch file is ignored; an empty inline patch is an error.
      if (which === 'patches' && file !== k.file) continue;
      throw new KustomizeError(`patch appears to be empty; ${file}`, at);
    }
    const isJson = which === 'json6902' || docs.some((d) => isSeq(d.node));
    if (isJson) {
      if (!target) throw new KustomizeError('unable to parse SM or JSON patch: no target specified for JSON patch', at);
      const ops = docs[0].node!;
      // A JSON patch may rename its target: Kustomize stores the id first.
      for (const r of res) if (matchesSelector(r, target)) { r.storePreviousId(); r.node = applyJson6902(r.node, ops) as KMap; }
      continue;
    }
    for (const d of docs) {
      if (!isMap(d.node)) throw new KustomizeError(`unable to parse SM or JSON patch from ${file}: a patch is a mapping or a list of operations`, d.origin);
      const patch = d.node;
      const targets = target ? res.filter((r) => matchesSelector(r, target!)) : [findByOwnId(res, patch, at)];
      const opts = which === 'patches' ? get(entry, 'options') : undefined;
      const allowName = str(get(opts, 'allowNameChange')) === 'true';
      const allowKind = str(get(opts, 'allowKindChange')) === 'true';
      for (const r of targets) {
        // The object keeps its name, namespace and kind unless the entry allows a change
        // (a patch written against the base name still applies after a prefix).
        const meta = get(r.node, 'metadata');
        const keep = { name: get(meta, 'name'), namespace: get(meta, 'namespace'), kind: get(r.node, 'kind'), apiVersion: get(r.node, 'apiVersion') };
        if (allowName || allowKind) r.storePreviousId();
        const merged = strategicMerge(r.node, patch, r.gvk());
        if (merged === undefined) { res = res.filter((x) => x !== r); continue; }
        r.node = merged;
        const newMeta = get(merged, 'metadata');
        if (isMap(newMeta)) {
          if (!allowName && keep.name) set(newMeta, 'name', keep.name);
          if (keep.namespace) set(newMeta, 'namespace', keep.namespace);
          else remove(newMeta, 'namespace');
        }
        if (!allowKind && keep.kind) set(merged, 'kind', keep.kind);
        // The patch is given the target's apiVersion first: a selector may pick other groups.
        if (keep.apiVersion) set(merged, 'apiVersion', keep.apiVersion);
      }
    }
  }
  return res;
}

function patchText(fs: FileSource, k: Kustomization, s: string, at: Origin, maybeInline: boolean): { text: string; file: string } {
  const path = joinPath(k.dir, s);
  if (fs.kindOf(path) === 'file') {
    checkInRoot(path, k, at);
    return { text: fs.readFile(path) ?? '', file: path };
  }
  // patchesStrategicMerge entries may be inline YAML rather than a path.
  if (maybeInline && /[\n:]/.test(s)) return { text: s, file: k.file };
  throw new KustomizeError(`trouble reading patch file '${path}': no such file or directory`, at, 'missing-resource');
}

/** Parses a patch; a syntax error in an inline patch is placed on its line in the kustomization. */
function parseInline(text: string, file: string, range: [number, number] | undefined, fileText: string | undefined) {
  try {
    return parseYamlDocs(text, file).filter((d) => d.node !== undefined);
  } catch (e) {
    if (!(e instanceof KustomizeError) || !range || !e.at) throw e;
    const map = literalMapper(text, range, fileText);
    const at: Origin = { file, range: map ? [map(e.at.range[0]), map(e.at.range[1])] : range };
    throw new KustomizeError(e.message, at, e.code);
  }
}

function findByOwnId(res: Resource[], patch: KMap, at: Origin): Resource {
  const [group, version] = splitApiVersion(str(get(patch, 'apiVersion')) ?? '');
  const id: ResId = {
    group, version, kind: str(get(patch, 'kind')) ?? '',
    name: str(get(get(patch, 'metadata'), 'name')) ?? '', namespace: str(get(get(patch, 'metadata'), 'namespace')) ?? '',
  };
  const named = (h: ResId) => h.kind === id.kind && h.group === group && (!version || h.version === version) && h.name === id.name && sameNamespace(h.namespace, id.namespace);
  const matches = res.filter((r) => named(r.id()) || r.history.some(named));
  if (matches.length === 1) return matches[0];
  const what = matches.length === 0 ? 'no matches' : 'multiple matches';
  throw new KustomizeError(`${what} for Id ${idString(id)}; failed to find unique target for patch ${idString(id)}`, at, 'patch-no-match');
}

