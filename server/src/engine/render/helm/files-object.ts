// `.Files` (pkg/engine/files.go): the chart's non-template files, read through methods.
import { def, GoMap, GoStruct, toYaml, Value } from '../gotemplate';
import type { ChartFile } from './chart';

function globRegex(pattern: string): RegExp {
  // gobwas/glob with '/' as separator: `*` stays within a folder, `**` crosses folders.
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') { if (pattern[i + 1] === '*') { re += '.*'; i++; } else re += '[^/]*'; }
    else if (c === '?') re += '[^/]';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',' ) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  try { return new RegExp(`^${re}$`); } catch { return /^\b$/; }
}

function base(p: string): string { return p.slice(p.lastIndexOf('/') + 1); }

function b64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function filesObject(files: ChartFile[]): GoStruct {
  const byPath = new Map(files.map(f => [f.path, f.text]));
  const asMap = (f: (text: string) => string): string => {
    if (byPath.size === 0) return '';
    const m: GoMap = {};
    for (const [p, t] of byPath) m[base(p)] = f(t);
    // Helm's toYAML, which drops one final newline: a file ending in blank lines keeps them (|+).
    return toYaml(m);
  };
  // Helm's files is a map[string][]byte: templates range over it (`range $path, $_ := .Files.Glob`).
  const entries: GoMap = {};
  for (const [p, t] of byPath) entries[p] = t;
  return new GoStruct('common.Files', new Map(), undefined, {
    Get: def(['string'], ([name]) => byPath.get(name as string) ?? ''),
    GetBytes: def(['string'], ([name]) => byPath.get(name as string) ?? ''),
    Glob: def(['string'], ([pattern]) => {
      const re = globRegex(pattern as string);
      return filesObject(files.filter(f => re.test(f.path)));
    }),
    AsConfig: def([], () => asMap(t => t)),
    AsSecrets: def([], () => asMap(b64)),
    Lines: def(['string'], ([name]) => {
      const t = byPath.get(name as string);
      if (t === undefined || t === '') return [] as Value[];
      return (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n');
    }),
  }, entries);
}
