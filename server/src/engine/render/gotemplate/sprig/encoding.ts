// Sprig's encodings and checksums: base64, base32, sha1/sha256/sha512 (hex), adler32, and JSON
// as Go's encoding/json writes it.
import { FuncDef, FuncError, def, lastPath } from '../funcs';
import { formatFloat } from '../fmt';
import { sha256 } from '../../../util/sha256';
import { sha512 } from './sha512';
import { GoMap, GoStruct, Value, fromJsonLike, isMap, kindOf, sortedKeys } from '../values';
import { strval } from './convert';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Array.from(b, x => x.toString(16).padStart(2, '0')).join('');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function base64Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < b.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < b.length ? B64[n & 63] : '=');
  }
  return out;
}
/** base64.StdEncoding.DecodeString, with Go's error text for bad input. */
export function base64Decode(s: string): Uint8Array | string {
  const out: number[] = [];
  let bits = 0, acc = 0;
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0) return `illegal base64 data at input byte ${clean.length - (clean.length % 4) + (clean.length % 4 === 1 ? 0 : 0)}`;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '=') {
      if (i < clean.length - 2 || (i === clean.length - 2 && clean[i + 1] !== '=')) return `illegal base64 data at input byte ${i}`;
      break;
    }
    const v = B64.indexOf(c);
    if (v < 0) return `illegal base64 data at input byte ${i}`;
    acc = (acc << 6) | v; bits += 6;
    if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 255); }
  }
  return new Uint8Array(out);
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32Encode(b: Uint8Array): string {
  let out = '', bits = 0, acc = 0;
  for (const x of b) { acc = (acc << 8) | x; bits += 8; while (bits >= 5) { bits -= 5; out += B32[(acc >> bits) & 31]; } }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  while (out.length % 8) out += '=';
  return out;
}
function base32Decode(s: string): Uint8Array | string {
  const out: number[] = [];
  let bits = 0, acc = 0;
  if (s.length % 8) return `illegal base32 data at input byte ${s.length - (s.length % 8)}`;
  const body = s.replace(/=+$/, '');
  for (let i = 0; i < body.length; i++) {
    const v = B32.indexOf(body[i]);
    if (v < 0) return `illegal base32 data at input byte ${i}`;
    acc = ((acc << 5) | v) & 0xffff; bits += 5;
    if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 255); }
  }
  return new Uint8Array(out);
}

export function sha1(data: Uint8Array): Uint8Array {
  const ml = data.length * 8;
  const len = ((data.length + 9 + 63) >> 6) << 6;
  const m = new Uint8Array(len);
  m.set(data); m[data.length] = 0x80;
  const dv = new DataView(m.buffer);
  dv.setUint32(len - 4, ml >>> 0); dv.setUint32(len - 8, Math.floor(ml / 2 ** 32));
  let [a0, b0, c0, d0, e0] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let o = 0; o < len; o += 64) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(o + i * 4);
    for (let i = 16; i < 80; i++) { const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]; w[i] = (x << 1) | (x >>> 31); }
    let [a, b, c, d, e] = [a0, b0, c0, d0, e0];
    for (let i = 0; i < 80; i++) {
      const [f, k] = i < 20 ? [(b & c) | (~b & d), 0x5a827999] : i < 40 ? [b ^ c ^ d, 0x6ed9eba1] : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc] : [b ^ c ^ d, 0xca62c1d6];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) >>> 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    a0 = (a0 + a) >>> 0; b0 = (b0 + b) >>> 0; c0 = (c0 + c) >>> 0; d0 = (d0 + d) >>> 0; e0 = (e0 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const ov = new DataView(out.buffer);
  [a0, b0, c0, d0, e0].forEach((x, i) => ov.setUint32(i * 4, x));
  return out;
}

function adler32(data: Uint8Array): number {
  let a = 1, b = 0;
  for (const x of data) { a = (a + x) % 65521; b = (b + a) % 65521; }
  return ((b << 16) | a) >>> 0;
}

// ---- JSON as encoding/json writes it --------------------------------------------------------

function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20) out += '\\u00' + c.toString(16).padStart(2, '0');
    else if (escapeHTML && (ch === '<' || ch === '>' || ch === '&')) out += '\\u00' + c.toString(16);
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else out += ch;
  }
  return out + '"';
}

