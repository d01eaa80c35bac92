// RSA key generation with BigInt: what Sprig's genCA, genSelfSignedCert, genSignedCert and
// genPrivateKey "rsa" draw. Randomness comes from the render's seeded source, so a render is
// reproducible; such keys are fit for judging a manifest, never for use.
import { integer, sequence } from './der';

export interface RsaKey { n: bigint; e: bigint; d: bigint; p: bigint; q: bigint }

export type RandomSource = () => number;

function randomBits(bits: number, random: RandomSource): bigint {
  let n = 0n;
  for (let i = 0; i < bits; i += 32) n = (n << 32n) | BigInt(Math.floor(random() * 0x100000000));
  return n & ((1n << BigInt(bits)) - 1n);
}

export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

const gcd = (a: bigint, b: bigint): bigint => { while (b) [a, b] = [b, a % b]; return a; };

/** The odd primes below 2^14, for sieving candidates before any modular exponentiation. */
const SMALL_PRIMES: number[] = (() => {
  const limit = 1 << 14, composite = new Uint8Array(limit), out: number[] = [];
  for (let n = 3; n < limit; n += 2) {
    if (composite[n]) continue;
    out.push(n);
    for (let m = n * n; m < limit; m += 2 * n) composite[m] = 1;
  }
  return out;
})();

/** Miller–Rabin with random bases, for a candidate no small prime divides. */
function isProbablePrime(n: bigint, random: RandomSource): boolean {
  let d = n - 1n, s = 0;
  while (!(d & 1n)) { d >>= 1n; s++; }
  const bits = n.toString(2).length;
  // FIPS 186-4 (Table C.2) asks 5 rounds for the 1024-bit primes of a 2048-bit key and 4 for
  // larger ones (error below 2^-100).
  const rounds = bits <= 1024 ? 5 : 4;
  for (let round = 0; round < rounds; round++) {
    const a = 2n + randomBits(bits, random) % (n - 3n);
    let x = modPow(a, d, n);
    if (x === 1n || x === n - 1n) continue;
    let witness = true;
    for (let i = 1; i < s && witness; i++) { x = (x * x) % n; if (x === n - 1n) witness = false; }
    if (witness) return false;
  }
  return true;
}

const SIEVE_SPAN = 1 << 16;

/**
 * A random prime of exactly `bits` bits with its top two bits set, so p*q has 2*bits bits. As
 * Go's crypto/rand.Prime does, it walks up from a random odd start, skipping by the start's
 * residues every candidate a small prime divides; only the rest cost an exponentiation.
 */
function randomPrime(bits: number, random: RandomSource): bigint {
  const top = 1n << BigInt(bits);
  for (;;) {
    const start = randomBits(bits, random) | (3n << BigInt(bits - 2)) | 1n;
    const residues = SMALL_PRIMES.map(p => Number(start % BigInt(p)));
    for (let delta = 0; delta < SIEVE_SPAN; delta += 2) {
      let divisible = false;
      for (let i = 0; i < SMALL_PRIMES.length && !divisible; i++) divisible = (residues[i] + delta) % SMALL_PRIMES[i] === 0;
      if (divisible) continue;
      const c = start + BigInt(delta);
      if (c >= top) break;
      if (isProbablePrime(c, random)) return c;
    }
  }
}

function searchRsaKey(bits: number, random: RandomSource): RsaKey {
  const e = 65537n;
  for (;;) {
    const p = randomPrime(bits / 2, random), q = randomPrime(bits / 2, random);
    if (p === q) continue;
    const phi = (p - 1n) * (q - 1n);
    if (gcd(e, phi) !== 1n) continue;
    return { n: p * q, e, d: modInverse(e, phi), p, q };
  }
}

/**
 * Keys already found, by size and by the first draws of the seeded source (which fix the whole
 * search): an editor re-renders a chart on every keystroke, and a 4096-bit search costs seconds.
 * A hit draws as many numbers as the search did, so everything random after it stays the same.
 */
const FOUND = new Map<string, { key: RsaKey; draws: number }>();
const FOUND_LIMIT = 64;
const HEAD_DRAWS = 8;

export function generateRsaKey(bits: number, random: RandomSource): RsaKey {
  let draws = 0;
  const counted = () => { draws++; return random(); };
  const head = Array.from({ length: HEAD_DRAWS }, counted);
  const id = `${bits}:${head.join(',')}`;
  const hit = FOUND.get(id);
  if (hit) {
    while (draws < hit.draws) counted();
    return hit.key;
  }
  let at = 0;
  const key = searchRsaKey(bits, () => (at < head.length ? head[at++] : counted()));
  FOUND.set(id, { key, draws });
  if (FOUND.size > FOUND_LIMIT) FOUND.delete(FOUND.keys().next().value!);
  return key;
}

/** RSAPrivateKey (PKCS #1), what Go's x509.MarshalPKCS1PrivateKey writes. */
export function pkcs1PrivateKey(k: RsaKey): Uint8Array {
  return sequence(integer(0n), integer(k.n), integer(k.e), integer(k.d), integer(k.p), integer(k.q),
    integer(k.d % (k.p - 1n)), integer(k.d % (k.q - 1n)), integer(modInverse(k.q, k.p)));
}

/** RSAPublicKey (PKCS #1). */
export function pkcs1PublicKey(k: RsaKey): Uint8Array {
  return sequence(integer(k.n), integer(k.e));
}
