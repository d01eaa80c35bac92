// The crds field: OpenAPI definitions of custom kinds whose x-kubernetes-* extensions tell
// Kustomize which of their fields hold labels, annotations or references to other objects.
import { KustomizeError } from './errors';
import { FileSource } from './file-source';
import { FieldSpec } from './fieldspec';
import { Kustomization, stringListField } from './kustomization';
import { readInRoot } from './load-restrictions';
import { Plain, toPlain } from './model';
import { parseYamlDocs } from './parse';
import { TransformerConfig } from './transformer-config';

type Obj = { [k: string]: Plain };
const isObj = (v: Plain | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function mergeCrds(fs: FileSource, k: Kustomization, cfg: TransformerConfig): void {
  for (const entry of stringListField(k, 'crds')) {
    const { file, text } = readInRoot(fs, k, entry.value, entry.node.origin);
    const node = parseYamlDocs(text, file)[0]?.node;
    const defs = node ? toPlain(node) : null;
    if (!isObj(defs)) throw new KustomizeError(`unable to parse open API definition from '${entry.value}'`, entry.node.origin);
    for (const [name, def] of Object.entries(defs)) {
      const props = isObj(def) && isObj(def.Schema) ? def.Schema.properties : undefined;
      if (!isObj(props) || !('kind' in props && 'apiVersion' in props && 'metadata' in props)) continue;
      const kind = name.slice(name.lastIndexOf('.') + 1);
      visit(defs, name, kind, [], cfg, new Set());
    }
  }
}

function visit(defs: Obj, typeName: string, kind: string, path: string[], cfg: TransformerConfig, seen: Set<string>): void {
  if (seen.has(typeName)) return;
  const def = defs[typeName];
  const props = isObj(def) && isObj(def.Schema) ? def.Schema.properties : undefined;
  if (!isObj(props)) return;
  const inner = new Set(seen).add(typeName);
  for (const [prop, schema] of Object.entries(props)) {
    if (!isObj(schema)) continue;
    const at = [...path, prop];
    const spec = (p: string[]): FieldSpec => ({ group: '', version: '', kind, path: p.join('/'), create: false });
    if ('x-kubernetes-annotation' in schema) cfg.commonAnnotations.push(spec(at));
    if ('x-kubernetes-label-selector' in schema) cfg.commonLabels.push(spec(at));
    const version = schema['x-kubernetes-object-ref-api-version'];
    const refKind = schema['x-kubernetes-object-ref-kind'];
    if (typeof version === 'string' && typeof refKind === 'string') {
      const nameKey = typeof schema['x-kubernetes-object-ref-name-key'] === 'string' ? schema['x-kubernetes-object-ref-name-key'] as string : 'name';
      const fs = spec([...at, nameKey]);
      const ref = cfg.nameReference.find((r) => r.kind === refKind && r.version === version && r.group === '');
      if (ref) ref.fieldSpecs.push(fs);
      else cfg.nameReference.push({ group: '', version, kind: refKind, fieldSpecs: [fs] });
    }
    if (typeof schema.$ref === 'string') visit(defs, schema.$ref, kind, at, cfg, inner);
  }
}