/** encoding/json's float format: %f-like between 1e-6 and 1e21, else exponent without padding. */
function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new FuncError(`json: unsupported value: ${formatFloat(f, 'g', -1)}`);
  const a = Math.abs(f);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) return formatFloat(f, 'e', -1).replace(/e([+-])0(\d)$/, 'e$1$2');
  return formatFloat(f, 'f', -1);
}

export function toJson(v: Value, indent: string, escapeHTML: boolean, level = ''): string {
  switch (kindOf(v)) {
    case 'invalid': case 'nil': return 'null';
    case 'bool': return String(v);
    case 'int': return (v as bigint).toString();
    case 'float64': return jsonFloat(v as number);
    case 'string': return jsonString(v as string, escapeHTML);
    case 'slice': {
      const a = v as Value[];
      if (a.length === 0) return '[]';
      if (!indent) return '[' + a.map(x => toJson(x, indent, escapeHTML)).join(',') + ']';
      const inner = level + indent;
      return '[\n' + a.map(x => inner + toJson(x, indent, escapeHTML, inner)).join(',\n') + '\n' + level + ']';
    }
    case 'map': case 'struct': {
      const entries: [string, Value][] = v instanceof GoStruct ? [...v.fields] : sortedKeys(v as GoMap).map(k => [k, (v as GoMap)[k]]);
      if (entries.length === 0) return '{}';
      if (!indent) return '{' + entries.map(([k, x]) => jsonString(k, escapeHTML) + ':' + toJson(x, indent, escapeHTML)).join(',') + '}';
      const inner = level + indent;
      return '{\n' + entries.map(([k, x]) => inner + jsonString(k, escapeHTML) + ': ' + toJson(x, indent, escapeHTML, inner)).join(',\n') + '\n' + level + '}';
    }
    case 'func': throw new FuncError('json: unsupported type: func()');
  }
}

/** json.Unmarshal into interface{}: numbers float64, objects maps. */
export function fromJson(s: string): Value {
  return fromJsonLike(JSON.parse(s));
}

const text = (f: (b: Uint8Array) => string): FuncDef => def(['string'], ([s]) => f(utf8(s as string)));
const decoded = (r: Uint8Array | string): string => (typeof r === 'string' ? r : new TextDecoder().decode(r));
const jsonOr = (f: () => string, must: boolean): string => { try { return f(); } catch (e) { if (must) throw e; return ''; } };

export const ENCODING_FUNCS: Record<string, FuncDef> = {
  b64enc: text(base64Encode),
  b64dec: def(['string'], ([s]) => decoded(base64Decode(s as string))),
  b32enc: text(base32Encode),
  b32dec: def(['string'], ([s]) => decoded(base32Decode(s as string))),
  sha1sum: text(b => hex(sha1(b))),
  sha256sum: text(b => hex(sha256(b))),
  sha512sum: text(b => {
    // SHA-512 runs on BigInt here: bound the input so one call cannot stall the render.
    if (b.length > 1 << 20) throw new FuncError(`sha512sum input of ${b.length} bytes exceeds this renderer's limit of 1 MiB`);
    return hex(sha512(b));
  }),
  adler32sum: text(b => String(adler32(b))),
  toJson: def(['any'], ([v]) => jsonOr(() => toJson(v, '', true), false), undefined, lastPath),
  mustToJson: def(['any'], ([v]) => toJson(v, '', true), undefined, lastPath),
  toPrettyJson: def(['any'], ([v]) => jsonOr(() => toJson(v, '  ', true), false), undefined, lastPath),
  mustToPrettyJson: def(['any'], ([v]) => toJson(v, '  ', true), undefined, lastPath),
  toRawJson: def(['any'], ([v]) => jsonOr(() => toJson(v, '', false), false), undefined, lastPath),
  mustToRawJson: def(['any'], ([v]) => toJson(v, '', false), undefined, lastPath),
  fromJson: def(['string'], ([s]) => { try { return fromJson(s as string); } catch { return null; } }),
  mustFromJson: def(['string'], ([s]) => { try { return fromJson(s as string); } catch (e) { throw new FuncError((e as Error).message); } }),
};

export { strval, isMap };
