// Sprig's arithmetic (numeric.go): integer functions convert with cast.ToInt64, float functions
// with cast.ToFloat64; addf/subf/mulf/divf compute in decimal (shopspring/decimal) as Sprig does.
import { FuncDef, FuncError, def } from '../funcs';
import { Value, wrapInt64 } from '../values';
import { toFloat64, toInt64 } from './convert';

/** A decimal number: coefficient × 10^exp. */
interface Dec { c: bigint; e: number }

/** decimal.NewFromFloat: the shortest decimal that reads back as the float. */
function fromFloat(f: number): Dec {
  if (!Number.isFinite(f)) throw new FuncError(`Cannot create a Decimal from ${f}`);
  if (f === 0) return { c: 0n, e: 0 };
  const s = f.toExponential();
  const [m, ex] = s.split('e');
  const digits = m.replace('.', '').replace('-', '');
  const frac = (m.split('.')[1] ?? '').length;
  return { c: BigInt((f < 0 ? '-' : '') + digits), e: Number(ex) - frac };
}
function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const e = Math.min(a.e, b.e);
  return [a.c * 10n ** BigInt(a.e - e), b.c * 10n ** BigInt(b.e - e), e];
}
const decAdd = (a: Dec, b: Dec): Dec => { const [x, y, e] = align(a, b); return { c: x + y, e }; };
const decSub = (a: Dec, b: Dec): Dec => { const [x, y, e] = align(a, b); return { c: x - y, e }; };
const decMul = (a: Dec, b: Dec): Dec => ({ c: a.c * b.c, e: a.e + b.e });
/** decimal.Div: rounded half away from zero to 16 decimal places (DivisionPrecision). */
function decDiv(a: Dec, b: Dec): Dec {
  if (b.c === 0n) throw new FuncError('decimal division by 0');
  const prec = 16;
  // a/b = (a.c / b.c) * 10^(a.e - b.e); compute with prec+1 extra digits then round.
  const shift = prec + 1 + (a.e - b.e);
  let num = a.c, den = b.c;
  if (shift >= 0) num *= 10n ** BigInt(shift); else den *= 10n ** BigInt(-shift);
  let q = num / den;
  const neg = q < 0n;
  if (neg) q = -q;
  const last = q % 10n;
  q = q / 10n + (last >= 5n ? 1n : 0n);
  return { c: neg ? -q : q, e: -prec };
}
const decFloat = (d: Dec): number => Number(`${d.c}e${d.e}`);

function decimalOp(a: Value, rest: Value[], op: (x: Dec, y: Dec) => Dec): number {
  let acc = fromFloat(toFloat64(a));
  for (const x of rest) acc = op(acc, fromFloat(toFloat64(x)));
  return decFloat(acc);
}

function intDiv(a: bigint, b: bigint, mod: boolean): bigint {
  if (b === 0n) throw new FuncError('runtime error: integer divide by zero');
  return wrapInt64(mod ? a % b : a / b);
}

/** Sprig's round(a, p, roundOn=.5). */
function round(a: Value, p: bigint, rOpt: Value[]): number {
  const roundOn = rOpt.length ? toFloat64(rOpt[0]) : 0.5;
  const val = toFloat64(a);
  const pow = Math.pow(10, Number(p));
  const digit = pow * val;
  const div = digit - Math.trunc(digit);
  return (div >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

const i64 = (f: (args: Value[]) => bigint, params: 'any'[] = [], variadic?: 'any'): FuncDef => def(params, args => wrapInt64(f(args)), variadic);

export const MATH_FUNCS: Record<string, FuncDef> = {
  add1: i64(([i]) => toInt64(i) + 1n, ['any']),
  add: i64(args => args.reduce((s: bigint, x) => s + toInt64(x), 0n), [], 'any'),
  sub: i64(([a, b]) => toInt64(a) - toInt64(b), ['any', 'any']),
  div: def(['any', 'any'], ([a, b]) => intDiv(toInt64(a), toInt64(b), false)),
  mod: def(['any', 'any'], ([a, b]) => intDiv(toInt64(a), toInt64(b), true)),
  mul: i64(([a, ...v]) => v.reduce((p: bigint, x) => wrapInt64(p * toInt64(x)), toInt64(a)), ['any'], 'any'),
  max: i64(([a, ...v]) => v.reduce((m: bigint, x) => { const b = toInt64(x); return b > m ? b : m; }, toInt64(a)), ['any'], 'any'),
  biggest: i64(([a, ...v]) => v.reduce((m: bigint, x) => { const b = toInt64(x); return b > m ? b : m; }, toInt64(a)), ['any'], 'any'),
  min: i64(([a, ...v]) => v.reduce((m: bigint, x) => { const b = toInt64(x); return b < m ? b : m; }, toInt64(a)), ['any'], 'any'),
  maxf: def(['any'], ([a, ...v]) => v.reduce((m: number, x) => Math.max(m, toFloat64(x)), toFloat64(a)), 'any'),
  minf: def(['any'], ([a, ...v]) => v.reduce((m: number, x) => Math.min(m, toFloat64(x)), toFloat64(a)), 'any'),
  floor: def(['any'], ([a]) => Math.floor(toFloat64(a))),
  ceil: def(['any'], ([a]) => Math.ceil(toFloat64(a))),
  round: def(['any', 'int'], ([a, p, ...r]) => round(a, p as bigint, r), 'any'),
  add1f: def(['any'], ([i]) => decimalOp(i, [1n], decAdd)),
  addf: def([], args => decimalOp(0, args, decAdd), 'any'),
  subf: def(['any'], ([a, ...v]) => decimalOp(a, v, decSub), 'any'),
  mulf: def(['any'], ([a, ...v]) => decimalOp(a, v, decMul), 'any'),
  divf: def(['any'], ([a, ...v]) => decimalOp(a, v, decDiv), 'any'),
  int: def(['any'], ([v]) => toInt64(v)),
  int64: def(['any'], ([v]) => toInt64(v)),
  float64: def(['any'], ([v]) => toFloat64(v)),
  atoi: def(['string'], ([s]) => { const m = /^[+-]?[0-9]+$/.exec(s as string); if (!m) return 0n; const v = BigInt(m[0]); return v >= -(1n << 63n) && v < (1n << 63n) ? v : 0n; }),
  toDecimal: def(['any'], ([v]) => {
    const s = typeof v === 'string' ? v : String(v);
    if (!/^[+-]?[0-7]+$/.test(s)) return 0n;
    const n = BigInt((s[0] === '-' ? '-' : '') + '0o' + s.replace(/^[+-]/, ''));
    return n >= -(1n << 63n) && n < (1n << 63n) ? n : 0n;
  }),
};
