// The engine's value model: how Go's dynamically typed template values are held in JavaScript.
//
//   Go                          here
//   ------------------------    ----------------------------------------------------------
//   invalid reflect.Value       undefined   (a missing map key: prints "<no value>")
//   nil (in an interface{})     null        (prints "<nil>" inside composites)
//   bool                        boolean
//   int, int64, uint...         bigint      (exact: Go ints are 64-bit, JS numbers are not)
//   float64                     number      (always float64, even when integral: 8080 is float64)
//   string                      string
//   []any, []int...             Value[]
//   map[string]any              plain object (own enumerable keys; printed and ranged sorted)
//   struct                      GoStruct    (named fields in declaration order; %v {a b})
//   func                        GoFunc      (only for `call`)
//
// Helm reads values through sigs.k8s.io/yaml (YAML -> JSON -> Go), so every number that comes
// from values is float64: fromJsonLike turns parsed YAML/JSON into exactly that. Numbers written
// in a template ({{ 3 }}) are ints; {{ 3.0 }} is a float64.

import type { FuncDef } from './funcs';

export type GoMap = { [key: string]: Value };
export type Value = undefined | null | boolean | bigint | number | string | Value[] | GoMap | GoStruct | GoFunc;

/** A Go struct value: its type name (for %T and errors) and its fields in declaration order. */
export class GoStruct {
  /** stringer: what fmt prints for a value with a String method (time.Time, *semver.Version). */
  constructor(readonly typeName: string, readonly fields: Map<string, Value>, readonly stringer?: string,
    /** Methods callable from a template (`.Files.Get "x"`, `.Capabilities.APIVersions.Has "v1"`). */
    readonly methods?: Readonly<Record<string, FuncDef>>,
    /** Set for a named map type with methods (Helm's `.Files`, `.Files.Glob`): range, len, index
     *  and truth see these entries, while `.Name` still finds the methods first, as in Go. */
    readonly entries?: GoMap) {}
}

/** The map a value stands for in range/len/index/truth: a map type with methods gives its entries. */
export function mapView(v: Value): Value {
  return v instanceof GoStruct && v.entries ? v.entries : v;
}

/** A function value held in data, callable with the `call` builtin. */
export class GoFunc {
  constructor(readonly name: string, readonly fn: (args: Value[]) => Value, readonly arity = -1) {}
}

export function isMap(v: Value): v is GoMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoStruct) && !(v instanceof GoFunc);
}

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'float64' | 'string' | 'slice' | 'map' | 'struct' | 'func';

export function kindOf(v: Value): Kind {
  if (v === undefined) return 'invalid';
  if (v === null) return 'nil';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float64';
    case 'string': return 'string';
  }
  if (Array.isArray(v)) return 'slice';
  if (v instanceof GoStruct) return 'struct';
  if (v instanceof GoFunc) return 'func';
  return 'map';
}

/** Go's %T of the value, as Sprig's typeOf and printf "%T" print it. */
export function typeName(v: Value): string {
  switch (kindOf(v)) {
    case 'invalid': case 'nil': return '<nil>';
    case 'bool': return 'bool';
    case 'int': return 'int';
    case 'float64': return 'float64';
    case 'string': return 'string';
    case 'slice': return '[]interface {}';
    case 'map': return 'map[string]interface {}';
    case 'struct': return (v as GoStruct).typeName;
    case 'func': return 'func(...interface {}) interface {}';
  }
}

/** Go's kind name (reflect.Kind.String()), as Sprig's kindOf prints it. */
export function reflectKind(v: Value): string {
  const k = kindOf(v);
  if (k === 'invalid' || k === 'nil') return 'invalid';
  if (k === 'struct' && (v as GoStruct).typeName.startsWith('*')) return 'ptr';
  return k;
}

