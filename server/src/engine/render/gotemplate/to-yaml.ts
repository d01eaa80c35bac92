// Helm's toYaml: sigs.k8s.io/yaml.Marshal, which writes JSON (encoding/json) and re-emits it
// with go-yaml v2. So ints print as ints, integral floats lose their ".0" (8080.0 -> 8080), map
// keys come out in go-yaml's natural order, sequences sit at their key's indentation, and a
// string is quoted only when plain style would read back as something else.
import { formatFloat } from './fmt';
import { GoMap, GoStruct, Value, isMap, kindOf } from './values';

const isLetter = (c: string) => /^\p{L}$/u.test(c);
const isDigit = (c: string) => /^\p{Nd}$/u.test(c);

/** go-yaml v2's keyList.Less for string keys: letters after non-letters, digit runs numerically. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a], br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]), bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n, bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) if (ar[j] !== '0') { an = 1n; bn = 1n; break; }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

// Plain scalars go-yaml v2 would resolve to another type (YAML 1.1 booleans, null, numbers).
const RESOLVES = /^(|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|<<)$/;
// resolve.go, for a plain scalar starting with a digit, `+` or `-`: a timestamp, else (every `_`
// removed) Go's ParseInt/ParseUint with base 0 (0x, 0o, 0b in either case, a leading 0 octal), a
// YAML float, or -0b binary; one starting with `.`: ParseFloat.
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

function resolvesToNumberOrTime(s: string): boolean {
  const c = s[0];
  if (c === '.') return YAML_FLOAT.test(s);
  if (!(c >= '0' && c <= '9') && c !== '+' && c !== '-') return false;
  if (isGoTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  return GO_INT.test(plain) || YAML_FLOAT.test(plain) || /^-0b[01]+$/.test(plain);
}

// parseTimestamp's layouts, as Go's time.Parse reads them: "2006-1-2T15:4:5.999999999Z07:00" (or
// with a lower-case t), "2006-1-2 15:4:5.999999999" and "2006-1-2". Month and day take one or two
// digits, the fraction any number after a period or comma, the zone Z or ±hh:mm.
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[-+](\d{2}):(\d{2}))| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?)?$/;

/** Whether go-yaml v2 reads `s` as a timestamp (time.Parse also checks every field's range). */
export function isGoTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days) return false;
  const [hour, minute, second] = (m[4] !== undefined ? [m[4], m[5], m[6]] : [m[9], m[10], m[11]]).map(x => (x === undefined ? 0 : Number(x)));
  if (hour > 23 || minute > 59 || second > 59) return false;
  return m[7] === undefined || (Number(m[7]) <= 24 && Number(m[8]) <= 60);
}
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Whether the emitter may write s as a plain scalar (yaml_emitter_analyze_scalar, simplified). */
function plainAllowed(s: string): boolean {
  if (s === '' || /^\s|\s$/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !(/^[-?:]/.test(s) && s.length > 1 && !/^[-?:]\s/.test(s))) return false;
  if (s.startsWith('---') || s.startsWith('...')) return false;
  if (/: |:$| #|[\t]/.test(s)) return false;
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  return true;
}

function needsDouble(s: string): boolean {
  return /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u0085\u2028\u2029\ufeff]/.test(s) || /[^\t\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(s);
}

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else if (c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x85) out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** go-yaml's emitter width: a plain or single-quoted scalar breaks at a space past column 80. */
const BEST_WIDTH = 80;

/**
 * Folds a plain or single-quoted scalar the way yaml_emitter_write_plain_scalar does: at a
 * single space, once the line is past the width, the space becomes a line break and the text
 * continues at the continuation indentation.
 */
function fold(text: string, column: number, cont: string, quoted: boolean): string {
  const cs = [...text];
  let out = '';
  let col = column;
  let spaces = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    if (c === ' ') {
      const inner = !quoted || (i > 1 && i < cs.length - 2);
      if (!spaces && col > BEST_WIDTH && inner && cs[i + 1] !== ' ') { out += '\n' + cont; col = cont.length; }
      else { out += c; col++; }
      spaces = true;
    } else { out += c; col++; spaces = false; }
  }
  return out;
}

