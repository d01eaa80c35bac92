// Sprig's regular expression functions over Go's RE2 syntax, translated to JavaScript where the
// two differ and refused where JavaScript would match differently.
import { FuncDef, FuncError, def } from '../funcs';
import { Value } from '../values';

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-/:-@[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp | string>();

/** Compiles a Go regexp into a JS RegExp (global), or returns Go's error text. */
export function compileGo(src: string): RegExp | string {
  const hit = cache.get(src);
  if (hit !== undefined) return hit;
  let flags = 'gu';
  let body = src;
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    if (lead[1].includes('U')) return remember(src, `error parsing regexp: ungreedy flag (?U) is not supported by this renderer: \`${src}\``);
    for (const f of lead[1]) if (!flags.includes(f)) flags += f;
    body = body.slice(lead[0].length);
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      const n = body[i + 1];
      if (n === 'Q') { const e = body.indexOf('\\E', i + 2); const lit = e < 0 ? body.slice(i + 2) : body.slice(i + 2, e); out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'); i = e < 0 ? body.length : e + 1; continue; }
      if (n === 'A') { out += '(?<![\\s\\S])'; i++; continue; }
      if (n === 'z') { out += '(?![\\s\\S])'; i++; continue; }
      if (n === 'C') return remember(src, `error parsing regexp: \\C is not supported by this renderer: \`${src}\``);
      if (n === 'p' || n === 'P') {
        if (body[i + 2] === '{') { const e = body.indexOf('}', i); out += body.slice(i, e + 1); i = e; continue; }
        out += `\\${n}{${body[i + 2]}}`; i += 2; continue;
      }
      if (n !== undefined && /[1-9]/.test(n)) return remember(src, `error parsing regexp: invalid escape sequence: \`\\${n}\``);
      out += c + (n ?? ''); i++; continue;
    }
    if (c === '[') {
      // Character class: translate [[:alpha:]] and keep the rest; ] first is literal in both.
      let j = i + 1;
      let cls = '[';
      if (body[j] === '^') { cls += '^'; j++; }
      if (body[j] === ']') { cls += '\\]'; j++; }
      while (j < body.length && body[j] !== ']') {
        const posix = /^\[:(\^?)([a-z]+):\]/.exec(body.slice(j));
        if (posix) {
          const set = Object.prototype.hasOwnProperty.call(POSIX, posix[2]) ? POSIX[posix[2]] : undefined;
          if (!set) return remember(src, `error parsing regexp: invalid character class range: \`${posix[0]}\``);
          if (posix[1]) return remember(src, `error parsing regexp: negated POSIX classes are not supported by this renderer: \`${posix[0]}\``);
          cls += set; j += posix[0].length; continue;
        }
        if (body[j] === '\\') { cls += body.slice(j, j + 2); j += 2; continue; }
        if (body[j] === '[') { cls += '\\['; j++; continue; }
        cls += body[j++];
      }
      out += cls + ']';
      i = j;
      continue;
    }
    if (c === '(' && body[i + 1] === '?') {
      const m = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(body.slice(i));
      if (m) { out += `(?<${m[1]}>`; i += m[0].length - 1; continue; }
      if (body[i + 2] === ':') { out += '(?:'; i += 2; continue; }
      if (/^\(\?[=!<]/.test(body.slice(i))) return remember(src, `error parsing regexp: invalid or unsupported Perl syntax: \`${body.slice(i, i + 3)}\``);
      return remember(src, `error parsing regexp: inline flags inside a pattern are not supported by this renderer: \`${src}\``);
    }
    out += c;
  }
  if (nestedRepetition(out)) {
    return remember(src, `error parsing regexp: nested repetition such as (a+)+ is not supported by this renderer (JavaScript regular expressions backtrack): \`${src}\``);
  }
  try {
    return remember(src, new RegExp(out, flags));
  } catch (e) {
    return remember(src, `error parsing regexp: ${(e as Error).message}`);
  }
}

/**
 * Whether the pattern repeats, without bound, a group that is itself one repeated atom or an
 * alternation with repetition inside ((a+)+, ([a-z]*)*, (a|aa)+): the shapes that make a
 * backtracking engine take exponential time, where RE2 stays linear. Groups with a fixed part
 * in each turn, such as (\.[0-9]+)*, are kept.
 */
export function nestedRepetition(re: string): boolean {
  const opens: number[] = [];
  const unboundedAt = (i: number) => re[i] === '*' || re[i] === '+' || (re[i] === '{' && /^\{\d+,\}/.test(re.slice(i)));
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') { i++; while (i < re.length && re[i] !== ']') { if (re[i] === '\\') i++; i++; } continue; }
    if (c === '(') { opens.push(i); continue; }
    if (c === ')') {
      const start = opens.pop() ?? 0;
      if (!unboundedAt(i + 1)) continue;
      const body = re.slice(start + 1, i).replace(/^\?(:|<[A-Za-z_][A-Za-z0-9_]*>)/, '');
      const single = /^(\[(\\.|[^\]])*\]|\\.|[^()|\\])[*+]$/.test(body) || /^(\[(\\.|[^\]])*\]|\\.|[^()|\\])\{\d+,\}$/.test(body);
      const alts = body.split('|');
      const alternation = alts.length > 1 && (/[*+?]/.test(body.replace(/\\./g, '')) || alts.some((a, k) => alts.some((b, m) => m !== k && b.startsWith(a))));
      if (single || alternation || /^\.[*+]/.test(body)) return true;
    }
  }
  return false;
}

