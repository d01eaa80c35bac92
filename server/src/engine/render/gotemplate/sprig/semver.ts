// Sprig's semver and semverCompare (Masterminds/semver v3): versions with Go's "v" prefix and
// coercion of "1" / "1.2", and constraint ranges (=, !=, >, <, >=, <=, ~, ^, x wildcards,
// hyphen ranges, "," for and, "||" for or) where pre-releases match only when asked for.
import { FuncDef, FuncError, def } from '../funcs';
import { GoStruct, Value } from '../values';

interface Version { major: bigint; minor: bigint; patch: bigint; pre: string; meta: string; original: string }

const VERSION_RE = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

export function parseVersion(s: string): Version | null {
  const m = VERSION_RE.exec(s);
  if (!m) return null;
  const pre = m[5] ?? '';
  if (pre.split('.').some(p => /^0[0-9]+$/.test(p))) return null;
  return { major: BigInt(m[1]), minor: BigInt((m[2] ?? '.0').slice(1)), patch: BigInt((m[3] ?? '.0').slice(1)), pre, meta: m[8] ?? '', original: s };
}

function versionString(v: Version): string {
  return `${v.major}.${v.minor}.${v.patch}` + (v.pre ? '-' + v.pre : '') + (v.meta ? '+' + v.meta : '');
}

function comparePre(a: string, b: string): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  const x = a.split('.'), y = b.split('.');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    const nx = /^[0-9]+$/.test(x[i]), ny = /^[0-9]+$/.test(y[i]);
    if (nx && ny) { const d = BigInt(x[i]) - BigInt(y[i]); if (d !== 0n) return d < 0n ? -1 : 1; continue; }
    if (nx !== ny) return nx ? -1 : 1;
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

type Check = (v: Version) => boolean;

/** One constraint term such as ">=1.2", "~1.2.3", "1.x", "^0.2". */
function term(op: string, ver: string): Check | null {
  const m = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(ver);
  if (!m) return null;
  const wild = (s?: string) => s === undefined || /^[xX*]$/.test(s);
  const [maj, min, pat] = [m[1], m[2], m[3]];
  const pre = m[4] ?? '';
  const base: Version = { major: wild(maj) ? 0n : BigInt(maj), minor: wild(min) ? 0n : BigInt(min!), patch: wild(pat) ? 0n : BigInt(pat!), pre, meta: '', original: ver };
  const cmp = (v: Version) => compareVersions(v, base);
  const upper = (v: Version, u: Version) => compareVersions(v, u) < 0;
  const bump = (k: 'major' | 'minor' | 'patch'): Version => ({ ...base, pre: '', [k]: base[k] + 1n, ...(k === 'major' ? { minor: 0n, patch: 0n } : k === 'minor' ? { patch: 0n } : {}) });
  const dirty = wild(maj) || wild(min) || wild(pat);
  switch (op) {
    case '': case '=':
      if (wild(maj)) return () => true;
      if (wild(min)) return v => v.major === base.major;
      if (wild(pat)) return v => v.major === base.major && v.minor === base.minor;
      return v => cmp(v) === 0;
    case '!=':
      if (wild(maj)) return () => false;
      if (wild(min)) return v => v.major !== base.major;
      if (wild(pat)) return v => !(v.major === base.major && v.minor === base.minor);
      return v => cmp(v) !== 0;
    case '>': return dirty ? (wild(min) ? v => v.major > base.major : v => v.major > base.major || (v.major === base.major && v.minor > base.minor)) : v => cmp(v) > 0;
    case '>=': case '=>': return v => cmp(v) >= 0;
    case '<': return v => cmp(v) < 0;
    case '<=': case '=<':
      if (dirty) return wild(min) ? v => v.major <= base.major : v => v.major < base.major || (v.major === base.major && v.minor <= base.minor);
      return v => cmp(v) <= 0;
    case '~': case '~>': {
      if (wild(maj)) return () => true;
      const u = wild(min) ? bump('major') : bump('minor');
      return v => cmp(v) >= 0 && upper(v, u);
    }
    case '^': {
      if (wild(maj)) return () => true;
      let u: Version;
      if (base.major > 0n || wild(min)) u = bump('major');
      else if (base.minor > 0n || wild(pat)) u = bump('minor');
      else u = bump('patch');
      return v => cmp(v) >= 0 && upper(v, u);
    }
  }
  return null;
}

/** A constraint: "||"-separated alternatives of ","- or space-separated terms. */
export function parseConstraint(c: string): ((v: Version) => boolean) | null {
  const alts: Check[][] = [];
  for (const alt of c.split('||')) {
    const s = alt.trim().replace(/\s*-\s+/g, ' - ');
    const terms: Check[] = [];
    const hyphen = /^(\S+) - (\S+)$/.exec(s);
    // An operator may stand apart from its version (">= 1.23-0"): Masterminds reads them as one term.
    const parts = hyphen ? [] : s.replace(/(!=|>=|=>|<=|=<|~>|[=<>~^])\s+/g, '$1').split(/\s*,\s*|\s+/).filter(Boolean);
    if (hyphen) {
      const lo = term('>=', hyphen[1]), hi = term('<=', hyphen[2]);
      if (!lo || !hi) return null;
      terms.push(lo, hi);
    }
    for (const p of parts) {
      const m = /^(!=|>=|=>|<=|=<|~>|[=<>~^])?\s*(.+)$/.exec(p);
      if (!m) return null;
      const t = term(m[1] ?? '', m[2]);
      if (!t) return null;
      terms.push(t);
    }
    if (!terms.length) return null;
    const wantsPre = /-/.test(alt.replace(/\s-\s/g, ' '));
    alts.push([...terms, v => !v.pre || wantsPre]);
  }
  return v => alts.some(ts => ts.every(t => t(v)));
}

function versionValue(v: Version): GoStruct {
  return new GoStruct('*semver.Version', new Map<string, Value>([
    ['Major', v.major], ['Minor', v.minor], ['Patch', v.patch], ['Prerelease', v.pre], ['Metadata', v.meta], ['Original', v.original],
  ]), versionString(v));
}

export const SEMVER_FUNCS: Record<string, FuncDef> = {
  semver: def(['string'], ([s]) => {
    const v = parseVersion(s as string);
    if (!v) throw new FuncError('Invalid Semantic Version');
    return versionValue(v);
  }),
  semverCompare: def(['string', 'string'], ([c, s]) => {
    const check = parseConstraint(c as string);
    if (!check) throw new FuncError('improper constraint: ' + c);
    const v = parseVersion(s as string);
    if (!v) throw new FuncError('Invalid Semantic Version');
    return check(v);
  }),
};
