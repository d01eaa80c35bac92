// Sprig's list and dict functions (list.go, dict.go). Lists are []interface{}; dicts are
// map[string]interface{}; Go's random map order (keys, values) is replaced by sorted order.
import { FuncDef, FuncError, def, firstPath, lastPath } from '../funcs';
import { GoMap, Value, compareGoStrings, isMap, setKey, sortedKeys, typeName } from '../values';
import { deepEqual, empty, strslice, strval, toInt64 } from './convert';

function asList(v: Value, what: string): Value[] {
  if (Array.isArray(v)) return v;
  if (what === 'slice') throw new FuncError(`list should be type of slice or array but ${kindName(v)}`);
  throw new FuncError(`Cannot ${what} on type ${typeName(v)}`);
}

function kindName(v: Value): string {
  return isMap(v) ? 'map' : typeof v === 'bigint' ? 'int' : typeof v === 'number' ? 'float64' : typeof v;
}

/** The must/plain pair: the plain one panics, which templates see as the same error. */
function listFn(name: string, f: (l: Value[], args: Value[]) => Value, params: ('any' | 'int')[] = ['any'], variadic?: 'any'): FuncDef {
  return def(params, ([l, ...rest]) => {
    if (l === null || l === undefined) throw new FuncError(`Cannot ${name} on type <nil>`);
    return f(asList(l, name), rest);
  }, variadic);
}

function uniq(l: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of l) if (!out.some(y => deepEqual(x, y))) out.push(x);
  return out;
}

function sliceList(l: Value[], idx: Value[]): Value {
  const n = l.length;
  const a = idx.length > 0 ? Number(toInt64(idx[0])) : 0;
  const b = idx.length > 1 ? Number(toInt64(idx[1])) : n;
  if (a < 0 || b > n || a > b) throw new FuncError(`runtime error: slice bounds out of range [${a}:${b}] with capacity ${n}`);
  return l.slice(a, b);
}

export function deepCopy(v: Value): Value {
  if (Array.isArray(v)) return v.map(deepCopy);
  if (isMap(v)) { const o: GoMap = {}; for (const k of Object.keys(v)) o[k] = deepCopy(v[k]); return o; }
  return v;
}

/** mergo.Merge: fills dst's missing or empty values from src, recursing into maps. Values are
 *  shared, not copied (as mergo does): a map merged in stays the same map. With overwrite, a
 *  non-empty src value replaces dst's. */
/**
 * mergo's map merge as Sprig calls it (dario.cat/mergo deepMerge, map case): maps on both sides
 * merge key by key; otherwise mergeOverwrite writes the source value whatever it is (false, "",
 * [], nil included: `enabled: false` turns a default off), while merge fills only a key that is
 * missing or empty in dst and never copies a nil.
 */
function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const k of Object.keys(src)) {
    const s = src[k], d = dst[k];
    if (s === null || s === undefined) { if (overwrite) setKey(dst, k, null); continue; }
    if (isMap(d) && isMap(s)) { mergeInto(d, s, overwrite); continue; }
    const has = Object.prototype.hasOwnProperty.call(dst, k);
    if (overwrite || !has || empty(d)) setKey(dst, k, s);
  }
}

function asDict(v: Value, fn: string): GoMap {
  if (isMap(v)) return v;
  throw new FuncError(`wrong type for value; expected map[string]interface {}; got ${typeName(v)} in ${fn}`);
}

function dig(args: Value[]): Value {
  const dict = args[args.length - 1], dflt = args[args.length - 2];
  const keys = args.slice(0, -2) as string[];
  let cur: Value = dict;
  for (const k of keys) {
    if (!isMap(cur) || !Object.prototype.hasOwnProperty.call(cur, k)) return dflt;
    cur = cur[k];
  }
  return cur;
}

