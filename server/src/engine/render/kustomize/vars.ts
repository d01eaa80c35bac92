// Legacy vars: `$(NAME)` in the fields Kustomize's varReference config lists is replaced by a
// field of the object the var names. Vars attach to their object where they are declared and
// are resolved once, at the root, after names are final.
import { KustomizeError } from './errors';
import { applyFieldSpec, FieldSpec, specSelects } from './fieldspec';
import { findSlots } from './field-path';
import { Kustomization, listField } from './kustomization';
import { clone, get, isMap, isScalar, isSeq, KNode, Origin, scalar, str } from './model';
import { idString, Resource, ResId, sameNamespace, splitApiVersion } from './resource';

export interface BoundVar { name: string; fieldPath: string; target: Resource; at: Origin }

/** Declares a kustomization's vars, binding each to the one object its objref names. */
export function declareVars(k: Kustomization, res: Resource[], vars: BoundVar[]): void {
  for (const v of listField(k, 'vars')) {
    const at: Origin = v.origin ?? { file: k.file, range: [0, 0] };
    const name = str(get(v, 'name')) ?? '';
    if (vars.some((x) => x.name === name)) throw new KustomizeError(`var '${name}' already encountered`, at);
    const ref = get(v, 'objref');
    const apiVersion = str(get(ref, 'apiVersion'));
    const [group, version] = apiVersion ? splitApiVersion(apiVersion) : [str(get(ref, 'group')) ?? '', str(get(ref, 'version')) ?? ''];
    const want: ResId = { group, version, kind: str(get(ref, 'kind')) ?? '', name: str(get(ref, 'name')) ?? '', namespace: str(get(ref, 'namespace')) ?? '' };
    const strictNs = want.namespace !== '';
    const matches = res.filter((r) => [r.id(), ...r.history].some((id) => id.name === want.name && id.group === want.group
      && id.version === want.version && id.kind === want.kind && (!strictNs || sameNamespace(id.namespace, want.namespace))));
    if (matches.length > 1) throw new KustomizeError(`found ${matches.length} resId matches for var ${name} (unable to disambiguate)`, at);
    if (matches.length === 0) throw new KustomizeError(`var '${name}' cannot be mapped to a field in the set of known resources`, at);
    const fieldPath = str(get(get(v, 'fieldref'), 'fieldPath')) ?? 'metadata.name';
    vars.push({ name, fieldPath, target: matches[0], at });
  }
}

/** Replaces $(NAME) references in every varReference field of every object. */
export function resolveVars(res: Resource[], vars: BoundVar[], specs: FieldSpec[]): void {
  if (vars.length === 0) return;
  const values = new Map<string, KNode>();
  for (const v of vars) {
    const node = findSlots(v.target.view, fieldPathParts(v.fieldPath), false)[0]?.node;
    if (!node) throw new KustomizeError(`field specified in var '${v.name}' not found in corresponding resource ${idString(v.target.id())}`, v.at);
    values.set(v.name, node);
  }
  for (const r of res) {
    for (const fs of specs) {
      if (!specSelects(fs, r.gvk())) continue;
      applyFieldSpec(r.node, fs, undefined, (parent, key, value) => {
        if (!value) return;
        const e = parent.entries.find((x) => x.key === key)!;
        e.value = expandNode(value, values);
      });
    }
  }
}

/** "spec.ports[0].port" -> spec, ports, 0, port. */
function fieldPathParts(path: string): string[] {
  return path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((p) => p !== '');
}

function expandNode(n: KNode, values: Map<string, KNode>): KNode {
  if (isSeq(n)) { n.items = n.items.map((x) => expandNode(x, values)); return n; }
  if (isMap(n)) { for (const e of n.entries) e.value = expandNode(e.value, values); return n; }
  if (!isScalar(n) || n.tag !== 'str') return n;
  const whole = /^\$\(([^)]+)\)$/.exec(n.value);
  // A field that is exactly one reference takes the value with its type (a port stays a number).
  if (whole && values.has(whole[1])) {
    const v = values.get(whole[1])!;
    return isScalar(v) ? { ...clone(v) } : clone(v);
  }
  const out = expand(n.value, values);
  return out === n.value ? n : scalar(out, n.origin);
}

/** Kubernetes' $(VAR) expansion: $$ escapes, unknown references stay as written. */
function expand(s: string, values: Map<string, KNode>): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '$' || i + 1 >= s.length) { out += s[i]; continue; }
    const next = s[i + 1];
    if (next === '$') { out += '$'; i++; continue; }
    if (next === '(') {
      const close = s.indexOf(')', i + 2);
      if (close < 0) { out += s.slice(i); break; }
      const name = s.slice(i + 2, close);
      const v = values.get(name);
      out += v && isScalar(v) ? v.value : `$(${name})`;
      i = close;
      continue;
    }
    out += '$' + next;
    i++;
  }
  return out;
}
