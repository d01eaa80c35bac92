// Decodes the typed JSON of the conformance fixtures into engine values. JSON cannot say
// "this number is a Go int", so fixtures tag what plain JSON cannot carry:
//   {"$int": "17"}                 int (also "$uint" and "$rune": the engine holds every integer as bigint)
//   a plain JSON number            float64
//   {"$map": "int", "entries": {}} map[string]int: a missing key reads as the element's zero value
//   {"$struct": "T", "fields": {}, "unexported": ["f"]}   a struct value (fields in declaration order)
//   null                           nil
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GoStruct, Value, withZero } from '@kube-harden/server/out/engine/render/gotemplate/index';
import { withUnexported } from '@kube-harden/server/out/engine/render/gotemplate/values';

export const FIXTURES = path.resolve(__dirname, '../../../../fixtures/gotemplate');

export function readFixture<T>(rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, rel), 'utf8')) as T;
}

const ZERO: Record<string, Value> = { int: 0n, string: '', bool: false, float64: 0 };

export function decode(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(decode);
  if (typeof v !== 'object') return v as Value;
  const o = v as Record<string, unknown>;
  if ('$int' in o) return BigInt(o.$int as string);
  if ('$uint' in o) return BigInt(o.$uint as string);
  if ('$rune' in o) return BigInt((o.$rune as string).codePointAt(0)!);
  if ('$map' in o) {
    const m: Record<string, Value> = {};
    for (const [k, x] of Object.entries(o.entries as Record<string, unknown>)) m[k] = decode(x);
    return withZero(m, ZERO[o.$map as string] ?? null);
  }
  if ('$struct' in o) {
    const fields = new Map<string, Value>();
    for (const [k, x] of Object.entries(o.fields as Record<string, unknown>)) fields.set(k, decode(x));
    return withUnexported(new GoStruct(o.$struct as string, fields), (o.unexported as string[]) ?? []);
  }
  const m: Record<string, Value> = {};
  for (const [k, x] of Object.entries(o)) m[k] = decode(x);
  return m;
}
