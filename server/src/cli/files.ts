// Which files a `check` reads. Directories are walked in a fixed order (names compared by code
// unit, not locale) so two runs on two machines list the same files in the same order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isConfigFileName } from '../engine/checking';
import { entryKind, listFolderOnce } from '../host/dirent';

export interface SourceFile {
  /** The name shown to the user: the argument as given, or the directory argument + relative path. */
  display: string;
  absolute: string;
  /** Named on the command line (not found by walking a directory). */
  named?: boolean;
  /** For a file found by walking a directory: that directory argument (absolute): fixes stay inside it. */
  root?: string;
}

export interface Discovery {
  files: SourceFile[];
  /** Paths that could not be read: reported on stderr, exit status 2. */
  errors: string[];
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export function isManifestName(name: string): boolean {
  const lower = name.toLowerCase();
  return MANIFEST_EXTENSIONS.some(ext => lower.endsWith(ext));
}

export async function discover(args: readonly string[], cwd = process.cwd()): Promise<Discovery> {
  const files: SourceFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (display: string, absolute: string, named = false, root?: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push(named ? { display, absolute, named } : root ? { display, absolute, root } : { display, absolute });
  };

  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(absolute);
    } catch (e) {
      errors.push(`${arg}: ${describe(e)}`);
      continue;
    }
    // A file named on the command line is read whatever its extension: the user chose it.
    if (stat.isFile()) add(arg, absolute, true);
    else if (stat.isDirectory()) walk(absolute, directoryPrefix(arg), new Set(), (d, a) => add(d, a, false, absolute), errors);
    else errors.push(`${arg}: not a regular file or directory`);
  }
  return { files, errors };
}

/** `dir`, `dir/` and `dir//` all show their files as `dir/<relative path>`; `./dir` stays `./dir/...`. */
function directoryPrefix(arg: string): string {
  const trimmed = arg.replace(/[\\/]+$/, '');
  return trimmed === '' ? arg.slice(0, 1) : trimmed + path.sep;
}

function walk(
  dir: string,
  prefix: string,
  visited: Set<string>,
  add: (display: string, absolute: string) => void,
  errors: string[],
): void {
  let entries: fs.Dirent[] | undefined;
  try {
    entries = listFolderOnce(dir, visited);
  } catch (e) {
    errors.push(`${shown(prefix)}: ${describe(e)}`);
    return;
  }
  for (const entry of entries ?? []) {
    const absolute = path.join(dir, entry.name);
    const display = prefix + entry.name;
    let kind: { isDir: boolean; isFile: boolean };
    try {
      kind = entryKind(absolute, entry);
    } catch (e) {
      // A dangling link is only an error where a manifest was expected.
      if (isManifestName(entry.name)) errors.push(`${display}: ${describe(e)}`);
      continue;
    }
    const { isDir, isFile } = kind;
    if (isDir) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(absolute, display + path.sep, visited, add, errors);
    } else if (isFile && isManifestName(entry.name) && !isConfigFileName(entry.name)) {
      add(display, absolute);
    }
  }
}

/** A directory's prefix as the directory's own name. */
function shown(prefix: string): string {
  return prefix.length > 1 ? prefix.slice(0, -1) : prefix;
}

export function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EISDIR': return 'is a directory';
    default: return e instanceof Error ? e.message : String(e);
  }
}
