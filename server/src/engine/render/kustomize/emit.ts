// Prints rendered objects as `kustomize build` does. Kustomize serialises each object to JSON
// (encoding/json: map keys sorted) and back to YAML through sigs.k8s.io/yaml (go-yaml v2), so
// keys come out in go-yaml v2's order, numbers in Go's form and strings quoted by v2's rules.
import { Plain } from './model';

export function emitStream(objects: Plain[]): string {
  return objects.map((o) => emitDocument(o)).join('---\n');
}

export function emitDocument(v: Plain): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return '{}\n';
  const lines: string[] = [];
  emitBlock(v, 0, lines);
  return lines.join('\n') + '\n';
}

function emitBlock(v: Plain, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    for (const item of v) emitItem(item, indent, out);
    return;
  }
  if (v !== null && typeof v === 'object') {
    for (const key of sortKeys(Object.keys(v))) {
      const val = v[key];
      const k = pad + scalarText(key, indent, true, 0);
      if (isNonEmptyCollection(val)) {
        out.push(k + ':');
        emitBlock(val, Array.isArray(val) ? indent : indent + 2, out);
      } else out.push(k + ': ' + inline(val, indent + 2, k.length + 2));
    }
    return;
  }
  out.push(pad + inline(v, indent, indent));
}

function emitItem(item: Plain, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (!isNonEmptyCollection(item)) { out.push(pad + '- ' + inline(item, indent + 2, indent + 2)); return; }
  const sub: string[] = [];
  emitBlock(item, indent + 2, sub);
  // The first line of the nested block moves up beside the dash.
  out.push(pad + '- ' + sub[0].slice(indent + 2), ...sub.slice(1));
}

const isNonEmptyCollection = (v: Plain): v is Plain[] | { [k: string]: Plain } =>
  v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

function inline(v: Plain, indent: number, column: number): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goNumber(v);
  return scalarText(v, indent, false, column);
}

