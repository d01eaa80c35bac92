// text/template's predefined functions (funcs.go): and, or, not, len, index, slice, call,
// eq/ne/lt/le/gt/ge with Go's comparison rules, print/printf/println, html, js, urlquery.
import { FuncDef, FuncError, def, lastPath } from './funcs';
import { sprint, sprintf, sprintln } from './fmt';
import { DataPath } from './origin';
import { GoFunc, GoMap, Value, isMap, isTrue, kindOf, mapView, mapZero, typeName } from './values';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: Value): BasicKind {
  switch (kindOf(v)) {
    case 'bool': return 'bool';
    case 'int': return 'int';
    case 'float64': return 'float';
    case 'string': return 'string';
    default: return 'invalid';
  }
}

const BAD_TYPE = 'invalid type for comparison';
const BAD_CMP = 'incompatible types for comparison';

function isNil(v: Value): boolean { return v === undefined || v === null; }

export function goEq(a1: Value, ...rest: Value[]): boolean {
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a1);
  for (const a of rest) {
    const k2 = basicKind(a);
    let truth = false;
    if (k1 !== k2) {
      if (!isNil(a1) && !isNil(a)) throw new FuncError(BAD_CMP);
    } else if (k1 !== 'invalid') {
      truth = a1 === a;
    } else if (isNil(a1) || isNil(a)) {
      truth = isNil(a1) === isNil(a);
    } else if (isMap(a1) || Array.isArray(a1) || a1 instanceof GoFunc) {
      throw new FuncError(`non-comparable type ${sprint([a1])}: ${typeName(a1)}`);
    } else if (isMap(a) || Array.isArray(a) || a instanceof GoFunc) {
      throw new FuncError(`non-comparable type ${sprint([a])}: ${typeName(a)}`);
    } else truth = a1 === a;
    if (truth) return true;
  }
  return false;
}

export function goLt(a1: Value, a2: Value): boolean {
  const k1 = basicKind(a1);
  if (k1 === 'invalid') throw new FuncError(BAD_TYPE);
  const k2 = basicKind(a2);
  if (k2 === 'invalid') throw new FuncError(BAD_TYPE);
  if (k1 !== k2) throw new FuncError(BAD_CMP);
  if (k1 === 'bool') throw new FuncError(BAD_TYPE);
  if (k1 === 'string') return compareStrings(a1 as string, a2 as string) < 0;
  return (a1 as number) < (a2 as number);
}