function remember(src: string, v: RegExp | string): RegExp | string {
  if (cache.size > 500) cache.clear();
  cache.set(src, v);
  return v;
}

/** The compiled pattern; a bad one fails as Go's MustCompile panics, unless quiet. */
function re(src: string, quiet: boolean): RegExp | null {
  const r = compileGo(src);
  if (typeof r === 'string') {
    if (quiet) return null;
    throw new FuncError(`regexp: Compile(${JSON.stringify(src)}): ${r}`);
  }
  r.lastIndex = 0;
  return r;
}

/** Go's Regexp.Expand template: $1, ${1}, $name, ${name}, $$. */
function expand(tmpl: string, m: RegExpExecArray): string {
  return tmpl.replace(/\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_all, d, braced, bare) => {
    if (d === '$') return '$';
    const name = braced ?? bare;
    if (/^[0-9]+$/.test(name)) return m[Number(name)] ?? '';
    return m.groups?.[name] ?? '';
  });
}

function findAll(r: RegExp, s: string, n: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && (m = r.exec(s))) {
    if (m[0] === '' ) { if (m.index === prevEnd) { r.lastIndex++; if (r.lastIndex > s.length) break; continue; } r.lastIndex++; }
    prevEnd = m.index + m[0].length;
    out.push(m);
    if (r.lastIndex > s.length) break;
  }
  return out;
}

function replaceAll(r: RegExp, s: string, repl: (m: RegExpExecArray) => string): string {
  let out = '', at = 0;
  for (const m of findAll(r, s, -1)) { out += s.slice(at, m.index) + repl(m); at = m.index + m[0].length; }
  return out + s.slice(at);
}

function split(r: RegExp, s: string, n: number): string[] {
  if (n === 0) return [];
  if (r.source === '(?:)' && s.length > 0) return [...s].slice(0, n < 0 ? undefined : n);
  const out: string[] = [];
  let beg = 0;
  for (const m of findAll(r, s, -1)) {
    if (n > 0 && out.length === n - 1) break;
    const end = m.index;
    if (m[0] === '' && m.index === 0) continue;
    out.push(s.slice(beg, end));
    beg = m.index + m[0].length;
  }
  out.push(s.slice(beg));
  return out;
}

/** The plain function and its must variant; only regexMatch's plain form ignores a bad pattern. */
function both(name: string, params: ('string' | 'int')[], f: (args: Value[], quiet: boolean) => Value): Record<string, FuncDef> {
  const must = 'must' + name[0].toUpperCase() + name.slice(1);
  return { [name]: def(params, a => f(a, name === 'regexMatch')), [must]: def(params, a => f(a, false)) };
}

export const REGEX_FUNCS: Record<string, FuncDef> = {
  ...both('regexMatch', ['string', 'string'], ([r, s], quiet) => { const x = re(r as string, quiet); return x ? x.test(s as string) : false; }),
  ...both('regexFindAll', ['string', 'string', 'int'], ([r, s, n], quiet) => { const x = re(r as string, quiet); return x ? findAll(x, s as string, Number(n)).map(m => m[0]) : []; }),
  ...both('regexFind', ['string', 'string'], ([r, s], quiet) => { const x = re(r as string, quiet); return x ? (findAll(x, s as string, 1)[0]?.[0] ?? '') : ''; }),
  ...both('regexReplaceAll', ['string', 'string', 'string'], ([r, s, t], quiet) => { const x = re(r as string, quiet); return x ? replaceAll(x, s as string, m => expand(t as string, m)) : s; }),
  ...both('regexReplaceAllLiteral', ['string', 'string', 'string'], ([r, s, t], quiet) => { const x = re(r as string, quiet); return x ? replaceAll(x, s as string, () => t as string) : s; }),
  ...both('regexSplit', ['string', 'string', 'int'], ([r, s, n], quiet) => { const x = re(r as string, quiet); return x ? split(x, s as string, Number(n)) : []; }),
  regexQuoteMeta: def(['string'], ([s]) => (s as string).replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
};
