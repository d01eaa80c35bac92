// Sprig's string functions (strings.go and the goutils/xstrings helpers it calls).
import { CallContext, FuncDef, FuncError, def, lastPath } from '../funcs';
import { indentOrigins, sliceOrigins } from '../origin';
import { quote as goQuote, sprintf } from '../fmt';
import { Value } from '../values';
import { strslice, strval } from './convert';

const isSpaceRune = (c: string) => /^\s$/u.test(c);

/** strings.Title: upper-cases letters that start a word (after a non-letter/digit/_/'). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const sep = /^[A-Za-z0-9_]$/.test(prev) ? false : /^[\p{L}\p{N}]$/u.test(prev) ? false : prev === "'" ? false : true;
    out += sep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function swapcase(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase(), lo = ch.toLowerCase();
    out += ch === up && ch !== lo ? lo : ch === lo && ch !== up ? up : ch;
  }
  return out;
}

function initials(s: string): string {
  return s.split(/\s+/u).filter(Boolean).map(w => [...w][0]).join('');
}

/** xstrings.ToSnakeCase / ToKebabCase: words split at case changes and separators. */
function delimited(s: string, sep: string): string {
  const words: string[] = [];
  let cur = '';
  const chars = [...s];
  chars.forEach((ch, i) => {
    if (/[\s_\-.]/.test(ch)) { if (cur) words.push(cur); cur = ''; return; }
    const isUp = ch !== ch.toLowerCase();
    const prev = chars[i - 1], next = chars[i + 1];
    const prevLower = prev !== undefined && /[\p{Ll}\p{N}]/u.test(prev);
    const prevUpper = prev !== undefined && prev !== prev.toLowerCase();
    const nextLower = next !== undefined && /\p{Ll}/u.test(next);
    if (isUp && cur && (prevLower || (prevUpper && nextLower))) { words.push(cur); cur = ''; }
    cur += ch;
  });
  if (cur) words.push(cur);
  return words.map(w => w.toLowerCase()).join(sep);
}

/** xstrings.ToPascalCase as Sprig's camelcase: "_complex__case_" -> "_Complex_Case_". */
function pascal(s: string): string {
  let out = '';
  let upNext = true;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '_' || ch === '-' || ch === ' ') {
      const atEdge = i === 0 || i === chars.length - 1 || chars[i + 1] === ch;
      if (atEdge) { out += '_'; if (chars[i + 1] === ch) i++; upNext = true; continue; }
      upNext = true;
      continue;
    }
    out += upNext ? ch.toUpperCase() : ch.toLowerCase();
    upNext = false;
  }
  return out;
}

/** goutils.WrapCustom(str, wrapLength, newLine, wrapLongWords). */
export function wrapCustom(str: string, wrapLength: number, newLine: string, wrapLongWords: boolean): string {
  if (wrapLength < 1) wrapLength = 1;
  const n = str.length;
  let offset = 0;
  let out = '';
  while (n - offset > wrapLength) {
    if (str[offset] === ' ') { offset++; continue; }
    const spaceToWrapAt = str.lastIndexOf(' ', wrapLength + offset) ;
    const found = spaceToWrapAt >= offset && spaceToWrapAt <= wrapLength + offset ? spaceToWrapAt : -1;
    if (found >= offset) {
      out += str.slice(offset, found) + newLine;
      offset = found + 1;
    } else if (wrapLongWords) {
      out += str.slice(offset, wrapLength + offset) + newLine;
      offset += wrapLength;
    } else {
      const next = str.indexOf(' ', wrapLength + offset);
      if (next >= 0) { out += str.slice(offset, next) + newLine; offset = next + 1; }
      else { out += str.slice(offset); offset = n; }
    }
  }
  return out + str.slice(offset);
}

function abbreviate(s: string, offset: number, maxWidth: number): string {
  if (maxWidth < 4 || s.length <= maxWidth) return s;
  if (offset > s.length) offset = s.length;
  if (s.length - offset < maxWidth - 3) offset = s.length - (maxWidth - 3);
  if (offset <= 4) return s.slice(0, maxWidth - 3) + '...';
  if (maxWidth < 7) return s;
  if (offset + maxWidth - 3 < s.length) return '...' + abbreviate(s.slice(offset), 0, maxWidth - 3);
  return '...' + s.slice(s.length - (maxWidth - 3));
}

function indentText(spaces: number, v: string): string {
  const pad = ' '.repeat(Math.max(spaces, 0));
  return pad + v.split('\n').join('\n' + pad);
}

/** indent/nindent; the text of a nested render keeps its origins, moved to where they land. */
function indentKeepingOrigins(ctx: CallContext, n: number, s: string, prefix: string): string {
  const out = prefix + indentText(n, s);
  const inner = ctx.originsOf(s);
  if (inner) ctx.recordOrigins(out, indentOrigins(s, inner, ' '.repeat(Math.max(n, 0)), prefix));
  return out;
}

function checkRepeat(count: bigint, s: string): number {
  if (count < 0n) throw new FuncError('strings: negative Repeat count');
  if (Number(count) * s.length > 1 << 24) throw new FuncError(`strings: Repeat output of ${Number(count) * s.length} characters exceeds this renderer's limit`);
  return Number(count);
}

const str1 = (f: (s: string) => Value): FuncDef => def(['string'], ([s]) => f(s as string), undefined, lastPath);

/**
 * A function whose result is a piece of its last argument (trim, trimSuffix, trunc...): the
 * piece of a nested render's text keeps its origins.
 */