/** A JSON number as Go prints it after the JSON round trip (integers stay integers). */
function goNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '+.inf' : '-.inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  // strconv.FormatFloat(f, 'g', -1, 64): exponent form below 1e-4 or from 1e21; two-digit exponent.
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) {
    const [mant, e] = n.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    return `${mant}e${sign}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(n);
}

// ---- strings --------------------------------------------------------------------------------

function scalarText(s: string, indent: number, isKey: boolean, column: number): string {
  // Keys are never folded (they are "simple keys" to the emitter).
  const fold = (text: string, style: Style) => (isKey ? text : foldLine(text, style, column, indent));
  if (s.includes('\n') && !isKey) {
    const lit = literal(s, indent);
    return lit.startsWith('"') ? fold(lit, 'double') : lit;
  }
  if (needsQuoting(s)) return fold(doubleQuoted(s), 'double');
  if (plainAllowed(s)) return fold(s, 'plain');
  if (singleAllowed(s)) return fold("'" + s.replace(/'/g, "''") + "'", 'single');
  return fold(doubleQuoted(s), 'double');
}

type Style = 'plain' | 'single' | 'double';

/**
 * go-yaml's emitter breaks a long scalar at a space once the line is past 80 columns: the
 * space becomes a line break plus the indentation (a folded line reads back as one space).
 * In double quotes a break before a second space is marked with a backslash.
 */
function foldLine(text: string, style: Style, column: number, indent: number): string {
  const chars = [...text];
  const quoted = style !== 'plain';
  const first = quoted ? 1 : 0, last = quoted ? chars.length - 1 : chars.length;
  let out = '', col = column, spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const inside = i >= first && i < last;
    if (inside && c === ' ') {
      const pos = i - first, len = last - first;
      const nextSpace = chars[i + 1] === ' ';
      const breakable = !spaces && col > 80 && (style === 'plain' ? !nextSpace : pos > 0 && pos < len - 1 && (style === 'double' || !nextSpace));
      if (breakable) {
        out += '\n' + ' '.repeat(indent);
        col = indent;
        if (style === 'double' && nextSpace) { out += '\\'; col++; }
      } else { out += c; col++; }
      spaces = true;
      continue;
    }
    out += c;
    col++;
    spaces = false;
  }
  return out;
}

/**
 * Whether go-yaml v2 reads the plain text as a number: after dropping underscores, an integer as
 * Go's strconv.ParseInt/ParseUint read it with base 0 (decimal, 0x, 0o, 0b, a leading-0 octal),
 * else a float of the form [-+](.d+|d+[.d*])[e[-+]d+]: "08" is a number, "2.5.0" a string.
 */
function readsAsNumber(s: string): boolean {
  // A leading dot goes to strconv.ParseFloat as written: underscores only between digits.
  if (s.startsWith('.')) return /^\.[0-9](_?[0-9])*([eE][-+]?[0-9](_?[0-9])*)?$/.test(s);
  if (!/^[-+0-9]/.test(s)) return false;
  const plain = s.replace(/_/g, '');
  const int = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]+|[1-9][0-9]*|0)$/.exec(plain);
  if (int) {
    // Beyond uint64 (or below int64) Go's parsers refuse it; a decimal then reads as a float.
    const digits = int[2].replace(/^0(?=[0-7])/, '0o');
    const v = BigInt(digits.replace(/^0[oO]/, '0o').replace(/^0[xX]/, '0x').replace(/^0[bB]/, '0b'));
    if (int[1] === '-' ? v <= 2n ** 63n : v < 2n ** 64n) return true;
  }
  return /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain) && Number.isFinite(Number(plain));
}

/** go-yaml v2 quotes what would read back as another type (YAML 1.1 resolution). */
function needsQuoting(s: string): boolean {
  if (s === '' || s === '~' || /^(null|Null|NULL)$/.test(s)) return true;
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s)) return true;
  if (readsAsNumber(s)) return true;
  // go-yaml v2 also quotes what YAML 1.1 read as a base-60 number ("1:30").
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (/^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s)) return true;
  if (s === '<<' || s === '=') return true;
  return false;
}

// The emitter's analysis (yaml_emitter_analyze_scalar), reduced to what decides the style.
function plainAllowed(s: string): boolean {
  if (/^\s|\s$/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) {
    if (!(/^[-?:]/.test(s) && s.length > 1 && !/^[-?:]\s/.test(s))) return false;
  }
  if (s.startsWith('---') || s.startsWith('...')) return false;
  // ": " and " #" would read as a mapping or a comment; flow indicators are fine in block context.
  if (/: |:$| #/.test(s)) return false;
  if (!printable(s)) return false;
  return true;
}

function singleAllowed(s: string): boolean {
  return printable(s) && !/\n/.test(s) && !/^\s+$/.test(s);
}

function printable(s: string): boolean {
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufeff\ufffe\uffff]/.test(s) && !/\t/.test(s);
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c === 0) out += '\\0';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

function literal(s: string, indent: number): string {
  // Trailing spaces on a line or a leading-space first line force double quotes in v2.
  if (/ \n|[ \t]$/.test(s) || !printable(s.replace(/\n/g, ''))) return doubleQuoted(s);
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
  const lead = /^[ \n]/.test(s) ? '2' : '';
  const body = (s.endsWith('\n') ? s.slice(0, chomp === '+' ? s.length - 1 : -1) : s).split('\n');
  const pad = ' '.repeat(indent);
  return '|' + lead + chomp + '\n' + body.map((l) => (l === '' ? '' : pad + l)).join('\n');
}

// ---- key order -------------------------------------------------------------------------------

/** go-yaml v2's keyList.Less: letters after other runes, digit runs compared as numbers. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a], br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]), bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0, bn = 0, ai: number, bi: number;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') { an = 1; bn = 1; break; }
      }
    }
    for (ai = i; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    for (bi = i; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

function sortKeys(keys: string[]): string[] {
  return keys.sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
}
