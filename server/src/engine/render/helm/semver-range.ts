// Does a chart's version satisfy a dependency's range (`~1.2.0`, `^2`, `>=1.0.0 <2.0.0`, `1.x`)?
// Enough of Masterminds/semver's constraint syntax to match a charts/ folder to its entry; an
// empty or unreadable range matches, as Helm treats a missing version.

type V = [number, number, number];

function parseVersion(s: string): { v: V; wild: number } | undefined {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.exec(s.trim());
  if (!m) return undefined;
  const parts = [m[1], m[2], m[3]];
  let wild = 3;
  const v: V = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const p = parts[i];
    if (p === undefined || /[xX*]/.test(p)) { wild = Math.min(wild, i); continue; }
    v[i] = Number(p);
  }
  return { v, wild };
}

function cmp(a: V, b: V): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

function bump(v: V, at: number): V {
  const out: V = [0, 0, 0];
  for (let i = 0; i < at; i++) out[i] = v[i];
  out[at] = at < 3 ? v[at] + 1 : 0;
  return out;
}

function one(constraint: string, have: V): boolean {
  const m = /^(>=|<=|!=|=>|=<|>|<|=|~>|~|\^)?\s*(.*)$/.exec(constraint.trim())!;
  const op = m[1] ?? '';
  const p = parseVersion(m[2]);
  if (!p) return true;
  const { v, wild } = p;
  const c = cmp(have, v);
  switch (op) {
    case '>': return wild < 3 ? cmp(have, bump(v, Math.max(wild - 1, 0))) >= 0 : c > 0;
    case '>=': case '=>': return c >= 0;
    case '<': return c < 0;
    case '<=': case '=<': return wild < 3 ? cmp(have, bump(v, Math.max(wild - 1, 0))) < 0 : c <= 0;
    case '!=': return c !== 0;
    case '~': case '~>': return c >= 0 && cmp(have, bump(v, wild <= 1 ? 0 : 1)) < 0;
    case '^': {
      const at = v[0] > 0 || wild === 0 ? 0 : v[1] > 0 || wild === 1 ? 1 : 2;
      return c >= 0 && cmp(have, bump(v, at)) < 0;
    }
    default:
      if (wild === 0) return true;
      if (wild < 3) return c >= 0 && cmp(have, bump(v, wild - 1)) < 0;
      return c === 0;
  }
}

export function versionMatches(range: string | undefined, version: string): boolean {
  if (!range || !range.trim()) return true;
  const have = parseVersion(version);
  if (!have) return false;
  return range.split('||').some(alt => alt.trim().split(/\s*,\s*|\s+(?![^<>=~^!]*$)(?=[<>=~^!])/).filter(Boolean).every(c => one(c, have.v)));
}
