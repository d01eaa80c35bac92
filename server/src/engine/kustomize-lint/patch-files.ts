// The files an overlay's patch of one object is made of: the smallest strategic-merge patch that
// names the object and the container (Kustomize matches containers by name), the overlay's
// existing patch for that object, and the `patches:` entry that lists a new patch file.
import { isMap, isScalar, isSeq, parseAllDocuments, parseDocument, YAMLMap } from 'yaml';
import type { TextEdit } from '../fix/edit';
import { eolOf, insertionAfterLine, lineStart, linesText } from '../fix/text';
import { parseFile } from '../model/parse';
import { podSpecOf, podTemplatePath } from '../model/workload';
import type { FileSource } from '../render/kustomize';
import { kustomizationFilesIn } from '../render/kustomize/file-names';

export interface ObjectIdentity { apiVersion: string; kind: string; name: string; namespace?: string }

/**
 * A patch that names the object defined at `offset` of `text` and, on the path to its pod spec,
 * the container `data.container` names (a label such as `Container "web"`), else its first one:
 * a rule's fix for a missing setting, built on it, is the overlay's patch.
 */
export function objectSkeleton(text: string, offset: number, data: Record<string, string | number>): { identity: ObjectIdentity; text: string } | undefined {
  const object = parseFile(text).documents.flatMap(d => d.objects)
    .find(o => o.node.range && o.node.range[0] <= offset && offset <= o.node.range[2]);
  if (!object?.name) return undefined;
  const holderPath = podTemplatePath(object);
  const pod = podSpecOf(object);
  if (!holderPath || !pod) return undefined;
  const containers = pod.containers;
  const container = containers.find(c => c.label === data.container) ?? (data.container === undefined ? containers.find(c => c.list === 'containers') : undefined);
  if (!container?.name) return undefined;
  const identity: ObjectIdentity = { apiVersion: object.apiVersion, kind: object.kind, name: object.name, ...(object.namespace ? { namespace: object.namespace } : {}) };
  const lines = [`apiVersion: ${plain(identity.apiVersion)}`, `kind: ${plain(identity.kind)}`, 'metadata:', `  name: ${plain(identity.name)}`];
  if (identity.namespace) lines.push(`  namespace: ${plain(identity.namespace)}`);
  let indent = '';
  for (const key of [...holderPath, 'spec']) {
    lines.push(`${indent}${key}:`);
    indent += '  ';
  }
  lines.push(`${indent}${container.list}:`, `${indent}  - name: ${plain(container.name)}`);
  return { identity, text: lines.join('\n') + '\n' };
}

/** The overlay's strategic-merge patch file for the object, if its kustomization lists one. */
export function smpPatchFor(fs: FileSource, root: string, identity: ObjectIdentity): { file: string; kustomization: string } | undefined {
  const kustomization = kustomizationFilesIn(root).find(f => fs.kindOf(f) === 'file');
  const text = kustomization && fs.readFile(kustomization);
  if (!kustomization || text === undefined) return undefined;
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const paths: string[] = [];
  const patches = doc.contents.get('patches');
  // A patch with a target may apply to other objects too: only one aimed by its own name.
  if (isSeq(patches)) for (const p of patches.items) if (isMap(p) && !p.has('target') && typeof scalarAt(p, 'path') === 'string') paths.push(scalarAt(p, 'path') as string);
  const smp = doc.contents.get('patchesStrategicMerge');
  if (isSeq(smp)) for (const p of smp.items) if (isScalar(p) && typeof p.value === 'string' && !p.value.includes('\n')) paths.push(p.value);
  for (const rel of paths) {
    if (rel.startsWith('/') || rel.includes('..')) continue;
    const file = `${root}/${rel.replace(/^\.\//, '')}`;
    const patch = fs.readFile(file);
    if (patch !== undefined && isPatchOf(patch, identity)) return { file, kustomization };
  }
  return undefined;
}

function isPatchOf(text: string, identity: ObjectIdentity): boolean {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 1 || docs[0].errors.length) return false;
  const node = docs[0].contents;
  if (!isMap(node)) return false;
  const metadata = node.get('metadata');
  return scalarAt(node, 'kind') === identity.kind && isMap(metadata) && scalarAt(metadata, 'name') === identity.name
    && (!identity.namespace || scalarAt(metadata, 'namespace') === undefined || scalarAt(metadata, 'namespace') === identity.namespace);
}

function scalarAt(map: YAMLMap, key: string): unknown {
  const v = map.get(key, true);
  return isScalar(v) ? v.value : v;
}

/**
 * The edit that lists `name` under the kustomization's `patches:` (a new last item, dashes where
 * its items have them), or a new `patches:` at the end; undefined for a flow-style list.
 */
export function patchEntryEdit(text: string, name: string): TextEdit | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const root: YAMLMap = doc.contents;
  const eol = eolOf(text);
  const entry = `path: ${plain(name)}`;
  const patches = root.get('patches', true);
  if (patches !== undefined) {
    if (!isSeq(patches) || patches.flow || !patches.items.length || !patches.range) return undefined;
    const first = patches.items[0] as { range?: [number, number, number] };
    if (!first.range) return undefined;
    const dash = text.slice(lineStart(text, first.range[0]), first.range[0]).replace(/-\s*$/, '');
    const { at, atEof } = insertionAfterLine(text, patches.range[1]);
    return { start: at, end: at, newText: linesText([`${dash}- ${entry}`], eol, atEof) };
  }
  // The indentation other top-level lists use (`resources:` items), else none (as `kustomize edit` writes).
  let dash = '';
  for (const pair of root.items) {
    const v = pair.value as { items?: Array<{ range?: [number, number, number] }>; flow?: boolean } | null;
    if (isSeq(v) && !v.flow && v.items[0]?.range) { dash = text.slice(lineStart(text, v.items[0].range[0]), v.items[0].range[0]).replace(/-\s*$/, ''); break; }
  }
  const at = text.length;
  const lead = text.length && !text.endsWith('\n') ? eol : '';
  return { start: at, end: at, newText: `${lead}patches:${eol}${dash}- ${entry}${eol}` };
}

/** A scalar as plain YAML when it reads back as the same string, else quoted. */
function plain(s: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s) && !/^(true|false|null|yes|no|on|off|~)$/i.test(s) && !/^[0-9.+-]+$/.test(s) ? s : JSON.stringify(s);
}
