// The built-in transformers a kustomization configures with plain fields: namespace,
// namePrefix/nameSuffix, commonLabels/labels, commonAnnotations, images and replicas.
// Every value a transformer writes gets the kustomization entry that asked for it as origin.
import { applyFieldSpec, FieldSpec, specSelects } from './fieldspec';
import { Kustomization, listField, stringField } from './kustomization';
import { get, isMap, isSeq, KMap, KNode, map, Origin, scalar, set, str } from './model';
import { Gvk, isClusterScoped, Resource } from './resource';
import { parseImage, setImage } from './images';
import { TransformerConfig } from './transformer-config';


export function applyNamespace(k: Kustomization, res: Resource[], cfg: TransformerConfig): void {
  const ns = stringField(k, 'namespace');
  if (!ns || ns.value === '') return;
  const at = ns.node.origin;
  const put = (parent: KMap, key: string) => set(parent, key, scalar(ns.value, at), at);
  for (const r of res) {
    // Kustomize leaves a chart's objects in the namespace Helm rendered them into.
    if (r.helmGenerated) continue;
    const g = r.gvk();
    r.storePreviousId();
    if (!isClusterScoped(g)) put(ensureMetadata(r, at), 'namespace');
    // A core Namespace object takes the namespace as its name; other fields per the specs.
    for (const fs of cfg.namespace) {
      if (!specSelects(fs, g) || (fs.path === 'metadata/name' && r.apiVersion !== 'v1')) continue;
      applyFieldSpec(r.node, fs, at, (parent, key) => put(parent, key));
    }
    // Binding subjects named "default" are the namespace's default ServiceAccount.
    if (g.kind === 'RoleBinding' || g.kind === 'ClusterRoleBinding') {
      const subjects = get(r.node, 'subjects');
      if (isSeq(subjects)) for (const s of subjects.items) if (isMap(s) && str(get(s, 'name')) === 'default') put(s, 'namespace');
    }
  }
}

/** Kinds Kustomize's prefix and suffix transformers skip, whatever their field specs say. */
export const neverRenamed = (id: { group: string; kind: string }) =>
  id.kind === 'CustomResourceDefinition' || id.kind === 'Namespace' || (id.kind === 'APIService' && id.group === 'apiregistration.k8s.io');

export function applyPrefixSuffix(k: Kustomization, res: Resource[], cfg?: TransformerConfig): void {
  const prefix = stringField(k, 'namePrefix');
  const suffix = stringField(k, 'nameSuffix');
  // Configured kinds only, when a configuration names some (metadata/name specs).
  const renames = (specs: FieldSpec[] | undefined, id: Gvk) => !specs || specs.some(fs => fs.path === 'metadata/name' && specSelects(fs, id));
  const none = !prefix?.value && !suffix?.value;
  for (const r of res) {
    // Neither set (most kustomizations): only an object without metadata changes, below.
    if (none && isMap(get(r.view, 'metadata'))) continue;
    const id = r.orgId();
    if (neverRenamed(id)) continue;
    const p = renames(cfg?.namePrefix, id) ? prefix?.value ?? '' : '';
    const s = renames(cfg?.nameSuffix, id) ? suffix?.value ?? '' : '';
    // An object without metadata gets an empty one, renamed or not (read first: writing copies a shared tree).
    if (!p && !s && isMap(get(r.view, 'metadata'))) continue;
    const meta = ensureMetadata(r, prefix?.node.origin);
    if (!p && !s) continue;
    const name = str(get(meta, 'name')) ?? '';
    const at = (p ? prefix : suffix)!.node.origin;
    // Prefix and suffix are two transformers in Kustomize, each storing the id it renames.
    if (p) { r.storePreviousId(); r.prefixes.push(p); set(meta, 'name', scalar(p + name, prefix!.node.origin)); }
    if (s) { r.storePreviousId(); r.suffixes.push(s); set(meta, 'name', scalar(p + name + s, at)); }
  }
}

export function applyLabels(k: Kustomization, res: Resource[], cfg: TransformerConfig): void {
  for (const entry of listField(k, 'labels')) {
    if (!isMap(entry)) continue;
    const pairs = get(entry, 'pairs');
    const withSelectors = str(get(entry, 'includeSelectors')) === 'true';
    const withTemplates = str(get(entry, 'includeTemplates')) === 'true';
    const withClaimTemplates = str(get(entry, 'includeVolumeClaimTemplates')) === 'true';
    let fss: FieldSpec[] = readFieldSpecs(get(entry, 'fields'));
    if (withSelectors) fss = fss.concat(cfg.commonLabels);
    else {
      if (withTemplates) fss = fss.concat(cfg.templateLabels.filter((f) => f.path !== 'metadata/labels'));
      if (withClaimTemplates) fss = fss.concat(cfg.volumeClaimTemplateLabels);
      fss.push({ group: '', version: '', kind: '', path: 'metadata/labels', create: true });
    }
    writePairs(res, pairs, fss);
  }
  writePairs(res, get(k.node, 'commonLabels'), cfg.commonLabels);
}