function compareStrings(a: string, b: string): number {
  const x = new TextEncoder().encode(a), y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

function indexArg(index: Value, cap: number): number {
  if (index === undefined || index === null) throw new FuncError('cannot index slice/array with nil');
  if (typeof index !== 'bigint') throw new FuncError(`cannot index slice/array with type ${typeName(index)}`);
  if (index < 0n || index > BigInt(cap)) throw new FuncError(`index out of range: ${index}`);
  return Number(index);
}

function goIndex(item: Value, ...indexes: Value[]): Value {
  if (isNil(item)) throw new FuncError('index of untyped nil');
  for (const index of indexes) {
    item = mapView(item);
    if (item === null) throw new FuncError('index of nil pointer');
    if (Array.isArray(item) || typeof item === 'string') {
      const x = indexArg(index, item.length);
      if (x === item.length) throw new FuncError(`reflect: ${typeof item === 'string' ? 'string' : 'slice'} index out of range`);
      item = typeof item === 'string' ? BigInt(new TextEncoder().encode(item)[x] ?? 0) : item[x];
    } else if (isMap(item)) {
      if (index === undefined || index === null) throw new FuncError('value is nil; should be of type string');
      if (typeof index !== 'string') throw new FuncError(`value has type ${typeName(index)}; should be string`);
      item = Object.prototype.hasOwnProperty.call(item, index) ? (item as GoMap)[index] : mapZero(item as GoMap);
    } else if (item === undefined) {
      throw new FuncError('index of untyped nil');
    } else throw new FuncError(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function goSlice(item: Value, ...indexes: Value[]): Value {
  if (isNil(item)) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = new TextEncoder().encode(item).length;
  } else if (Array.isArray(item)) len = item.length;
  else throw new FuncError(`can't slice item of type ${typeName(item)}`);
  const idx = [0, len, len];
  indexes.forEach((x, i) => { idx[i] = indexArg(x, len); });
  if (idx[0] > idx[1]) throw new FuncError(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) throw new FuncError(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return new TextDecoder().decode(new TextEncoder().encode(item).slice(idx[0], idx[1]));
  return item.slice(idx[0], idx[1]);
}

function goLen(item0: Value): Value {
  const item = mapView(item0);
  if (item === undefined) throw new FuncError('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) throw new FuncError('len of nil pointer');
  if (typeof item === 'string') return BigInt(new TextEncoder().encode(item).length);
  if (Array.isArray(item)) return BigInt(item.length);
  if (isMap(item)) return BigInt(Object.keys(item).length);
  throw new FuncError(`len of type ${typeName(item)}`);
}

/** The argument text of html/js/urlquery: one string as is, else Sprint with <no value> for nil. */
function evalArgs(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map(a => (isNil(a) ? '<no value>' : a)));
}

export function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, c => ({ '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      switch (ch) {
        case '\\': out += '\\\\'; continue;
        case "'": out += "\\'"; continue;
        case '"': out += '\\"'; continue;
        case '<': out += '\\u003C'; continue;
        case '>': out += '\\u003E'; continue;
        case '&': out += '\\u0026'; continue;
        case '=': out += '\\u003D'; continue;
      }
      out += c < 0x20 ? '\\u' + c.toString(16).toUpperCase().padStart(4, '0') : ch;
    } else if (/^[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]$/u.test(ch)) out += ch;
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function queryEscape(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function goCall(fn: Value, ...args: Value[]): Value {
  if (isNil(fn)) throw new FuncError('call of nil');
  if (!(fn instanceof GoFunc)) throw new FuncError(`non-function ${sprint([fn])} of type ${typeName(fn)}`);
  if (fn.arity >= 0 && args.length !== fn.arity) throw new FuncError(`wrong number of args for ${fn.name}: got ${args.length} want ${fn.arity}`);
  return fn.fn(args);
}

const cmp = (f: (a: Value, b: Value) => boolean): FuncDef => def(['value', 'value'], ([a, b]) => f(a, b));

export const BUILTINS: Record<string, FuncDef> = {
  and: def(['value'], () => undefined, 'value'),
  or: def(['value'], () => undefined, 'value'),
  not: def(['value'], ([a]) => !isTrue(a)),
  len: def(['value'], ([a]) => goLen(a)),
  index: def(['value'], ([item, ...ix]) => goIndex(item, ...ix), 'value', (args, paths: (DataPath | null)[]) => {
    const base = paths[0];
    if (!base) return null;
    const extra = args.slice(1).map(k => (typeof k === 'bigint' ? Number(k) : String(k)));
    return [...base, ...extra];
  }),
  slice: def(['value'], ([item, ...ix]) => goSlice(item, ...ix), 'value'),
  call: def(['value'], ([fn, ...rest]) => goCall(fn, ...rest), 'value'),
  eq: def(['value'], ([a, ...rest]) => goEq(a, ...rest), 'value'),
  ne: cmp((a, b) => !goEq(a, b)),
  lt: cmp(goLt),
  le: cmp((a, b) => goLt(a, b) || goEq(a, b)),
  gt: cmp((a, b) => !(goLt(a, b) || goEq(a, b))),
  ge: cmp((a, b) => !goLt(a, b)),
  print: def([], args => sprint(args), 'any', lastPath),
  printf: def(['string'], ([f, ...args]) => sprintf(f as string, args), 'any'),
  println: def([], args => sprintln(args), 'any'),
  html: def([], args => htmlEscape(evalArgs(args)), 'any'),
  js: def([], args => jsEscape(evalArgs(args)), 'any'),
  urlquery: def([], args => queryEscape(evalArgs(args)), 'any'),
};
