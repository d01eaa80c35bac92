// DER (X.690) encoding of the few ASN.1 types a certificate and an RSA key are made of.

export type Der = Uint8Array;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

function length(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

export function tlv(tag: number, ...content: Uint8Array[]): Der {
  const body = concat(content);
  return concat([Uint8Array.of(tag, ...length(body.length)), body]);
}

export const sequence = (...items: Der[]) => tlv(0x30, ...items);
export const set = (...items: Der[]) => tlv(0x31, ...items);
export const explicit = (n: number, item: Der) => tlv(0xa0 | n, item);
export const octetString = (b: Uint8Array) => tlv(0x04, b);
export const boolean = (b: boolean) => tlv(0x01, Uint8Array.of(b ? 0xff : 0));
export const nullValue = () => Uint8Array.of(0x05, 0);
export const utf8String = (s: string) => tlv(0x0c, new TextEncoder().encode(s));
/** A BIT STRING of whole bytes (no unused bits). */
export const bitString = (b: Uint8Array) => tlv(0x03, Uint8Array.of(0), b);

/** A BIT STRING of named bits (KeyUsage): bit 0 is the most significant, trailing zeros dropped. */
export function namedBits(bits: number[]): Der {
  const top = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(top / 8) + 1);
  for (const b of bits) bytes[b >> 3] |= 0x80 >> (b & 7);
  return tlv(0x03, Uint8Array.of(7 - (top & 7)), bytes);
}

/** Big-endian bytes of a non-negative integer, at least one byte. */
export function bigintBytes(n: bigint): Uint8Array {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Uint8Array.from(hex.match(/../g)!, h => parseInt(h, 16));
}

export function integer(n: bigint): Der {
  const b = bigintBytes(n);
  // A leading 1 bit would read as negative: DER prefixes a zero byte.
  return tlv(0x02, b[0] & 0x80 ? concat([Uint8Array.of(0), b]) : b);
}

export function oid(dotted: string): Der {
  const parts = dotted.split('.').map(Number);
  const out = [40 * parts[0] + parts[1]];
  for (const p of parts.slice(2)) {
    const groups: number[] = [];
    for (let v = p; ; v = Math.floor(v / 128)) { groups.unshift(v & 0x7f); if (v < 128) break; }
    out.push(...groups.map((g, i) => (i < groups.length - 1 ? g | 0x80 : g)));
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5). */
export function time(ms: number): Der {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const y = d.getUTCFullYear();
  const rest = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(p(y % 100) + rest));
  return tlv(0x18, new TextEncoder().encode(String(y).padStart(4, '0') + rest));
}

export function pem(type: string, der: Uint8Array, b64: (b: Uint8Array) => string): string {
  return `-----BEGIN ${type}-----\n${b64(der).replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${type}-----\n`;
}
