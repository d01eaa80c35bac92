// Go's fmt as templates use it: Sprint/Sprintln/Sprintf over engine values, with the verbs,
// flags, width and precision of fmt, and strconv.FormatFloat's number formatting.
import { GoFunc, GoStruct, Value, isMap, kindOf, sortedKeys, typeName } from './values';

type FloatFmt = 'e' | 'E' | 'f' | 'g' | 'G';

/** Decimal digits of a positive finite float: all significant digits (no trailing zeros) and the
 *  decimal point position, shortest round-trip when sig < 0, else rounded to sig digits. */
function decimalDigits(f: number, sig: number): { d: string; dp: number } {
  const s = sig < 0 ? f.toExponential() : f.toExponential(Math.min(sig - 1, 100));
  const e = s.indexOf('e');
  const d = (s.slice(0, e).replace('.', '').replace(/0+$/, '')) || '0';
  return { d, dp: Number(s.slice(e + 1)) + 1 };
}

function fmtE(d: string, dp: number, prec: number, e: string): string {
  let out = d[0] ?? '0';
  if (prec > 0) out += '.' + d.slice(1, 1 + prec).padEnd(prec, '0');
  const exp = d === '0' ? 0 : dp - 1;
  const a = Math.abs(exp);
  return out + e + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

function fmtF(d: string, dp: number, prec: number): string {
  let out = dp > 0 ? d.slice(0, dp).padEnd(dp, '0') : '0';
  if (prec > 0) {
    let frac = '';
    for (let i = 0; i < prec; i++) { const j = dp + i; frac += j >= 0 && j < d.length ? d[j] : '0'; }
    out += '.' + frac;
  }
  return out;
}

/** f rounded to prec decimals, halves to even as Go's decimal rounding does on exact ties. */
function fixed(f: number, prec: number): { d: string; dp: number } {
  let s: string;
  if (f >= 1e21) s = BigInt(f).toString() + (prec > 0 ? '.' + '0'.repeat(prec) : '');
  else {
    s = f.toFixed(Math.min(prec, 100));
    const scaled = f * 10 ** prec;
    if (prec <= 20 && Number.isFinite(scaled) && scaled - Math.floor(scaled) === 0.5 && Math.floor(scaled) % 2 === 0) {
      s = (Math.floor(scaled) / 10 ** prec).toFixed(prec);
    }
  }
  const [ip, fp = ''] = s.split('.');
  const all = (ip === '0' ? '' : ip) + fp;
  const lead = all.length - all.replace(/^0+/, '').length;
  const d = all.replace(/^0+/, '').replace(/0+$/, '') || '0';
  const dp = (ip === '0' ? 0 : ip.length) - lead;
  return { d, dp: d === '0' ? 0 : dp };
}

/** strconv.FormatFloat(f, fmt, prec, 64). */
export function formatFloat(f: number, fmt: FloatFmt, prec: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  const sign = neg ? '-' : '';
  const e = fmt === 'E' || fmt === 'G' ? 'E' : 'e';
  if (fmt === 'f') {
    // Shortest form: zero has no digits, so no fraction (Go prints "0", as JSON does).
    if (prec < 0) { if (a === 0) return sign + '0'; const { d, dp } = decimalDigits(a, -1); return sign + fmtF(d, dp, Math.max(d.length - dp, 0)); }
    const { d, dp } = a === 0 ? { d: '0', dp: 0 } : fixed(a, prec);
    return sign + fmtF(d, dp, prec);
  }
  if (fmt === 'e' || fmt === 'E') {
    const { d, dp } = a === 0 ? { d: '0', dp: 1 } : decimalDigits(a, prec < 0 ? -1 : prec + 1);
    return sign + fmtE(d, dp, prec < 0 ? d.length - 1 : prec, e);
  }
  const shortest = prec < 0;
  let p = prec === 0 ? 1 : prec;
  const { d, dp } = a === 0 ? { d: '0', dp: 1 } : decimalDigits(a, shortest ? -1 : p);
  const nd = a === 0 ? 1 : d.length;
  let eprec = shortest ? 6 : p;
  if (!shortest && eprec > nd && nd >= dp) eprec = nd;
  if (shortest) p = nd;
  const exp = a === 0 ? 0 : dp - 1;
  if (exp < -4 || exp >= eprec) return sign + fmtE(d, dp, (p > nd ? nd : p) - 1, e);
  if (a === 0) return sign + '0';
  return sign + fmtF(d, dp, Math.max((p > dp ? nd : p) - dp, 0));
}

const namedEscapes: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** strconv.Quote: Go double-quoted string with Go's escapes; printable Unicode kept as is. */
export function quote(s: string, q = '"'): string {
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (namedEscapes[ch]) out += namedEscapes[ch];
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (/^[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]$/u.test(ch) || (c >= 0x80 && c < 0xa0) || (/^\p{Z}$/u.test(ch) && c !== 0x20)) {
      out += c > 0xffff ? '\\U' + c.toString(16).padStart(8, '0') : '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + q;
}

function canBackquote(s: string): boolean {
  return !/[`\x00-\x08\x0a-\x1f\x7f\ufeff]/.test(s);
}

interface Spec { plus: boolean; minus: boolean; sharp: boolean; space: boolean; zero: boolean; wid: number; prec: number; plusV: boolean; sharpV: boolean }

function runeLen(s: string): number { let n = 0; for (const _ of s) n++; return n; }

function pad(s: string, sp: Spec, zeroOk = false): string {
  const n = runeLen(s);
  if (sp.wid <= n) return s;
  const fill = sp.wid - n;
  if (sp.minus) return s + ' '.repeat(fill);
  if (sp.zero && zeroOk) {
    const signed = /^[+\- ]/.test(s) ? 1 : 0;
    return s.slice(0, signed) + '0'.repeat(fill) + s.slice(signed);
  }
  return ' '.repeat(fill) + s;
}

function badVerb(verb: string, v: Value): string {
  if (v === undefined || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${formatValue(v, 'v', plainSpec())})`;
}

function plainSpec(): Spec {
  return { plus: false, minus: false, sharp: false, space: false, zero: false, wid: -1, prec: -1, plusV: false, sharpV: false };
}

function fmtInt(n: bigint, verb: string, sp: Spec): string {
  const neg = n < 0n;
  const a = neg ? -n : n;
  let digits: string;
  let prefix = '';
  switch (verb) {
    case 'v': case 'd': digits = a.toString(10); break;
    case 'b': digits = a.toString(2); if (sp.sharp) prefix = '0b'; break;
    case 'o': case 'O': digits = a.toString(8); if (verb === 'O') prefix = '0o'; else if (sp.sharp) prefix = '0'; break;
    case 'x': digits = a.toString(16); if (sp.sharp) prefix = '0x'; break;
    case 'X': digits = a.toString(16).toUpperCase(); if (sp.sharp) prefix = '0X'; break;
    case 'c': return pad(String.fromCodePoint(Number(a) <= 0x10ffff ? Number(a) : 0xfffd), sp);
    case 'q': return pad(quote(String.fromCodePoint(Number(a) <= 0x10ffff ? Number(a) : 0xfffd), "'"), sp);
    case 'U': {
      let u = 'U+' + a.toString(16).toUpperCase().padStart(4, '0');
      if (sp.sharp) u += " '" + String.fromCodePoint(Number(a)) + "'";
      return pad(u, sp);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 's': case 't':
    default: return badVerb(verb, n);
  }
  if (sp.prec >= 0) {
    if (sp.prec === 0 && a === 0n) digits = '';
    digits = digits.padStart(sp.prec, '0');
  } else if (sp.zero && !sp.minus && sp.wid > 0) {
    const signLen = neg || sp.plus || sp.space ? 1 : 0;
    digits = digits.padStart(sp.wid - signLen - prefix.length, '0');
  }
  const sign = neg ? '-' : sp.plus ? '+' : sp.space ? ' ' : '';
  return pad(sign + prefix + digits, sp);
}

function fmtFloatVerb(f: number, verb: string, sp: Spec): string {
  let s: string;
  switch (verb) {
    case 'v': s = formatFloat(f, 'g', sp.prec); break;
    case 'g': case 'G': s = formatFloat(f, verb, sp.prec); break;
    case 'e': case 'E': s = formatFloat(f, verb, sp.prec < 0 ? 6 : sp.prec); break;
    case 'f': case 'F': s = formatFloat(f, 'f', sp.prec < 0 ? 6 : sp.prec); break;
    default: return badVerb(verb, f);
  }
  if (sp.plus && s[0] !== '-' && s[0] !== '+') s = '+' + s;
  else if (sp.space && s[0] !== '-' && s[0] !== '+') s = ' ' + s;
  else if (!sp.plus && s === '+Inf') s = 'Inf';
  if (!Number.isFinite(f)) return pad(s, { ...sp, zero: false });
  return pad(s, sp, !sp.minus);
}

function fmtString(s: string, verb: string, sp: Spec): string {
  if (sp.prec >= 0 && (verb === 'v' || verb === 's' || verb === 'q')) s = [...s].slice(0, sp.prec).join('');
  switch (verb) {
    case 'v': case 's': return pad(s, sp, true);
    case 'q': return pad(sp.sharp && canBackquote(s) ? '`' + s + '`' : quote(s), sp);
    case 'x': case 'X': {
      const bytes = new TextEncoder().encode(s);
      let h = '';
      bytes.forEach((b, i) => {
        if (sp.space && i > 0) h += ' ';
        if (sp.sharp && (sp.space || i === 0)) h += verb === 'x' ? '0x' : '0X';
        const x = b.toString(16).padStart(2, '0');
        h += verb === 'X' ? x.toUpperCase() : x;
      });
      return pad(h, sp);
    }
    default: return badVerb(verb, s);
  }
}

/** One value under one verb, as fmt's printValue does (composites print their elements). */
export function formatValue(v: Value, verb: string, sp: Spec, depth = 0): string {
  if (verb === 'T') return pad(typeName(v), sp);
  switch (kindOf(v)) {
    case 'invalid': case 'nil':
      if (depth > 0 || verb === 'v') return pad('<nil>', sp);
      return badVerb(verb, null);
    case 'bool':
      if (verb === 'v' || verb === 't') return pad(String(v), sp);
      return badVerb(verb, v);
    case 'int': return fmtInt(v as bigint, verb, sp);
    case 'float64': return fmtFloatVerb(v as number, verb, sp);
    case 'string': return fmtString(v as string, verb, sp);
    case 'slice': {
      const parts = (v as Value[]).map(e => formatValue(e, verb, { ...sp, wid: sp.wid }, depth + 1));
      return '[' + parts.join(' ') + ']';
    }
    case 'map': {
      const m = v as Record<string, Value>;
      const parts = sortedKeys(m).map(k => formatValue(k, verb, sp, depth + 1) + ':' + formatValue(m[k], verb, sp, depth + 1));
      return 'map[' + parts.join(' ') + ']';
    }
    case 'struct': {
      const st = v as GoStruct;
      if (st.stringer !== undefined && verb !== 'T') return fmtString(st.stringer, verb === 'v' ? 's' : verb, sp);
      const parts: string[] = [];
      for (const [k, f] of (v as GoStruct).fields) parts.push((sp.plusV ? k + ':' : '') + formatValue(f, verb, sp, depth + 1));
      return '{' + parts.join(' ') + '}';
    }
    case 'func': return pad('0x' + (v as GoFunc).name.length.toString(16), sp);
  }
}

/** fmt.Sprint: operands printed with %v, a space between operands when neither is a string. */
export function sprint(args: Value[]): string {
  let out = '';
  args.forEach((a, i) => {
    const isStr = typeof a === 'string';
    if (i > 0 && !isStr && typeof args[i - 1] !== 'string') out += ' ';
    out += formatValue(a, 'v', plainSpec());
  });
  return out;
}

/** fmt.Sprintln: always a space between operands, and a newline. */
export function sprintln(args: Value[]): string {
  return args.map(a => formatValue(a, 'v', plainSpec())).join(' ') + '\n';
}

/** The plain %v of one value. */
export function formatV(v: Value): string {
  return formatValue(v, 'v', plainSpec());
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: Value[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  const n = format.length;
  while (i < n) {
    const pct = format.indexOf('%', i);
    if (pct < 0) { out += format.slice(i); break; }
    out += format.slice(i, pct);
    i = pct + 1;
    const sp = plainSpec();
    flags: for (; i < n; i++) {
      switch (format[i]) {
        case '#': sp.sharp = true; break;
        case '0': sp.zero = true; break;
        case '+': sp.plus = true; break;
        case '-': sp.minus = true; break;
        case ' ': sp.space = true; break;
        default: break flags;
      }
    }
    // Go's parsenum gives up on a number that grows past 1e6 (tooLarge) and skips to the end of
    // the format, which then reports %!(NOVERB).
    const num = (): number => {
      let v = -1;
      while (i < n && format[i] >= '0' && format[i] <= '9') {
        if (v > 1e6) { i = n; return -1; }
        v = Math.max(v, 0) * 10 + (format.charCodeAt(i++) - 48);
      }
      return v;
    };
    if (format[i] === '*') {
      i++;
      const a = args[argi++];
      if (typeof a === 'bigint' && a <= 1000000n && a >= -1000000n) { sp.wid = Number(a); if (sp.wid < 0) { sp.minus = true; sp.wid = -sp.wid; } } else out += '%!(BADWIDTH)';
    } else sp.wid = num();
    if (format[i] === '.') {
      i++;
      if (format[i] === '*') {
        i++;
        const a = args[argi++];
        if (typeof a === 'bigint' && a >= 0n && a <= 1000000n) sp.prec = Number(a); else out += '%!(BADPREC)';
      } else sp.prec = Math.max(num(), 0);
    }
    if (i >= n) { out += '%!(NOVERB)'; break; }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') { out += '%'; continue; }
    if (argi >= args.length) { out += `%!${verb}(MISSING)`; continue; }
    if (verb === 'v') { if (sp.plus) { sp.plusV = true; sp.plus = false; } if (sp.sharp) { sp.sharpV = true; sp.sharp = false; } }
    if (sp.minus) sp.zero = false;
    const a = args[argi++];
    if (verb === 'w') { out += badVerb(verb, a); continue; }
    out += formatValue(a, verb, sp);
  }
  if (argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map(a => (a === null || a === undefined ? '<nil>' : typeName(a) + '=' + formatV(a))).join(', ') + ')';
  }
  return out;
}

export { isMap };