export const LIST_FUNCS: Record<string, FuncDef> = {
  list: def([], args => [...args], 'any'),
  tuple: def([], args => [...args], 'any'),
  append: listFn('push', (l, [v]) => [...l, v], ['any', 'any']),
  push: listFn('push', (l, [v]) => [...l, v], ['any', 'any']),
  mustAppend: listFn('push', (l, [v]) => [...l, v], ['any', 'any']),
  mustPush: listFn('push', (l, [v]) => [...l, v], ['any', 'any']),
  prepend: listFn('prepend', (l, [v]) => [v, ...l], ['any', 'any']),
  mustPrepend: listFn('prepend', (l, [v]) => [v, ...l], ['any', 'any']),
  first: listFn('find first', l => (l.length ? l[0] : null)),
  mustFirst: listFn('find first', l => (l.length ? l[0] : null)),
  rest: listFn('find rest', l => l.slice(1)),
  mustRest: listFn('find rest', l => l.slice(1)),
  last: listFn('find last', l => (l.length ? l[l.length - 1] : null)),
  mustLast: listFn('find last', l => (l.length ? l[l.length - 1] : null)),
  initial: listFn('find initial', l => l.slice(0, -1)),
  mustInitial: listFn('find initial', l => l.slice(0, -1)),
  reverse: listFn('find reverse', l => [...l].reverse()),
  mustReverse: listFn('find reverse', l => [...l].reverse()),
  uniq: listFn('find uniq', uniq),
  mustUniq: listFn('find uniq', uniq),
  without: listFn('find without', (l, omit) => l.filter(x => !omit.some(o => deepEqual(x, o))), ['any'], 'any'),
  mustWithout: listFn('find without', (l, omit) => l.filter(x => !omit.some(o => deepEqual(x, o))), ['any'], 'any'),
  has: def(['any', 'any'], ([needle, hay]) => {
    if (hay === null || hay === undefined) return false;
    return asList(hay, 'find has').some(x => deepEqual(x, needle));
  }),
  mustHas: def(['any', 'any'], ([needle, hay]) => (hay === null || hay === undefined ? false : asList(hay, 'find has').some(x => deepEqual(x, needle)))),
  slice: listFn('slice', sliceList, ['any'], 'any'),
  mustSlice: listFn('slice', sliceList, ['any'], 'any'),
  concat: def([], lists => lists.flatMap(l => asList(l, 'concat')), 'any'),
  compact: listFn('compact', l => l.filter(x => !empty(x))),
  mustCompact: listFn('compact', l => l.filter(x => !empty(x))),
  chunk: def(['int', 'any'], ([size, l]) => chunk(size as bigint, l)),
  mustChunk: def(['int', 'any'], ([size, l]) => chunk(size as bigint, l)),
  sortAlpha: def(['any'], ([l]) => strslice(l).sort(compareGoStrings)),
  until: def(['int'], ([n]) => untilStep(0n, n as bigint, (n as bigint) < 0n ? -1n : 1n)),
  untilStep: def(['int', 'int', 'int'], ([a, b, s]) => untilStep(a as bigint, b as bigint, s as bigint)),
  seq: def([], args => seq(args as bigint[]), 'int'),

  dict: def([], args => {
    const m: GoMap = {};
    for (let i = 0; i < args.length; i += 2) setKey(m, strval(args[i]), i + 1 < args.length ? args[i + 1] : '');
    return m;
  }, 'any'),
  get: def(['map', 'string'], ([d, k]) => (d && Object.prototype.hasOwnProperty.call(d, k as string) ? (d as GoMap)[k as string] : ''),
    undefined, (a, p) => (p[0] ? [...p[0], a[1] as string] : null)),
  set: def(['map', 'string', 'any'], ([d, k, v]) => { setKey(asDict(d, 'set'), k as string, v); return d; }),
  unset: def(['map', 'string'], ([d, k]) => { delete asDict(d, 'unset')[k as string]; return d; }),
  hasKey: def(['map', 'string'], ([d, k]) => d !== null && Object.prototype.hasOwnProperty.call(d, k as string)),
  pluck: def(['string'], ([k, ...ds]) => ds.filter(d => isMap(d) && Object.prototype.hasOwnProperty.call(d, k as string)).map(d => (d as GoMap)[k as string]), 'map'),
  keys: def([], ds => ds.flatMap(d => (isMap(d) ? sortedKeys(d) : [])), 'map'),
  values: def(['map'], ([d]) => (isMap(d) ? sortedKeys(d).map(k => d[k]) : [])),
  pick: def(['map'], ([d, ...ks]) => {
    const out: GoMap = {};
    for (const k of ks as string[]) if (isMap(d) && Object.prototype.hasOwnProperty.call(d, k)) out[k] = d[k];
    return out;
  }, 'string'),
  omit: def(['map'], ([d, ...ks]) => {
    const out: GoMap = {};
    if (isMap(d)) for (const k of Object.keys(d)) if (!(ks as string[]).includes(k)) out[k] = d[k];
    return out;
  }, 'string'),
  merge: def(['map'], ([dst, ...srcs]) => { for (const s of srcs) if (isMap(s)) mergeInto(asDict(dst, 'merge'), s, false); return dst; }, 'map', firstPath),
  mustMerge: def(['map'], ([dst, ...srcs]) => { for (const s of srcs) if (isMap(s)) mergeInto(asDict(dst, 'merge'), s, false); return dst; }, 'map'),
  mergeOverwrite: def(['map'], ([dst, ...srcs]) => { for (const s of srcs) if (isMap(s)) mergeInto(asDict(dst, 'merge'), s, true); return dst; }, 'map'),
  mustMergeOverwrite: def(['map'], ([dst, ...srcs]) => { for (const s of srcs) if (isMap(s)) mergeInto(asDict(dst, 'merge'), s, true); return dst; }, 'map'),
  deepCopy: def(['any'], ([v]) => deepCopy(v), undefined, lastPath),
  mustDeepCopy: def(['any'], ([v]) => deepCopy(v), undefined, lastPath),
  dig: def(['any'], args => {
    if (args.length < 3) throw new FuncError(`dig needs at least three arguments`);
    return dig(args);
  }, 'any'),
};

function chunk(size: bigint, l: Value): Value[] {
  const list = asList(l, 'chunk'), n = Number(size);
  if (n < 1) throw new FuncError('size must be greater than 0');
  const out: Value[] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

const MAX_LIST = 1_000_000;

export function untilStep(start: bigint, stop: bigint, step: bigint): Value[] {
  const v: Value[] = [];
  const push = (i: bigint) => { if (v.length >= MAX_LIST) throw new FuncError(`list of more than ${MAX_LIST} elements exceeds this renderer's limit`); v.push(i); };
  if (stop < start) {
    if (step >= 0n) return v;
    for (let i = start; i > stop; i += step) push(i);
    return v;
  }
  if (step <= 0n) return v;
  for (let i = start; i < stop; i += step) push(i);
  return v;
}

function seq(p: bigint[]): string {
  const join = (l: Value[]) => l.map(String).join(' ');
  switch (p.length) {
    case 0: return '';
    case 1: { const end = p[0]; const inc = end < 1n ? -1n : 1n; return join(untilStep(1n, end + inc, inc)); }
    case 2: { const [s, e] = p; const step = e < s ? -1n : 1n; return join(untilStep(s, e + step, step)); }
    case 3: {
      const [s, step, e] = p;
      let inc = 1n;
      if (e < s) { inc = -1n; if (step > 0n) return ''; }
      return join(untilStep(s, e + inc, step));
    }
    default: return '';
  }
}
