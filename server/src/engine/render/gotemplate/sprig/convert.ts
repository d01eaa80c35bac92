// The conversions Sprig applies to interface{} arguments (spf13/cast and Sprig's strval),
// shared by the function groups.
import { formatV } from '../fmt';
import { Value, isMap, kindOf } from '../values';

/** Go's strconv.ParseInt(s, 0, 64) (prefixes, underscores); undefined when it fails. */
export function parseGoInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F](_?[0-9a-fA-F])*|0[bB][01](_?[01])*|0[oO]?[0-7](_?[0-7])*|0|[1-9](_?[0-9])*)$/.exec(s);
  if (!m) return undefined;
  let body = m[2].replace(/_/g, '');
  if (/^0[0-7]/.test(body)) body = '0o' + body.slice(1);
  const v = (m[1] === '-' ? -1n : 1n) * BigInt(body);
  return v >= -(1n << 63n) && v < (1n << 63n) ? v : undefined;
}

/** Go's strconv.ParseFloat(s, 64) for decimal syntax; undefined when it fails. */
export function parseGoFloat(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s[0] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s)) return NaN;
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(s)) return undefined;
  return Number(s);
}

/** cast.ToInt64: numbers truncate, strings parse (base prefixes, "3.0"), anything else is 0. */
export function toInt64(v: Value): bigint {
  switch (kindOf(v)) {
    case 'int': return v as bigint;
    case 'float64': { const f = v as number; return Number.isFinite(f) ? BigInt.asIntN(64, BigInt(Math.trunc(f))) : -(1n << 63n); }
    case 'bool': return v ? 1n : 0n;
    case 'string': {
      let s = v as string;
      if (s.includes('.') && /^[^.]*\.0*$/.test(s)) s = s.slice(0, s.indexOf('.'));
      return parseGoInt(s) ?? 0n;
    }
    default: return 0n;
  }
}

/** cast.ToFloat64. */
export function toFloat64(v: Value): number {
  switch (kindOf(v)) {
    case 'int': return Number(v as bigint);
    case 'float64': return v as number;
    case 'bool': return v ? 1 : 0;
    case 'string': return parseGoFloat(v as string) ?? 0;
    default: return 0;
  }
}

/** Sprig's strval: strings as they are, anything else as fmt's %v. */
export function strval(v: Value): string {
  return typeof v === 'string' ? v : formatV(v === undefined ? null : v);
}

/** Sprig's strslice: a list of strings from a list (nil elements dropped) or one value. */
export function strslice(v: Value): string[] {
  if (Array.isArray(v)) return v.filter(x => x !== null && x !== undefined).map(strval);
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

/** Sprig's empty (an adaptation of text/template's truth). */
export function empty(v: Value): boolean {
  switch (kindOf(v)) {
    case 'invalid': case 'nil': return true;
    case 'string': return (v as string).length === 0;
    case 'slice': return (v as Value[]).length === 0;
    case 'map': return Object.keys(v as object).length === 0;
    case 'bool': return !v;
    case 'int': return v === 0n;
    case 'float64': return v === 0;
    default: return false;
  }
}

/** reflect.DeepEqual over engine values. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every(k => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}
