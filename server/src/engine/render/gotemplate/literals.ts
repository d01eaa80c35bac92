// Literals of the template language as Go reads them (strconv.Unquote, ParseInt/ParseUint with
// base prefixes and underscores, ParseFloat with hex floats, the parser's newNumber), and the
// line:column positions Go's messages use.
import { NumberNode } from './nodes';

/** Line (1-based) and column (0-based byte offset in the line, as Go's ErrorContext) of an offset. */
export function lineCol(text: string, pos: number): { line: number; col: number } {
  let line = 1, last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) { line++; last = i; }
  const col = last < 0 ? utf8Len(text.slice(0, pos)) : utf8Len(text.slice(last + 1, pos));
  return { line, col };
}

export function utf8Len(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** Go's strconv.Unquote for "..." and `...` literals (and '.' for chars, returning the text). */
export function unquote(s: string): string {
  if (s[0] === '`') return s.slice(1, -1).replace(/\r/g, '');
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') { out += c; continue; }
    const e = body[++i];
    switch (e) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '"': case "'": out += e; if (e !== s[0]) throw new Error('invalid syntax'); break;
      case 'x': case 'u': case 'U': {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = body.slice(i + 1, i + 1 + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new Error('invalid syntax');
        const cp = parseInt(hex, 16);
        if (e === 'x') out += cp < 0x80 ? String.fromCharCode(cp) : new TextDecoder().decode(new Uint8Array([cp]));
        else { if (cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) throw new Error('invalid syntax'); out += String.fromCodePoint(cp); }
        i += len;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          const oct = body.slice(i, i + 3);
          if (!/^[0-7]{3}$/.test(oct)) throw new Error('invalid syntax');
          out += String.fromCharCode(parseInt(oct, 8));
          i += 2;
        } else throw new Error('invalid syntax');
    }
  }
  return out;
}

/** Go's strconv.ParseInt/ParseUint(text, 0, 64) and ParseFloat(text, 64) over a literal. */
function parseGoNumber(text: string): { int?: bigint; uint?: bigint; float?: number } {
  const out: { int?: bigint; uint?: bigint; float?: number } = {};
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (m && validUnderscores(m[2])) {
    const body = m[2].replace(/_/g, '');
    let v: bigint;
    if (/^0[oO]/.test(body)) v = BigInt('0o' + body.slice(2));
    else if (/^0[0-7]+$/.test(body)) v = BigInt('0o' + body.slice(1));
    else v = BigInt(body);
    if (m[1] === '-') v = -v;
    if (v >= -(1n << 63n) && v < (1n << 63n)) out.int = v;
    if (m[1] === '' && v < (1n << 64n)) out.uint = v;
  }
  if (out.int === undefined && out.uint === undefined) {
    const f = parseGoFloat(text);
    if (f !== undefined) out.float = f;
  }
  return out;
}

function validUnderscores(s: string): boolean {
  if (!s.includes('_')) return true;
  const body = /^0[xXoObB]/.test(s) ? s.slice(2) : s;
  return !/__|_$/.test(body) && !(body.startsWith('_') && s === body);
}

function parseGoFloat(text: string): number | undefined {
  const sign = text[0] === '-' ? -1 : 1;
  const t = text.replace(/^[+-]/, '');
  const hex = /^0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/.exec(t);
  if (hex) {
    const ip = hex[1].replace(/_/g, ''), fp = (hex[2] ?? '').replace(/_/g, '');
    if (!ip && !fp) return undefined;
    const mant = parseInt((ip || '0') + fp, 16);
    return sign * mant * 2 ** (Number(hex[3].replace(/_/g, '')) - 4 * fp.length);
  }
  if (!/^([0-9][0-9_]*)?(\.[0-9_]*)?([eE][+-]?[0-9_]+)?$/.test(t) || !/[0-9]/.test(t)) return undefined;
  if (/(^|[^0-9])_|_($|[^0-9])/.test(t.replace(/^0+_/, '0'))) { if (/\._|_\.|_e|e_|_$/i.test(t)) return undefined; }
  const v = Number(t.replace(/_/g, ''));
  return Number.isNaN(v) ? undefined : sign * v;
}

/** Go's newNumber: the int/uint/float readings of a number literal, or the error message. */
export function parseNumber(text: string, kind: 'char' | 'complex' | 'number', pos = 0): NumberNode | string {
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false, int: 0n, uint: 0n, float: 0 };
  if (kind === 'char') {
    // \x and octal escapes in a character constant are byte values, not UTF-8.
    const byteEsc = /^'\\(?:x([0-9a-fA-F]{2})|([0-7]{3}))'$/.exec(text);
    if (byteEsc) {
      const b = BigInt(byteEsc[1] !== undefined ? parseInt(byteEsc[1], 16) : parseInt(byteEsc[2], 8));
      return Object.assign(n, { isInt: true, isUint: true, isFloat: true, int: b, uint: b, float: Number(b) });
    }
    let s: string;
    try { s = unquote('"' + text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"') + '"'); } catch { return `malformed character constant: ${text}`; }
    const cps = [...s];
    if (text.length < 3 || text[text.length - 1] !== "'" || cps.length !== 1) return `malformed character constant: ${text}`;
    const c = BigInt(cps[0].codePointAt(0)!);
    return Object.assign(n, { isInt: true, isUint: true, isFloat: true, int: c, uint: c, float: Number(c) });
  }
  if (kind === 'complex' || text.endsWith('i')) {
    const parts = kind === 'complex' ? /^(.*[^eEpP])([+-][^+-]*)i$/.exec(text) : ['', '0', text.slice(0, -1)];
    const re = parts ? parseGoFloat(parts[1]) : undefined;
    const im = parts ? parseGoFloat(parts[2]) : undefined;
    if (re !== undefined && im !== undefined) {
      n.isComplex = true;
      // A complex constant with no imaginary part is also a float (and maybe an integer).
      if (im === 0) {
        n.isFloat = true; n.float = re;
        if (Number.isInteger(re) && Math.abs(re) < 2 ** 63) { n.isInt = true; n.int = BigInt(re); }
        if (Number.isInteger(re) && re >= 0 && re < 2 ** 64) { n.isUint = true; n.uint = BigInt(re); }
      }
      return n;
    }
    if (kind === 'complex') return `illegal number syntax: ${JSON.stringify(text)}`;
  }
  const p = parseGoNumber(text);
  if (p.uint !== undefined) { n.isUint = true; n.uint = p.uint; }
  if (p.int !== undefined) { n.isInt = true; n.int = p.int; if (p.int === 0n) { n.isUint = true; n.uint = 0n; } }
  if (n.isInt) { n.isFloat = true; n.float = Number(n.int); }
  else if (n.isUint) { n.isFloat = true; n.float = Number(n.uint); }
  else if (p.float !== undefined) {
    if (!/[.eEpP]/.test(text)) return `integer overflow: ${JSON.stringify(text)}`;
    n.isFloat = true; n.float = p.float;
    if (Number.isInteger(p.float) && Math.abs(p.float) < 2 ** 63) { n.isInt = true; n.int = BigInt(p.float); }
    if (Number.isInteger(p.float) && p.float >= 0 && p.float < 2 ** 64) { n.isUint = true; n.uint = BigInt(p.float); }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) return `illegal number syntax: ${JSON.stringify(text)}`;
  return n;
}

