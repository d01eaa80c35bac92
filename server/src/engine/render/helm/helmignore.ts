// `.helmignore` (pkg/ignore): one glob per line, `#` comments, `!` negates, a trailing `/`
// matches only folders, a pattern without `/` matches a name at any depth. Helm also ignores
// hidden files in `templates/` by default.

type Rule = { negate: boolean; dirOnly: boolean; anyDepth: boolean; re: RegExp };

function globToRegex(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') { re += '.*'; i++; } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) { re += '\\['; continue; }
      let cls = glob.slice(i + 1, end);
      if (cls.startsWith('^') || cls.startsWith('!')) cls = '^' + cls.slice(1);
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < glob.length) re += '\\' + glob[++i];
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class HelmIgnore {
  private readonly rules: Rule[] = [];

  constructor(text = '') {
    this.add('templates/.?*');
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      this.add(line);
    }
  }

  private add(pattern: string): void {
    let p = pattern;
    const negate = p.startsWith('!');
    if (negate) p = p.slice(1);
    const dirOnly = p.endsWith('/');
    if (dirOnly) p = p.slice(0, -1);
    if (p.startsWith('/')) p = p.slice(1);
    if (!p) return;
    this.rules.push({ negate, dirOnly, anyDepth: !p.includes('/'), re: globToRegex(p) });
  }

  /** True when a path (relative to the chart, `/`-separated) is ignored, itself or a parent folder. */
  ignores(path: string): boolean {
    const parts = path.split('/');
    for (let n = 1; n <= parts.length; n++) {
      if (this.matches(parts.slice(0, n).join('/'), n < parts.length)) return true;
    }
    return false;
  }

  private matches(path: string, isDir: boolean): boolean {
    let ignored = false;
    const base = path.slice(path.lastIndexOf('/') + 1);
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      const hit = r.anyDepth ? r.re.test(base) : r.re.test(path);
      if (hit) ignored = !r.negate;
    }
    return ignored;
  }
}
