// Helm's value merging (pkg/chart/common/util/coalesce.go and the CLI's mergeMaps), rule for
// rule: user values over chart defaults, `null` deletes a default, maps merge, lists and scalars
// replace, `global` flows down to every subchart, `.Values.<subchart>` is the subchart's scope.
import { GoMap, Value } from '../gotemplate';
import type { Chart } from './chart';

export function isTable(v: Value): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export function deepCopy<T extends Value>(v: T): T {
  if (Array.isArray(v)) return v.map(deepCopy) as T;
  if (isTable(v)) {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = deepCopy(x);
    return out as T;
  }
  return v;
}

/** The CLI's mergeMaps: value files and --set in order, later wins, maps merge. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const have = out[k];
    out[k] = isTable(v) && isTable(have) ? mergeMaps(have, v) : v;
  }
  return out;
}

/** CoalesceValues (merge false) and MergeValues (merge true) of a chart and its dependencies. */
export function coalesceChart(chart: Chart, vals: GoMap | null, merge: boolean): GoMap {
  return coalesce(chart, deepCopy(vals ?? {}), merge);
}

function coalesce(chart: Chart, dest: GoMap, merge: boolean): GoMap {
  coalesceValues(chart, dest, merge);
  return coalesceDeps(chart, dest, merge);
}

function coalesceDeps(chart: Chart, dest: GoMap, merge: boolean): GoMap {
  for (const sub of chart.dependencies) {
    const have = dest[sub.name];
    if (have === undefined) dest[sub.name] = {};
    else if (!isTable(have)) throw new Error(`type mismatch on ${sub.name}: %!t(${typeof have}=${String(have)})`);
    const dv = dest[sub.name] as GoMap;
    coalesceGlobals(dv, dest);
    dest[sub.name] = coalesce(sub, dv, merge);
  }
  return dest;
}

function coalesceGlobals(dest: GoMap, src: GoMap): void {
  const dg = dest.global === undefined ? {} : dest.global;
  const sg = src.global === undefined ? {} : src.global;
  if (!isTable(dg) || !isTable(sg)) return; // Helm warns and skips globals that are not tables
  for (const [key, val] of Object.entries(sg)) {
    if (isTable(val)) {
      const vv = { ...val };
      const destv = dg[key];
      if (destv === undefined) dg[key] = vv;
      else if (isTable(destv)) { coalesceTables(vv, destv, true); dg[key] = vv; }
    } else if (!isTable(dg[key])) {
      dg[key] = val;
    }
  }
  dest.global = dg;
}

function coalesceValues(chart: Chart, v: GoMap, merge: boolean): void {
  const vc = deepCopy(chart.values);
  for (const [key, val] of Object.entries(vc)) {
    if (Object.prototype.hasOwnProperty.call(v, key)) {
      const value = v[key];
      if (value === null && !merge) delete v[key];
      else if (isTable(value) && isTable(val)) {
        const m = merge || chart.dependencies.some(d => d.name === key);
        if (!m) cleanNil(val);
        coalesceTables(value, val, m);
      }
    } else {
      if (!merge) {
        if (val === null) continue;
        if (isTable(val)) cleanNil(val);
      }
      v[key] = val;
    }
  }
}

/** dst wins; src fills what dst lacks; with merge false a nil in dst deletes src's key. */
export function coalesceTables(dst: GoMap, src: GoMap, merge: boolean): GoMap {
  const srcNonNil = new Set(Object.keys(src).filter(k => src[k] !== null));
  for (const [k, v] of Object.entries(dst)) if (v === null) src[k] = null;
  for (const [key, val] of Object.entries(src)) {
    const has = Object.prototype.hasOwnProperty.call(dst, key);
    const dv = dst[key];
    if (has && !merge && dv === null && srcNonNil.has(key)) delete dst[key];
    else if (!has) dst[key] = val;
    else if (isTable(val) && isTable(dv)) coalesceTables(dv, val, merge);
  }
  return dst;
}

function cleanNil(m: GoMap): void {
  for (const [k, v] of Object.entries(m)) {
    if (v === null) delete m[k];
    else if (isTable(v)) cleanNil(v);
  }
}

/** Values.Table: the table at a dotted path, or undefined. */
export function tableAt(vals: GoMap, dotted: string): GoMap | undefined {
  let cur: Value = vals;
  for (const part of dotted.split('.')) {
    if (!isTable(cur)) return undefined;
    cur = cur[part];
  }
  return isTable(cur) ? cur : undefined;
}

/** Values.PathValue: the non-table value at a dotted path, or undefined. */
export function pathValue(vals: GoMap, dotted: string): Value {
  const parts = dotted.split('.');
  const last = parts.pop()!;
  const t = parts.length ? tableAt(vals, parts.join('.')) : vals;
  if (!t || !Object.prototype.hasOwnProperty.call(t, last) || isTable(t[last])) return undefined;
  return t[last];
}
