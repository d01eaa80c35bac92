// The repository a checked file belongs to, so `check changed.yaml` judges the file as `check .`
// and the editor do: with the Namespace, NetworkPolicies and RBAC that live in other files of the
// same project. The context root of a path is the folder of the nearest `.kube-harden.yaml` at or
// below the git root (a project inside a monorepo), else the git root; outside a repository with
// no repository file there is no context beyond the paths given. Context files are summarised
// into the workspace model, never linted or reported.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../engine/checking';

function has(dir: string, name: string): boolean {
  try {
    // Most folders have neither: an error built and thrown for each costs more than the look-up.
    return fs.statSync(path.join(dir, name), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/**
 * The context root of a file or folder, or undefined when it has none. `known` holds the answer
 * for folders already walked: the files of one tree share their folders, and each folder asked
 * costs a look-up per repository file name.
 */
export function contextRoot(absolute: string, known = new Map<string, string | undefined>()): string | undefined {
  let dir = absolute;
  try {
    if (!fs.statSync(absolute).isDirectory()) dir = path.dirname(absolute);
  } catch {
    dir = path.dirname(absolute);
  }
  const walked: string[] = [];
  let root: string | undefined;
  for (;;) {
    if (known.has(dir)) { root = known.get(dir); break; }
    walked.push(dir);
    if (CONFIG_FILE_NAMES.some(n => has(dir, n)) || has(dir, '.git')) { root = dir; break; }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of walked) known.set(d, root);
  return root;
}

/** The distinct context roots of the given paths, outermost first, none inside another. */
export function contextRoots(absolutes: readonly string[]): string[] {
  const known = new Map<string, string | undefined>();
  const roots = [...new Set(absolutes.map(a => contextRoot(a, known)).filter((r): r is string => r !== undefined))].sort((a, b) => a.length - b.length);
  return roots.filter((r, i) => !roots.slice(0, i).some(o => r.startsWith(o + path.sep)));
}
