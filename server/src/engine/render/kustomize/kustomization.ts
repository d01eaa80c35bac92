// Finding and reading a kustomization file. The node is kept (not converted to a struct) so
// every entry still knows its source range for origins, notes and errors.
import { FileSource, joinPath } from './file-source';
import { KustomizeError } from './errors';
import { get, isMap, isSeq, KMap, KNode, Origin, str } from './model';
import { parseYamlDocs } from './parse';
import { canonicalStructKeys } from './struct-keys';

import { KUSTOMIZATION_FILE_NAMES } from './file-names';

export { KUSTOMIZATION_FILE_NAMES };

export interface Kustomization {
  dir: string;
  file: string;
  node: KMap;
  kind: 'Kustomization' | 'Component';
  /** Kustomize's default: files it reads must be in or below its folder. */
  restrictToRoot: boolean;
}

const KNOWN_FIELDS = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'components', 'patches', 'patchesStrategicMerge',
  'patchesJson6902', 'namespace', 'namePrefix', 'nameSuffix', 'commonLabels', 'labels', 'commonAnnotations',
  'images', 'imageTags', 'replicas', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'replacements',
  'vars', 'crds', 'sortOptions', 'helmCharts', 'helmGlobals', 'helmChartInflationGenerator', 'generators',
  'transformers', 'validators', 'configurations', 'openapi', 'buildMetadata',
]);

export function findKustomizationFile(fs: FileSource, dir: string): string | undefined {
  const found = KUSTOMIZATION_FILE_NAMES.map((n) => joinPath(dir, n)).filter((p) => fs.kindOf(p) === 'file');
  if (found.length > 1) throw new KustomizeError(`Found multiple kustomization files under: ${dir}\n`, undefined, 'malformed-kustomization');
  return found[0];
}

export function loadKustomization(fs: FileSource, dir: string, restrictToRoot = true): Kustomization {
  const file = findKustomizationFile(fs, dir);
  if (!file) {
    throw new KustomizeError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`, undefined, 'missing-resource');
  }
  const text = fs.readFile(file) ?? '';
  const docs = parseYamlDocs(text, file, false).filter((d) => d.node !== undefined);
  const whole: Origin = { file, range: [0, text.length] };
  if (docs.length === 0) throw new KustomizeError(`kustomization file is empty: ${file}`, whole, 'malformed-kustomization');
  const node = docs[0].node!;
  if (!isMap(node)) throw new KustomizeError(`invalid Kustomization: ${file}: not a YAML mapping`, docs[0].origin, 'malformed-kustomization');
  for (const e of node.entries) {
    // encoding/json matches field names without regard to case ("nameprefix" is namePrefix).
    if (!KNOWN_FIELDS.has(e.key)) e.key = [...KNOWN_FIELDS].find((f) => f.toLowerCase() === e.key.toLowerCase()) ?? e.key;
    if (!KNOWN_FIELDS.has(e.key)) throw new KustomizeError(`invalid Kustomization: json: unknown field "${e.key}"`, e.keyOrigin, 'malformed-kustomization');
  }
  canonicalStructKeys(node);
  const kindText = str(get(node, 'kind')) ?? '';
  if (kindText !== '' && kindText !== 'Kustomization' && kindText !== 'Component') {
    throw new KustomizeError(`kind should be Kustomization or Component: ${file}`, get(node, 'kind')!.origin, 'malformed-kustomization');
  }
  return { dir, file, node, kind: kindText === 'Component' ? 'Component' : 'Kustomization', restrictToRoot };
}

/** A list field's items (empty when absent); a non-list is a malformed kustomization. */
export function listField(k: Kustomization, field: string): KNode[] {
  const n = get(k.node, field);
  if (n === undefined || (n.kind === 'scalar' && n.tag === 'null')) return [];
  if (!isSeq(n)) throw new KustomizeError(`invalid Kustomization: field ${field} must be a list in ${k.file}`, n.origin, 'malformed-kustomization');
  return n.items;
}

export function stringListField(k: Kustomization, field: string): Array<{ value: string; node: KNode }> {
  return listField(k, field).map((node) => {
    const value = str(node);
    if (value === undefined) throw new KustomizeError(`invalid Kustomization: ${field} entries must be strings in ${k.file}`, node.origin, 'malformed-kustomization');
    return { value, node };
  });
}

export function stringField(k: Kustomization, field: string): { value: string; node: KNode } | undefined {
  const node = get(k.node, field);
  const value = str(node);
  return node && value !== undefined ? { value, node } : undefined;
}

