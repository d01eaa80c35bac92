// Kustomize reads a kustomization into Go structs through encoding/json, which matches a
// field name to its struct tag without regard to case: `fieldpath`, `fieldPath` and
// `FieldPath` are one field. The renderer looks fields up by their canonical spelling, so
// the keys of every struct in the kustomization are respelled once, at load. Only struct
// positions are touched: the keys of user maps (labels, annotations) stay as written.
import { isMap, isSeq, KMap, KNode } from './model';

const GVK = ['group', 'version', 'kind'];
const RES_ID = [...GVK, 'name', 'namespace'];
const SELECTOR = [...RES_ID, 'labelSelector', 'annotationSelector'];
const GENERATOR = ['name', 'namespace', 'behavior', 'files', 'literals', 'envs', 'env', 'options'];
const GENERATOR_OPTIONS = ['labels', 'annotations', 'disableNameSuffixHash', 'immutable'];
const FIELD_OPTIONS = ['delimiter', 'index', 'create'];

/**
 * The canonical field names of each struct, by its path from the kustomization's root
 * ("[]" stands for every item of a list).
 */
const STRUCTS: Record<string, readonly string[]> = {
  'vars[]': ['name', 'objref', 'fieldref'],
  'vars[].objref': [...RES_ID, 'apiVersion'],
  'vars[].fieldref': ['fieldPath'],
  'images[]': ['name', 'newName', 'newTag', 'digest', 'tagSuffix'],
  'replicas[]': ['name', 'count'],
  'patches[]': ['path', 'patch', 'target', 'options'],
  'patches[].target': SELECTOR,
  'patches[].options': ['allowNameChange', 'allowKindChange'],
  'patchesJson6902[]': ['path', 'patch', 'target'],
  'patchesJson6902[].target': SELECTOR,
  'replacements[]': ['path', 'source', 'targets'],
  'replacements[].source': [...RES_ID, 'fieldPath', 'options'],
  'replacements[].source.options': FIELD_OPTIONS,
  'replacements[].targets[]': ['select', 'reject', 'fieldPaths', 'options'],
  'replacements[].targets[].select': SELECTOR,
  'replacements[].targets[].reject[]': SELECTOR,
  'replacements[].targets[].options': FIELD_OPTIONS,
  'configMapGenerator[]': GENERATOR,
  'configMapGenerator[].options': GENERATOR_OPTIONS,
  'secretGenerator[]': [...GENERATOR, 'type'],
  'secretGenerator[].options': GENERATOR_OPTIONS,
  generatorOptions: GENERATOR_OPTIONS,
  'labels[]': ['pairs', 'includeSelectors', 'includeTemplates', 'fields'],
  'labels[].fields[]': [...GVK, 'path', 'create'],
  'helmCharts[]': [
    'name', 'version', 'repo', 'releaseName', 'namespace', 'additionalValuesFiles', 'valuesFile', 'valuesInline',
    'valuesMerge', 'includeCRDs', 'skipHooks', 'apiVersions', 'kubeVersion', 'nameTemplate', 'skipTests', 'debug', 'devel',
  ],
  helmGlobals: ['chartHome', 'configHome'],
  sortOptions: ['order', 'legacySortOptions'],
  'sortOptions.legacySortOptions': ['orderFirst', 'orderLast'],
};

/** Respells the struct keys of a kustomization's node (whose top-level keys are canonical). */
export function canonicalStructKeys(root: KMap): void {
  for (const e of root.entries) visit(e.value, e.key);
}

function visit(n: KNode, path: string): void {
  if (isSeq(n)) {
    for (const item of n.items) visit(item, `${path}[]`);
    return;
  }
  const fields = STRUCTS[path];
  if (!fields || !isMap(n)) return;
  for (const e of n.entries) {
    if (!fields.includes(e.key)) e.key = fields.find((f) => f.toLowerCase() === e.key.toLowerCase()) ?? e.key;
    visit(e.value, `${path}.${e.key}`);
  }
}