/** text/template's truth: the zero value of its type is false; structs are always true. */
export function isTrue(v0: Value): boolean {
  const v = mapView(v0);
  switch (kindOf(v)) {
    case 'invalid': case 'nil': return false;
    case 'bool': return v as boolean;
    case 'int': return v !== 0n;
    case 'float64': return v !== 0;
    case 'string': return (v as string).length > 0;
    case 'slice': return (v as Value[]).length > 0;
    case 'map': return Object.keys(v as GoMap).length > 0;
    case 'struct': case 'func': return true;
  }
}

/** Map keys in the order Go's fmt and range visit them (sorted by string order of bytes). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort(compareGoStrings);
}

/** Go compares strings by bytes (UTF-8); JS compares UTF-16 code units. They differ only on
 *  astral versus high-BMP characters, so compare code points. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!, y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export const MAX_INT64 = (1n << 63n) - 1n;
export const MIN_INT64 = -(1n << 63n);

/** Wraps a bigint into int64 range the way Go's integer arithmetic overflows. */
export function wrapInt64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}

/** Sets a map key as an own property, even "__proto__" (plain assignment would not). */
export function setKey(m: GoMap, key: string, v: Value): void {
  if (key === '__proto__') Object.defineProperty(m, key, { value: v, enumerable: true, writable: true, configurable: true });
  else m[key] = v;
}

/**
 * Parsed YAML/JSON into engine values the way Helm sees them through sigs.k8s.io/yaml: every
 * number becomes float64, objects become maps, arrays slices. Bigints (from a YAML parser in
 * bigint mode) become float64 too; Dates become their RFC 3339 string.
 */
export function fromJsonLike(value: unknown): Value {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean': case 'string': return value;
    case 'number': return value;
    case 'bigint': return Number(value);
  }
  if (Array.isArray(value)) return value.map(fromJsonLike);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) {
    const out: GoMap = {};
    for (const [k, v] of value) setKey(out, String(k), fromJsonLike(v));
    return out;
  }
  if (typeof value === 'object') {
    const out: GoMap = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) setKey(out, k, fromJsonLike(v));
    return out;
  }
  return null;
}

/** Engine values back to plain JSON-like JavaScript (ints become numbers when exact). */
export function toJsonLike(v: Value): unknown {
  switch (kindOf(v)) {
    case 'invalid': case 'nil': return null;
    case 'int': { const n = v as bigint; return Number.isSafeInteger(Number(n)) ? Number(n) : n.toString(); }
    case 'slice': return (v as Value[]).map(toJsonLike);
    case 'map': { const o: Record<string, unknown> = {}; for (const k of sortedKeys(v as GoMap)) o[k] = toJsonLike((v as GoMap)[k]); return o; }
    case 'struct': { const o: Record<string, unknown> = {}; for (const [k, f] of (v as GoStruct).fields) o[k] = toJsonLike(f); return o; }
    case 'func': return null;
    default: return v;
  }
}

// A map's element zero value: map[string]int gives 0 for a missing key under missingkey=zero
// and `index`; data maps (map[string]interface{}) give nil.
const ZERO = Symbol.for('gotemplate.mapZero');

/** Marks a map as having a typed element whose zero value is `zero`. */
export function withZero(m: GoMap, zero: Value): GoMap {
  Object.defineProperty(m, ZERO, { value: zero, enumerable: false });
  return m;
}

export function mapZero(m: GoMap): Value {
  return (m as unknown as Record<symbol, Value>)[ZERO] ?? null;
}

// Struct types may declare unexported field names (lower-case) so that accessing one reports
// Go's "unexported field" error instead of "can't evaluate field".
const hiddenKey = Symbol.for('gotemplate.unexported');
export function hiddenFields(s: GoStruct): Set<string> {
  return ((s as unknown as Record<symbol, Set<string>>)[hiddenKey]) ?? new Set();
}
export function withUnexported(s: GoStruct, names: string[]): GoStruct {
  (s as unknown as Record<symbol, Set<string>>)[hiddenKey] = new Set(names);
  return s;
}
