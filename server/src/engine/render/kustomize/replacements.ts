// The replacements field: copy a value from one object (or a literal) into fields of others.
// A copied value keeps the origin of the node it was copied from.
import { KustomizeError } from './errors';
import { FileSource } from './file-source';
import { findSlots, splitFieldPath } from './field-path';
import { Kustomization, listField } from './kustomization';
import { readInRoot } from './load-restrictions';
import { clone, get, isMap, isScalar, isSeq, KNode, Origin, scalar, str } from './model';
import { parseYamlDocs } from './parse';
import { idString, ResId, Resource, sameNamespace } from './resource';
import { anchoredMatch, matchesLabelSelector } from './select';

export function applyReplacements(fs: FileSource, k: Kustomization, res: Resource[]): void {
  for (const entry of listField(k, 'replacements')) {
    const at: Origin = entry.origin ?? { file: k.file, range: [0, 0] };
    const path = str(get(entry, 'path'));
    if (path !== undefined && (get(entry, 'source') || get(entry, 'targets'))) throw new KustomizeError('cannot specify both path and inline replacement', at);
    for (const r of path !== undefined ? loadFile(fs, k, path, at) : [entry]) replace(r, res);
  }
}

function loadFile(fs: FileSource, k: Kustomization, rel: string, at: Origin): KNode[] {
  const { file, text } = readInRoot(fs, k, rel, at);
  const node = parseYamlDocs(text, file)[0]?.node;
  if (isSeq(node)) return node.items;
  if (isMap(node)) return [node];
  throw new KustomizeError(`unsupported replacement type encountered within replacement path: ${file}`, at);
}

function replace(r: KNode, res: Resource[]): void {
  const at = r.origin;
  const source = get(r, 'source');
  const literal = get(r, 'sourceValue');
  if (source && literal) throw new KustomizeError('value and resource selectors are mutually exclusive', at);
  const value = literal ? clone(literal) : sourceValue(source, res, at);
  const targets = get(r, 'targets');
  for (const t of isSeq(targets) ? targets.items : []) {
    const select = get(t, 'select');
    if (!select) throw new KustomizeError('target must specify resources to select', t.origin);
    const rejects = get(t, 'reject');
    const fieldPaths = get(t, 'fieldPaths');
    const paths = isSeq(fieldPaths) && fieldPaths.items.length ? fieldPaths.items.map((x) => str(x) ?? '') : ['metadata.name'];
    const options = get(t, 'options');
    for (const target of res) {
      if (!labelsMatch(target, select)) continue;
      if (isSeq(rejects) && rejects.items.some((rj) => (get(rj, 'labelSelector') || get(rj, 'annotationSelector')) && labelsMatch(target, rj))) continue;
      const ids = [target.id(), ...target.history];
      if (isSeq(rejects) && rejects.items.some((rj) => hasIdFields(rj) && ids.some((id) => regexSelects(rj, id)))) continue;
      if (!ids.some((id) => regexSelects(select, id))) continue;
      for (const fp of paths) copyTo(target, fp, value, options);
    }
  }
}

function sourceValue(source: KNode | undefined, res: Resource[], at?: Origin): KNode {
  if (!source) throw new KustomizeError('replacement must have a source', at);
  const sel = readId(source);
  const matches = res.filter((r) => [r.id(), ...r.history].some((id) => exactSelects(sel, id)));
  if (matches.length > 1) throw new KustomizeError(`multiple matches for selector ${idString(sel)}`, source.origin);
  if (matches.length === 0) throw new KustomizeError(`nothing selected by ${idString(sel)}`, source.origin);
  const fieldPath = str(get(source, 'fieldPath')) ?? 'metadata.name';
  const found = findSlots(matches[0].view, splitFieldPath(fieldPath), false)[0]?.node;
  // As kyaml's IsNilOrEmpty: null, {} and [] are missing; an empty string is a value.
  if (!found || (isScalar(found) && found.tag === 'null') || (isMap(found) && !found.entries.length) || (isSeq(found) && !found.items.length)) {
    throw new KustomizeError(`fieldPath \`${fieldPath}\` is missing for replacement source ${idString(sel)}`, source.origin);
  }
  const options = get(source, 'options');
  const delimiter = str(get(options, 'delimiter'));
  if (!delimiter) return clone(found);
  if (!isScalar(found)) throw new KustomizeError('delimiter option can only be used with scalar nodes', source.origin);
  const parts = found.value.split(delimiter);
  const index = Number(str(get(options, 'index')) ?? '0');
  if (index < 0 || index >= parts.length) throw new KustomizeError(`options.index ${index} is out of bounds for value ${found.value}`, source.origin);
  return scalar(parts[index], found.origin);
}

function copyTo(target: Resource, fp: string, value: KNode, options: KNode | undefined): void {
  const create = str(get(options, 'create')) === 'true';
  const slots = findSlots(target.node, splitFieldPath(fp), create, value.origin);
  if (slots.length === 0) {
    throw new KustomizeError(create ? `unable to find or create field "${fp}" in replacement target` : `unable to find field "${fp}" in replacement target`);
  }
  const delimiter = str(get(options, 'delimiter'));
  for (const slot of slots) {
    if (!delimiter) {
      // A scalar target keeps its own tag (a number stays a number); structures are replaced.
      if (isScalar(slot.node) && isScalar(value)) slot.replace({ ...value, tag: slot.node.tag === 'null' ? value.tag : value.tag });
      else slot.replace(clone(value));
      continue;
    }
    if (!isScalar(slot.node)) throw new KustomizeError('delimiter option can only be used with scalar nodes');
    const parts = slot.node.tag === 'null' ? [''] : slot.node.value.split(delimiter);
    const index = Number(str(get(options, 'index')) ?? '0');
    const v = str(value) ?? '';
    if (index < 0) parts.unshift(v);
    else if (index >= parts.length) parts.push(v);
    else parts[index] = v;
    slot.replace(scalar(parts.join(delimiter), value.origin));
  }
}

function readId(n: KNode): ResId {
  const f = (k: string) => str(get(n, k)) ?? '';
  return { group: f('group'), version: f('version'), kind: f('kind'), name: f('name'), namespace: f('namespace') };
}

const hasIdFields = (n: KNode) => ['group', 'version', 'kind', 'name', 'namespace'].some((k) => get(n, k) !== undefined);

function exactSelects(sel: ResId, id: ResId): boolean {
  return (!sel.group || sel.group === id.group) && (!sel.version || sel.version === id.version) && (!sel.kind || sel.kind === id.kind)
    && (!sel.name || sel.name === id.name) && (!sel.namespace || sameNamespace(sel.namespace, id.namespace));
}

function regexSelects(sel: KNode, id: ResId): boolean {
  const s = readId(sel);
  const m = anchoredMatch;
  return (!s.group || m(s.group, id.group)) && (!s.version || m(s.version, id.version)) && (!s.kind || m(s.kind, id.kind))
    && (!s.name || m(s.name, id.name)) && (!s.namespace || m(s.namespace, id.namespace));
}

function labelsMatch(r: Resource, sel: KNode): boolean {
  const ls = str(get(sel, 'labelSelector'));
  const as = str(get(sel, 'annotationSelector'));
  return (!ls || matchesLabelSelector(ls, r.labels())) && (!as || matchesLabelSelector(as, r.annotations()));
}
