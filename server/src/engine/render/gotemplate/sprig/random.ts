// Sprig's random functions, made reproducible: they draw from the render's seeded source.
import { CallContext, FuncDef, FuncError, def } from '../funcs';
import { Value } from '../values';
import { base64Encode } from './encoding';

const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const NUM = '0123456789';
const MAX_RANDOM = 1 << 20;

function pick(ctx: CallContext, set: string, count: bigint): string {
  if (count < 0n) throw new FuncError(`Requested random string length ${count} is less than 0.`);
  if (count > BigInt(MAX_RANDOM)) throw new FuncError(`random string of ${count} characters exceeds this renderer's limit`);
  let s = '';
  for (let i = 0; i < Number(count); i++) s += set[Math.floor(ctx.random() * set.length)];
  return s;
}

const ASCII = Array.from({ length: 95 }, (_x, i) => String.fromCharCode(32 + i)).join('');

export const RANDOM_FUNCS: Record<string, FuncDef> = {
  randAlphaNum: def(['int'], ([n], ctx) => pick(ctx, ALPHA + NUM, n as bigint)),
  randAlpha: def(['int'], ([n], ctx) => pick(ctx, ALPHA, n as bigint)),
  randNumeric: def(['int'], ([n], ctx) => pick(ctx, NUM, n as bigint)),
  randAscii: def(['int'], ([n], ctx) => pick(ctx, ASCII, n as bigint)),
  randInt: def(['int', 'int'], ([a, b], ctx) => {
    const lo = a as bigint, hi = b as bigint;
    if (hi <= lo) throw new FuncError('invalid argument to Intn');
    return lo + BigInt(Math.floor(ctx.random() * Number(hi - lo)));
  }),
  randBytes: def(['int'], ([n], ctx) => {
    if ((n as bigint) > BigInt(MAX_RANDOM)) throw new FuncError('randBytes count exceeds this renderer\'s limit');
    return base64Encode(Uint8Array.from({ length: Number(n) }, () => Math.floor(ctx.random() * 256)));
  }),
  shuffle: def(['string'], ([s], ctx) => {
    const a = [...(s as string)];
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(ctx.random() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a.join('');
  }),
  uuidv4: def([], (_a, ctx) => {
    const b = Array.from({ length: 16 }, () => Math.floor(ctx.random() * 256));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = b.map(x => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }),
};

export type { Value };
