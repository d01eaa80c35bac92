// bcrypt (Provos & Mazières) as golang.org/x/crypto/bcrypt writes it: "$2a$", the cost, 22
// characters of salt and 31 of hash in bcrypt's own base64; the key is the password plus a NUL.
import { piWords } from './blowfish-constants';

const ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const MAGIC = new TextEncoder().encode('OrpheanBeholderScryDoubt');

export class BcryptError extends Error {}

class Blowfish {
  readonly p: Uint32Array;
  readonly s: Uint32Array;
  constructor() {
    const w = piWords();
    this.p = w.slice(0, 18);
    this.s = w.slice(18);
  }

  private f(x: number): number {
    const s = this.s;
    return (((s[x >>> 24] + s[256 + ((x >>> 16) & 0xff)]) ^ s[512 + ((x >>> 8) & 0xff)]) + s[768 + (x & 0xff)]) >>> 0;
  }

  /** Encrypts the 64-bit block (l, r) in place of lr[at], lr[at+1]. */
  encrypt(lr: Uint32Array, at: number): void {
    let l = lr[at], r = lr[at + 1];
    const p = this.p;
    for (let i = 0; i < 16; i += 2) {
      l ^= p[i]; r ^= this.f(l);
      r ^= p[i + 1]; l ^= this.f(r);
    }
    lr[at] = (r ^ p[17]) >>> 0;
    lr[at + 1] = (l ^ p[16]) >>> 0;
  }

  /** Blowfish's key schedule, with bcrypt's salt mixed into every block when given. */
  expand(key: Uint8Array, salt?: Uint8Array): void {
    const word = (b: Uint8Array, at: { i: number }) => {
      let w = 0;
      for (let j = 0; j < 4; j++) { w = (w << 8) | b[at.i]; at.i = (at.i + 1) % b.length; }
      return w >>> 0;
    };
    const k = { i: 0 }, s = { i: 0 };
    for (let i = 0; i < 18; i++) this.p[i] ^= word(key, k);
    const lr = new Uint32Array(2);
    const fill = (table: Uint32Array, n: number) => {
      for (let i = 0; i < n; i += 2) {
        if (salt) { lr[0] ^= word(salt, s); lr[1] ^= word(salt, s); }
        this.encrypt(lr, 0);
        table[i] = lr[0]; table[i + 1] = lr[1];
      }
    };
    fill(this.p, 18);
    fill(this.s, 1024);
  }
}

function encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    const chars = i + 2 < b.length ? 4 : i + 1 < b.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** The "$2a$" hash of `password` at `cost` with a 16-byte `salt`. */
export function bcrypt(password: Uint8Array, cost: number, salt: Uint8Array): string {
  // x/crypto/bcrypt refuses passwords over 72 bytes rather than truncating them.
  if (password.length > 72) throw new BcryptError('bcrypt: password length exceeds 72 bytes');
  const key = new Uint8Array(password.length + 1);
  key.set(password);
  const bf = new Blowfish();
  bf.expand(key, salt);
  for (let i = 0; i < 2 ** cost; i++) { bf.expand(key); bf.expand(salt); }
  const text = new Uint32Array(6);
  for (let i = 0; i < 6; i++) text[i] = (MAGIC[4 * i] << 24 | MAGIC[4 * i + 1] << 16 | MAGIC[4 * i + 2] << 8 | MAGIC[4 * i + 3]) >>> 0;
  for (let round = 0; round < 64; round++) for (let j = 0; j < 6; j += 2) bf.encrypt(text, j);
  const out = new Uint8Array(24);
  for (let i = 0; i < 6; i++) { out[4 * i] = text[i] >>> 24; out[4 * i + 1] = text[i] >>> 16; out[4 * i + 2] = text[i] >>> 8; out[4 * i + 3] = text[i]; }
  // The last byte of the 24 is dropped: 23 bytes make the 31 characters.
  return `$2a$${String(cost).padStart(2, '0')}$${encode(salt)}${encode(out.subarray(0, 23))}`;
}

/** The 16 salt bytes a bcrypt salt string of 22 characters stands for. */
export function decodeSalt(text: string): Uint8Array {
  const out: number[] = [];
  let acc = 0, bits = 0;
  for (const c of text) {
    acc = (acc << 6) | ALPHABET.indexOf(c); bits += 6;
    if (bits >= 8) { bits -= 8; out.push((acc >> bits) & 0xff); }
  }
  return Uint8Array.from(out.slice(0, 16));
}
