// The transformers field names files of transformer configurations. Those of Kustomize's
// built-in kinds (apiVersion: builtin) run in-process, after the kustomization's own fields, in
// the order listed; here the renaming ones (PrefixSuffixTransformer, PrefixTransformer,
// SuffixTransformer), which kubebuilder layouts use to prefix certificate and subject names,
// and PatchTransformer, which is a `patches` entry in a file of its own. Any other
// configuration is a plugin that is not run, and is noted as such.
import { KustomizeError } from './errors';
import { FileSource } from './file-source';
import { applyFieldSpec, FieldSpec, specSelects } from './fieldspec';
import { Kustomization, stringListField } from './kustomization';
import { readInRoot } from './load-restrictions';
import { get, isMap, isSeq, KMap, KNode, map, Origin, scalar, seq, set, str } from './model';
import { applyPatches } from './patches';
import { RenderNote } from './notes';
import { parseYamlDocs } from './parse';
import { Resource } from './resource';
import { neverRenamed, readFieldSpecs } from './transformers';

export function runTransformerConfigs(fs: FileSource, k: Kustomization, res: Resource[], notes: RenderNote[]): Resource[] {
  for (const entry of stringListField(k, 'transformers')) {
    const at = entry.node.origin ?? { file: k.file, range: [0, 0] as [number, number] };
    const configs = entry.value.includes('\n') || fs.kindOf(joinIn(k, entry.value)) !== 'file' ? undefined : readConfigs(fs, k, entry.value, at);
    for (const config of configs ?? [undefined]) {
      const kind = config && str(get(config.node, 'apiVersion')) === 'builtin' ? str(get(config.node, 'kind')) : undefined;
      if (kind === 'PrefixSuffixTransformer' || kind === 'PrefixTransformer' || kind === 'SuffixTransformer') rename(config!.node, kind, res, at);
      else if (kind === 'PatchTransformer') {
        // Read as the one entry of a kustomization's patches, its file being the configuration's.
        const node = map([{ key: 'patches', value: seq([config!.node], config!.node.origin) }], config!.node.origin);
        res = applyPatches(fs, { ...k, file: config!.file, node }, res, 'patches');
      } else notes.push({ kind: 'plugin', message: 'transformer plugins are not run', at });
    }
  }
  return res;
}

const joinIn = (k: Kustomization, rel: string) => (rel.startsWith('/') ? rel : `${k.dir}/${rel}`);

function readConfigs(fs: FileSource, k: Kustomization, rel: string, at: Origin): Array<{ file: string; node: KMap }> {
  const { file, text } = readInRoot(fs, k, rel, at);
  return parseYamlDocs(text, file).map((d) => d.node).filter((n): n is KMap => isMap(n)).map((node) => ({ file, node }));
}

/** A PrefixSuffixTransformer is a PrefixTransformer then a SuffixTransformer with the same specs. */
function rename(config: KMap, kind: string, res: Resource[], at: Origin): void {
  const specsNode = get(config, 'fieldSpecs');
  if (!isSeq(specsNode)) throw new KustomizeError('fieldSpecs is not expected to be nil', config.origin ?? at);
  const specs = readFieldSpecs(specsNode);
  if (kind !== 'SuffixTransformer') affix(res, specs, get(config, 'prefix'), 'prefix');
  if (kind !== 'PrefixTransformer') affix(res, specs, get(config, 'suffix'), 'suffix');
}

function affix(res: Resource[], specs: FieldSpec[], node: KNode | undefined, which: 'prefix' | 'suffix'): void {
  const text = str(node) ?? '';
  for (const r of res) {
    const id = r.orgId();
    if (neverRenamed(id)) continue;
    for (const fs of specs) {
      if (!specSelects(fs, id)) continue;
      if (fs.path === 'metadata/name') {
        (which === 'prefix' ? r.prefixes : r.suffixes).push(text);
        if (text) r.storePreviousId();
      }
      applyFieldSpec(r.node, fs, node?.origin, (parent, key, value) => {
        const now = value?.kind === 'scalar' ? value.value : '';
        set(parent, key, scalar(which === 'prefix' ? text + now : now + text, node?.origin ?? value?.origin));
      });
    }
  }
}