function scalarString(s: string, indent: string, column = -1): string {
  if (s.includes('\n') && !needsDouble(s) && !/[ \t]\n|[ \t]$/.test(s) && !/\n[ \t]*$/.test(s.replace(/\n+$/, '')) ) {
    const chomp = s.endsWith('\n') ? (/\n\n+$/.test(s) ? '+' : '') : '-';
    const ind = /^[ \t]/.test(s) ? '2' : '';
    const body = s.replace(/\n$/, '').split('\n').map(l => (l === '' ? '' : indent + '  ' + l)).join('\n');
    return `|${ind}${chomp}\n${body}`;
  }
  if (RESOLVES.test(s) || resolvesToNumberOrTime(s) || BASE60.test(s) || needsDouble(s) || s.includes('\n')) return doubleQuoted(s);
  const quoted = plainAllowed(s) ? s : "'" + s.replace(/'/g, "''") + "'";
  // Keys (column < 0) are simple keys: go-yaml never breaks them.
  return column >= 0 ? fold(quoted, column, indent + '  ', quoted !== s) : quoted;
}

/** A number as go-yaml prints what encoding/json wrote for it. */
function number(v: bigint | number): string {
  if (typeof v === 'bigint') return v.toString();
  if (Number.isInteger(v) && Math.abs(v) < 1e21 && Math.abs(v) < 2 ** 63) return BigInt(v).toString();
  return formatFloat(v, 'g', -1);
}

function entries(v: GoMap | GoStruct): [string, Value][] {
  if (v instanceof GoStruct) return [...v.fields].sort((a, b) => (yamlKeyLess(a[0], b[0]) ? -1 : yamlKeyLess(b[0], a[0]) ? 1 : 0));
  return Object.keys(v).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0)).map(k => [k, v[k]]);
}

function isBlock(v: Value): boolean {
  return (Array.isArray(v) && v.length > 0) || ((isMap(v) || v instanceof GoStruct) && entries(v as GoMap).length > 0);
}

function emit(v: Value, indent: string, out: string[], prefix: string): void {
  switch (kindOf(v)) {
    case 'invalid': case 'nil': out.push(prefix + 'null'); return;
    case 'bool': out.push(prefix + String(v)); return;
    case 'int': case 'float64': out.push(prefix + number(v as number)); return;
    case 'string': out.push(prefix + scalarString(v as string, indent, [...prefix].length)); return;
    case 'slice': {
      const a = v as Value[];
      if (!a.length) { out.push(prefix + '[]'); return; }
      a.forEach((x, i) => emitItem(x, indent, out, i === 0 && prefix ? prefix + '- ' : indent + '- '));
      return;
    }
    case 'map': case 'struct': {
      const es = entries(v as GoMap);
      if (!es.length) { out.push(prefix + '{}'); return; }
      es.forEach(([k, x], i) => {
        const key = (i === 0 && prefix ? prefix : indent) + scalarString(k, indent) + ':';
        if (isBlock(x)) {
          out.push(key);
          if (Array.isArray(x)) emit(x, indent, out, '');
          else emit(x, indent + '  ', out, '');
        } else emit(x, indent, out, key + ' ');
      });
      return;
    }
    case 'func': out.push(prefix + 'null');
  }
}

/** A sequence item: a block (map or list) continues at the item's content column. */
function emitItem(x: Value, indent: string, out: string[], prefix: string): void {
  emit(x, isBlock(x) ? indent + '  ' : indent, out, prefix);
}

/** Helm's toYaml: the YAML text without its final newline. */
export function toYaml(v: Value): string {
  const out: string[] = [];
  emit(v === undefined ? null : v, '', out, '');
  return out.join('\n');
}
