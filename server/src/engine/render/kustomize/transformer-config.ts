// Where the built-in transformers write: Kustomize's defaults plus any `configurations:` files
// a kustomization lists (custom kinds' label selectors, image fields, name references, ...).
import * as defaults from './config/default-field-specs';
import { FileSource } from './file-source';
import { FieldSpec, fromRow } from './fieldspec';
import { Kustomization, stringListField } from './kustomization';
import { readInRoot } from './load-restrictions';
import { get, isMap, isSeq, KNode, str } from './model';
import { parseYamlDocs } from './parse';

export interface NameReferenceSpec { group: string; version: string; kind: string; fieldSpecs: FieldSpec[] }

export interface TransformerConfig {
  commonLabels: FieldSpec[];
  templateLabels: FieldSpec[];
  volumeClaimTemplateLabels: FieldSpec[];
  commonAnnotations: FieldSpec[];
  namespace: FieldSpec[];
  varReference: FieldSpec[];
  images: FieldSpec[];
  replicas: FieldSpec[];
  nameReference: NameReferenceSpec[];
  /**
   * The kinds whose `metadata/name` namePrefix and nameSuffix rename, when a `configurations:`
   * file lists some: then only those (Kustomize's defaults rename every kind; a configuration's
   * list takes their place, as kustomize build shows: TestConfigurationsOverrideDefault, Issue 4884).
   */
  namePrefix?: FieldSpec[];
  nameSuffix?: FieldSpec[];
}

type ListKey = Exclude<keyof TransformerConfig, 'nameReference' | 'namePrefix' | 'nameSuffix'>;
const LIST_KEYS: ListKey[] = ['commonLabels', 'templateLabels', 'volumeClaimTemplateLabels', 'commonAnnotations', 'namespace', 'varReference', 'images', 'replicas'];

export function defaultTransformerConfig(): TransformerConfig {
  return {
    commonLabels: defaults.commonLabels.map(fromRow),
    templateLabels: defaults.templateLabels.map(fromRow),
    volumeClaimTemplateLabels: defaults.volumeClaimTemplateLabels.map(fromRow),
    commonAnnotations: defaults.commonAnnotations.map(fromRow),
    namespace: defaults.namespace.map(fromRow),
    varReference: defaults.varReference.map(fromRow),
    images: defaults.images.map(fromRow),
    replicas: defaults.replicas.map(fromRow),
    nameReference: defaults.nameReference.map((r) => ({ group: r.group, version: r.version, kind: r.kind, fieldSpecs: r.fieldSpecs.map(fromRow) })),
  };
}

/** Adds the field specs of a kustomization's `configurations:` files to `cfg`. */
export function mergeConfigurations(fs: FileSource, k: Kustomization, cfg: TransformerConfig): void {
  for (const entry of stringListField(k, 'configurations')) {
    const { file, text } = readInRoot(fs, k, entry.value, entry.node.origin);
    for (const doc of parseYamlDocs(text, file)) if (doc.node) mergeNode(cfg, doc.node);
  }
}

function mergeNode(cfg: TransformerConfig, n: KNode): void {
  if (!isMap(n)) return;
  for (const key of LIST_KEYS) for (const fs of readSpecs(get(n, key))) addSpec(cfg[key], fs);
  for (const key of ['namePrefix', 'nameSuffix'] as const) {
    const specs = readSpecs(get(n, key));
    if (specs.length === 0) continue;
    const list = (cfg[key] ??= []);
    for (const fs of specs) addSpec(list, fs);
  }
  const refs = get(n, 'nameReference');
  for (const r of isSeq(refs) ? refs.items : []) {
    const ref = { group: str(get(r, 'group')) ?? '', version: str(get(r, 'version')) ?? '', kind: str(get(r, 'kind')) ?? '', fieldSpecs: readSpecs(get(r, 'fieldSpecs')) };
    const same = cfg.nameReference.find((x) => x.group === ref.group && x.version === ref.version && x.kind === ref.kind);
    if (same) for (const fs of ref.fieldSpecs) addSpec(same.fieldSpecs, fs);
    else cfg.nameReference.push(ref);
  }
}

function readSpecs(n: KNode | undefined): FieldSpec[] {
  if (!isSeq(n)) return [];
  return n.items.filter(isMap).map((m) => ({
    group: str(get(m, 'group')) ?? '', version: str(get(m, 'version')) ?? '', kind: str(get(m, 'kind')) ?? '',
    path: str(get(m, 'path')) ?? '', create: str(get(m, 'create')) === 'true',
  }));
}

function addSpec(list: FieldSpec[], fs: FieldSpec): void {
  if (!list.some((x) => x.group === fs.group && x.version === fs.version && x.kind === fs.kind && x.path === fs.path)) list.push(fs);
}
