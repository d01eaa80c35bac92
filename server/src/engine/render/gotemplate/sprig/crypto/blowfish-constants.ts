// Blowfish's initial P-array and S-boxes are the hexadecimal digits of pi's fractional part:
// computed once (Machin's formula in BigInt fixed point) rather than carried as 4 KB of literals.

const WORDS = 18 + 4 * 256;

function arctanInverse(x: bigint, one: bigint): bigint {
  // arctan(1/x) = sum (-1)^k / ((2k+1) x^(2k+1))
  let sum = 0n, power = one / x, k = 0n;
  const x2 = x * x;
  while (power !== 0n) {
    const term = power / (2n * k + 1n);
    sum = k & 1n ? sum - term : sum + term;
    power /= x2;
    k++;
  }
  return sum;
}

let cached: Uint32Array | undefined;

/** P (18 words) then S0..S3 (256 words each), the digits of pi after "3." in 32-bit words. */
export function piWords(): Uint32Array {
  if (cached) return cached;
  const bits = BigInt(WORDS * 32 + 64); // guard bits absorb the series' rounding
  const one = 1n << bits;
  const pi = 16n * arctanInverse(5n, one) - 4n * arctanInverse(239n, one);
  const fraction = (pi & (one - 1n)) >> 64n;
  const out = new Uint32Array(WORDS);
  for (let i = 0; i < WORDS; i++) out[i] = Number((fraction >> BigInt((WORDS - 1 - i) * 32)) & 0xffffffffn);
  cached = out;
  return out;
}
