// Sprig's defaults, flow control and reflection functions (defaults.go, reflect.go), and the
// environment and path functions (env and expandenv read nothing: renders never see the host).
import { FuncDef, FuncError, def } from '../funcs';
import { GoFunc, Value, isMap, reflectKind, typeName } from '../values';
import { deepEqual, empty } from './convert';
import { DataPath } from '../origin';

/** path.Clean (slash-separated, lexical). */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!rooted) out.push('..'); continue; }
    out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}
function basePath(p: string): string {
  if (p === '') return '.';
  p = p.replace(/\/+$/, '');
  if (p === '') return '/';
  return p.slice(p.lastIndexOf('/') + 1);
}
function dirPath(p: string): string {
  const i = p.lastIndexOf('/');
  return cleanPath(p.slice(0, i + 1));
}
function extPath(p: string): string {
  for (let i = p.length - 1; i >= 0 && p[i] !== '/'; i--) if (p[i] === '.') return p.slice(i);
  return '';
}

const defaultPath = (args: Value[], paths: (DataPath | null)[]): DataPath | null => {
  const given = args.slice(1);
  if (given.length === 0 || empty(given[0])) return paths[0] ?? null;
  return paths[1] ?? null;
};

export const MISC_FUNCS: Record<string, FuncDef> = {
  default: def(['any'], ([d, ...given]) => (given.length === 0 || empty(given[0]) ? d : given[0]), 'any', defaultPath),
  empty: def(['any'], ([v]) => empty(v)),
  coalesce: def([], args => args.find(a => !empty(a)) ?? null, 'any', (args, paths) => {
    const i = args.findIndex(a => !empty(a));
    return i >= 0 ? paths[i] ?? null : null;
  }),
  all: def([], args => args.every(a => !empty(a)), 'any'),
  any: def([], args => args.some(a => !empty(a)), 'any'),
  ternary: def(['any', 'any', 'bool'], ([t, f, c]) => (c ? t : f), undefined, (a, p) => (a[2] ? p[0] : p[1]) ?? null),
  fail: def(['string'], ([m]) => { throw new FuncError(m as string); }),
  typeOf: def(['any'], ([v]) => typeName(v)),
  typeIs: def(['string', 'any'], ([t, v]) => t === typeName(v)),
  typeIsLike: def(['string', 'any'], ([t, v]) => t === typeName(v) || '*' + t === typeName(v)),
  kindOf: def(['any'], ([v]) => reflectKind(v)),
  kindIs: def(['string', 'any'], ([t, v]) => t === reflectKind(v)),
  deepEqual: def(['any', 'any'], ([a, b]) => deepEqual(a, b)),
  env: def(['string'], () => ''),
  expandenv: def(['string'], ([s]) => (s as string).replace(/\$\{[^}]*\}|\$[A-Za-z0-9_]+/g, '')),
  base: def(['string'], ([p]) => basePath(p as string)),
  dir: def(['string'], ([p]) => dirPath(p as string)),
  clean: def(['string'], ([p]) => cleanPath(p as string)),
  ext: def(['string'], ([p]) => extPath(p as string)),
  isAbs: def(['string'], ([p]) => (p as string).startsWith('/')),
  osBase: def(['string'], ([p]) => basePath(p as string)),
  osClean: def(['string'], ([p]) => cleanPath(p as string)),
  osDir: def(['string'], ([p]) => dirPath(p as string)),
  osExt: def(['string'], ([p]) => extPath(p as string)),
  osIsAbs: def(['string'], ([p]) => (p as string).startsWith('/')),
  hello: def([], () => 'Hello!'),
};

export { isMap, GoFunc };
