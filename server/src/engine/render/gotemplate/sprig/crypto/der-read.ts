// Reads DER back: enough to take a CA certificate and its RSA key apart for genSignedCert.

export interface Node { tag: number; start: number; body: Uint8Array; whole: Uint8Array }

export class DerError extends Error {}

/** The top-level TLV nodes in `b`. */
export function children(b: Uint8Array): Node[] {
  const out: Node[] = [];
  let at = 0;
  while (at < b.length) {
    const start = at;
    const tag = b[at++];
    if (at >= b.length) throw new DerError('truncated');
    let len = b[at++];
    if (len & 0x80) {
      const count = len & 0x7f;
      if (count === 0 || count > 4 || at + count > b.length) throw new DerError('bad length');
      len = 0;
      for (let i = 0; i < count; i++) len = len * 256 + b[at++];
    }
    if (at + len > b.length) throw new DerError('truncated');
    out.push({ tag, start, body: b.subarray(at, at + len), whole: b.subarray(start, at + len) });
    at += len;
  }
  return out;
}

export function toBigint(body: Uint8Array): bigint {
  let n = 0n;
  for (const x of body) n = (n << 8n) | BigInt(x);
  return n;
}

/** The bytes of the first PEM block, and its type. */
export function pemDecode(text: string, b64decode: (s: string) => Uint8Array | string): { type: string; der: Uint8Array } | undefined {
  const m = /-----BEGIN ([^-]+)-----\r?\n([\s\S]*?)-----END \1-----/.exec(text);
  if (!m) return undefined;
  const der = b64decode(m[2].replace(/\s+/g, ''));
  return typeof der === 'string' ? undefined : { type: m[1], der };
}
