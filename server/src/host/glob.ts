// Glob patterns as VS Code writes them in `files.exclude` (and we in `kubeHarden.exclude`):
// `*` and `?` within one path segment, `**` for any number of whole segments (none included),
// `{a,b}` alternatives (nested allowed), `[abc]` / `[!abc]` character classes. Paths are matched
// whole, with `/` separators, case-sensitively, as VS Code's own matcher does. A pattern that
// would not compile (an unclosed `{`) matches nothing rather than everything: an exclusion typo
// must not empty the workspace model.

export type GlobMatcher = (path: string) => boolean;

const NEVER: GlobMatcher = () => false;

export function compileGlob(pattern: string): GlobMatcher {
  const source = pattern.replace(/\\/g, '/');
  if (source === '') return NEVER;
  try {
    const re = new RegExp(`^${translate(source, 0, false).regex}$`);
    return path => re.test(path);
  } catch {
    return NEVER;
  }
}

/** Translates `p` from `i` up to the end, or (inside braces) up to the `,` or `}` that ends the alternative. */
function translate(p: string, i: number, inBraces: boolean): { regex: string; end: number } {
  let out = '';
  while (i < p.length) {
    const c = p[i];
    if (inBraces && (c === ',' || c === '}')) break;
    if (c === '*') {
      let j = i;
      while (p[j] === '*') j++;
      const wholeSegment = j - i >= 2 && (i === 0 || p[i - 1] === '/' || p[i - 1] === '{' || p[i - 1] === ',')
        && (j === p.length || p[j] === '/' || (inBraces && (p[j] === ',' || p[j] === '}')));
      if (!wholeSegment) out += '[^/]*';
      else if (p[j] === '/') { out += '(?:[^/]*/)*'; j++; } // `**/`: zero or more whole segments
      else if (out.endsWith('/')) out = `${out.slice(0, -1)}(?:/.*)?`; // `a/**` also matches `a`
      else out += '.*';
      i = j;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = p.indexOf(']', i + 2);
      if (close < 0) { out += '\\['; i++; continue; }
      let body = p.slice(i + 1, close);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, m => `\\${m}`)}]`;
      i = close + 1;
    } else if (c === '{') {
      const alternatives: string[] = [];
      let j = i + 1;
      for (;;) {
        const alt = translate(p, j, true);
        alternatives.push(alt.regex);
        if (alt.end >= p.length) throw new Error('unclosed {');
        j = alt.end + 1;
        if (p[alt.end] === '}') break;
      }
      out += `(?:${alternatives.join('|')})`;
      i = j;
    } else {
      out += c === '/' ? '/' : c.replace(/[.+^$()|\\\]}{[]/g, m => `\\${m}`);
      i++;
    }
  }
  return { regex: out, end: i };
}