export function applyAnnotations(k: Kustomization, res: Resource[], cfg: TransformerConfig): void {
  writePairs(res, get(k.node, 'commonAnnotations'), cfg.commonAnnotations);
}

function writePairs(res: Resource[], pairs: KNode | undefined, fss: FieldSpec[]): void {
  if (!isMap(pairs) || pairs.entries.length === 0) return;
  for (const r of res) {
    const g = r.gvk();
    for (const fs of dedupe(fss)) {
      if (!specSelects(fs, g)) continue;
      applyFieldSpec(r.node, fs, pairs.origin, (parent, key, value) => {
        let target = value;
        if (target === undefined) { target = map([], pairs.origin); set(parent, key, target, pairs.origin); }
        if (!isMap(target)) return;
        for (const e of pairs.entries) set(target, e.key, scalar(str(e.value) ?? '', e.value.origin), e.keyOrigin);
      });
    }
  }
}

function dedupe(fss: FieldSpec[]): FieldSpec[] {
  const seen = new Set<string>();
  return fss.filter((f) => {
    const k = `${f.group}|${f.version}|${f.kind}|${f.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function readFieldSpecs(n: KNode | undefined): FieldSpec[] {
  if (!isSeq(n)) return [];
  return n.items.filter(isMap).map((m) => ({
    group: str(get(m, 'group')) ?? '', version: str(get(m, 'version')) ?? '', kind: str(get(m, 'kind')) ?? '',
    path: str(get(m, 'path')) ?? '', create: str(get(m, 'create')) === 'true',
  }));
}

export function applyReplicas(k: Kustomization, res: Resource[], cfg: TransformerConfig): void {
  for (const entry of listField(k, 'replicas')) {
    const name = str(get(entry, 'name'));
    const count = get(entry, 'count');
    if (!name || !count) continue;
    for (const r of res) {
      if (![r.name, ...r.history.map((h) => h.name)].includes(name)) continue;
      for (const fs of cfg.replicas) {
        if (!specSelects(fs, r.gvk())) continue;
        applyFieldSpec(r.node, fs, count.origin, (parent, key) => set(parent, key, scalar(str(count) ?? '0', count.origin, 'int'), count.origin));
      }
    }
  }
}

export function applyImages(k: Kustomization, res: Resource[], cfg: TransformerConfig): void {
  const entries = listField(k, 'images').filter(isMap);
  if (entries.length === 0) return;
  const names = new Set(entries.map((e) => str(get(e, 'name'))));
  for (const r of res) {
    // Only an object holding an image the entries name is written (writing copies a shared tree).
    let named = false;
    visitImages(r, cfg, r.view, (_parent, _key, value) => { named ||= names.has(parseImage(str(value) ?? '').name); });
    if (named) visitImages(r, cfg, r.node, (parent, key, value) => { for (const e of entries) setImage(parent, key, value, e); });
  }
}

/** Every image field of the object (`node`: its tree to read or write) the images transformer looks at. */
function visitImages(r: Resource, cfg: TransformerConfig, node: KMap, visit: (parent: KMap, key: string, value: KNode | undefined) => void): void {
  for (const fs of cfg.images) {
    if (!specSelects(fs, r.gvk())) continue;
    applyFieldSpec(node, { ...fs, create: false }, undefined, visit);
  }
  if (!isKnownImageHolder(r)) visitAllImages(node, visit);
}

// Kustomize also rewrites "containers[].image" anywhere in objects it has no spec for (CRDs).
function isKnownImageHolder(r: Resource): boolean {
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod', 'ReplicationController'].includes(r.kind)
    && r.gvk().group !== 'custom';
}

function visitAllImages(n: KNode, visit: (parent: KMap, key: string, value: KNode) => void): void {
  if (isSeq(n)) { for (const x of n.items) visitAllImages(x, visit); return; }
  if (!isMap(n)) return;
  for (const e of n.entries) {
    if ((e.key === 'containers' || e.key === 'initContainers') && isSeq(e.value)) {
      for (const c of e.value.items) if (isMap(c)) { const img = get(c, 'image'); if (img) visit(c, 'image', img); }
    } else visitAllImages(e.value, visit);
  }
}

function ensureMetadata(r: Resource, at: Origin | undefined): KMap {
  let meta = get(r.node, 'metadata');
  if (!isMap(meta)) { meta = map([], at); set(r.node, 'metadata', meta, at); }
  return meta as KMap;
}