function piece(params: ('int' | 'string')[], f: (args: Value[]) => string): FuncDef {
  return def(params, (args, ctx) => {
    const out = f(args);
    const src = args[args.length - 1] as string;
    const inner = ctx.originsOf(src);
    if (inner && out !== src) {
      const at = src.indexOf(out);
      if (at >= 0) ctx.recordOrigins(out, sliceOrigins(inner, at, at + out.length));
    }
    return out;
  }, undefined, lastPath);
}

export const STRING_FUNCS: Record<string, FuncDef> = {
  trim: piece(['string'], ([s]) => trimSpace(s as string)),
  upper: str1(s => s.toUpperCase()),
  lower: str1(s => s.toLowerCase()),
  title: str1(title),
  untitle: str1(s => s.replace(/(^|\s)(\S)/gu, (_m, sp: string, c: string) => sp + c.toLowerCase())),
  substr: def(['int', 'int', 'string'], ([a, b, s]) => {
    const str = s as string, start = Number(a), end = Number(b);
    if (start < 0) return str.slice(0, end);
    if (end < 0 || end > str.length) return str.slice(start);
    if (start > end || start > str.length) throw new FuncError(`runtime error: slice bounds out of range [${start}:${end}]`);
    return str.slice(start, end);
  }),
  repeat: def(['int', 'string'], ([c, s]) => (s as string).repeat(checkRepeat(c as bigint, s as string))),
  trimall: piece(['string', 'string'], ([a, b]) => trimSet(b as string, a as string)),
  trimAll: piece(['string', 'string'], ([a, b]) => trimSet(b as string, a as string)),
  trimSuffix: piece(['string', 'string'], ([a, b]) => ((b as string).endsWith(a as string) && a ? (b as string).slice(0, -(a as string).length) : b as string)),
  trimPrefix: piece(['string', 'string'], ([a, b]) => ((b as string).startsWith(a as string) ? (b as string).slice((a as string).length) : b as string)),
  nospace: str1(s => [...s].filter(c => !isSpaceRune(c)).join('')),
  initials: str1(initials),
  swapcase: str1(swapcase),
  snakecase: str1(s => delimited(s, '_')),
  camelcase: str1(pascal),
  kebabcase: str1(s => delimited(s, '-')),
  wrap: def(['int', 'string'], ([l, s]) => wrapCustom(s as string, Number(l), '\n', false)),
  wrapWith: def(['int', 'string', 'string'], ([l, sep, s]) => wrapCustom(s as string, Number(l), sep as string, true)),
  contains: def(['string', 'string'], ([sub, s]) => (s as string).includes(sub as string)),
  hasPrefix: def(['string', 'string'], ([p, s]) => (s as string).startsWith(p as string)),
  hasSuffix: def(['string', 'string'], ([p, s]) => (s as string).endsWith(p as string)),
  quote: def([], args => args.filter(a => a !== null && a !== undefined).map(a => goQuote(strval(a))).join(' '), 'any', lastPath),
  squote: def([], args => args.filter(a => a !== null && a !== undefined).map(a => sprintf("'%v'", [a])).join(' '), 'any', lastPath),
  cat: def([], args => args.filter(a => a !== null && a !== undefined).map(a => sprintf('%v', [a])).join(' '), 'any'),
  indent: def(['int', 'string'], ([n, s], ctx) => indentKeepingOrigins(ctx, Number(n), s as string, ''), undefined, lastPath),
  nindent: def(['int', 'string'], ([n, s], ctx) => indentKeepingOrigins(ctx, Number(n), s as string, '\n'), undefined, lastPath),
  replace: def(['string', 'string', 'string'], ([o, n, s]) => (s as string).split(o as string).join(n as string), undefined, lastPath),
  plural: def(['string', 'string', 'int'], ([one, many, c]) => (c === 1n ? one : many)),
  abbrev: def(['int', 'string'], ([w, s]) => abbreviate(s as string, 0, Number(w))),
  abbrevboth: def(['int', 'int', 'string'], ([l, r, s]) => (Number(r) < 4 || (Number(l) > 0 && Number(r) < 7) ? s : abbreviate(s as string, Number(l), Number(r)))),
  trunc: piece(['int', 'string'], ([c, s]) => {
    const n = Number(c), str = s as string;
    if (n < 0 && str.length + n > 0) return str.slice(str.length + n);
    if (n >= 0 && str.length > n) return str.slice(0, n);
    return str;
  }),
  join: def(['string', 'any'], ([sep, v]) => strslice(v).join(sep as string)),
  split: def(['string', 'string'], ([sep, s]) => splitMap((s as string).split(sep as string))),
  splitList: def(['string', 'string'], ([sep, s]) => goSplit(s as string, sep as string, -1)),
  splitn: def(['string', 'int', 'string'], ([sep, n, s]) => splitMap(goSplit(s as string, sep as string, Number(n)))),
  toStrings: def(['any'], ([v]) => strslice(v)),
  toString: def(['any'], ([v]) => strval(v), undefined, lastPath),
};

// unicode.IsSpace: JavaScript's trim() also strips U+FEFF, which Go keeps.
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const EDGE_SPACE = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  return s.replace(EDGE_SPACE, '');
}

function trimSet(s: string, cutset: string): string {
  const set = new Set([...cutset]);
  const chars = [...s];
  let a = 0, b = chars.length;
  while (a < b && set.has(chars[a])) a++;
  while (b > a && set.has(chars[b - 1])) b--;
  return chars.slice(a, b).join('');
}

/** strings.SplitN: n < 0 all, n == 0 none, else at most n pieces. */
export function goSplit(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') { const cs = [...s]; return n < 0 || n >= cs.length ? cs : [...cs.slice(0, n - 1), cs.slice(n - 1).join('')]; }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function splitMap(parts: string[]): Value {
  const m: Record<string, Value> = {};
  parts.forEach((p, i) => { m['_' + i] = p; });
  return m;
}
