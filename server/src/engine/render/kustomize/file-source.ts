// How the renderer reads files: the host provides this (disk for the CLI, open documents plus
// disk for the language server, memory for tests). Paths are POSIX, absolute or root-relative.

export interface FileSource {
  /** The file's text, or undefined when there is no such file. */
  readFile(path: string): string | undefined;
  /**
   * The file's bytes. Generator inputs that are not UTF-8 go to a ConfigMap's binaryData as
   * Kustomize puts them; a source without this method gives their text only.
   */
  readBytes?(path: string): Uint8Array | undefined;
  /** Entry names in a folder (not paths), or undefined when it is not a folder. */
  listDir(path: string): string[] | undefined;
  /** 'file', 'dir' or undefined when nothing is there. */
  kindOf(path: string): 'file' | 'dir' | undefined;
}

export function joinPath(dir: string, rel: string): string {
  return normalizePath(rel.startsWith('/') ? rel : (dir === '' || dir === '.' ? rel : `${dir}/${rel}`));
}

export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length && out[out.length - 1] !== '..') out.pop();
    else if (part === '..' && abs) continue;
    else out.push(part);
  }
  const joined = out.join('/');
  return abs ? '/' + joined : joined === '' ? '.' : joined;
}

export function dirName(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i);
}

/** An in-memory source: paths map to file texts; folders are implied by the paths. */
export function memorySource(files: Record<string, string>, dirs: string[] = []): FileSource {
  const norm = new Map(Object.entries(files).map(([p, t]) => [normalizePath(p), t]));
  const folders = new Set<string>(['.', '/']);
  const addParents = (p: string) => { for (let d = dirName(p); !folders.has(d); d = dirName(d)) folders.add(d); };
  for (const p of norm.keys()) addParents(p);
  for (const d of dirs) { folders.add(normalizePath(d)); addParents(normalizePath(d)); }
  return {
    readFile: (p) => norm.get(normalizePath(p)),
    kindOf: (p) => (norm.has(normalizePath(p)) ? 'file' : folders.has(normalizePath(p)) ? 'dir' : undefined),
    listDir: (p) => {
      const d = normalizePath(p);
      if (!folders.has(d)) return undefined;
      const names = new Set<string>();
      for (const q of [...norm.keys(), ...folders]) if (q !== d && dirName(q) === d) names.add(q.slice(d === '.' ? 0 : d.length + 1));
      return [...names].sort();
    },
  };
}
