// The functions Helm adds to Sprig (pkg/engine/funcs.go and engine.go) that need the render:
// include and tpl execute templates of the set, required fails on an empty value, and the YAML
// and JSON converters read and write data as sigs.k8s.io/yaml does.
import { goYamlValue } from '../../model/go-yaml-stream';
import { CallContext, FuncDef, FuncError, def, lastPath } from './funcs';
import { toYaml } from './to-yaml';
import { GoMap, Value, fromJsonLike, isMap } from './values';

/** Helm's recursionMaxNums (pkg/engine/engine.go): how often one name may be included inside itself. */
export const HELM_INCLUDE_LIMIT = 1000;

const includeDepth = new WeakMap<CallContext, Map<string, number>>();

function guarded<T>(ctx: CallContext, name: string, run: () => T): T {
  let counts = includeDepth.get(ctx);
  if (!counts) includeDepth.set(ctx, counts = new Map());
  const n = counts.get(name) ?? 0;
  if (n > HELM_INCLUDE_LIMIT) throw new FuncError(`rendering template has a nested reference name: ${name}: unable to execute template`);
  counts.set(name, n + 1);
  try { return run(); } finally { counts.set(name, (counts.get(name) ?? 1) - 1); }
}

function yamlDoc(text: string): unknown {
  // sigs.k8s.io/yaml reads YAML 1.1 (go-yaml v2): yes/no/on/off are booleans.
  return goYamlValue(text);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

export const HELM_FUNCS: Record<string, FuncDef> = {
  include: def(['string', 'any'], ([name, data], ctx) => guarded(ctx, name as string, () => ctx.executeTemplate(name as string, data))),
  tpl: def(['string', 'any'], ([text, data], ctx) => {
    const t = text as string;
    try {
      return guarded(ctx, ctx.currentTemplate, () => ctx.executeText(ctx.currentTemplate, t, data)).replaceAll('<no value>', '');
    } catch (e) {
      const msg = errorText(e);
      throw new FuncError(/^template: [^:]*:\d+: /.test(msg) ? `cannot parse template ${JSON.stringify(t)}: ${msg}` : `error during tpl function execution for ${JSON.stringify(t)}: ${msg}`);
    }
  }),
  required: def(['string', 'any'], ([warn, val]) => {
    if (val === null || val === undefined || val === '') throw new FuncError(warn as string);
    return val;
  }, undefined, lastPath),
  toYaml: def(['any'], ([v]) => toYaml(v), undefined, lastPath),
  mustToYaml: def(['any'], ([v]) => toYaml(v), undefined, lastPath),
  fromYaml: def(['string'], ([s]) => {
    const m: GoMap = {};
    try {
      const v = fromJsonLike(yamlDoc(s as string));
      if (v === null) return m;
      if (!isMap(v)) throw new Error(`error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(v) ? 'array' : typeof v} into Go value of type map[string]interface {}`);
      return v;
    } catch (e) { m.Error = errorText(e); return m; }
  }),
  fromYamlArray: def(['string'], ([s]) => {
    try {
      const v = fromJsonLike(yamlDoc(s as string));
      if (v === null) return [];
      if (!Array.isArray(v)) throw new Error('error unmarshaling JSON: json: cannot unmarshal object into Go value of type []interface {}');
      return v;
    } catch (e) { return [errorText(e)]; }
  }),
  fromJsonArray: def(['string'], ([s]) => {
    try {
      const v = fromJsonLike(JSON.parse(s as string));
      if (!Array.isArray(v)) throw new Error('json: cannot unmarshal object into Go value of type []interface {}');
      return v;
    } catch (e) { return [errorText(e)]; }
  }),
};

export type { Value };
