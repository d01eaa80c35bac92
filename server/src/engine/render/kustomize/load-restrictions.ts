// Kustomize's default load restriction: files a kustomization reads (resources, patches,
// generator inputs) must be in or below its own folder; only kustomization folders may be
// elsewhere.
import { KustomizeError } from './errors';
import { FileSource, joinPath } from './file-source';
import { Origin } from './model';

export function checkInRoot(path: string, k: { dir: string; restrictToRoot: boolean }, at?: Origin): void {
  if (!k.restrictToRoot) return;
  const root = k.dir;
  const r = root === '/' ? '/' : root + '/';
  if (root === '.' ? path.startsWith('../') || path.startsWith('/') : !(path + '/').startsWith(r)) {
    throw new KustomizeError(`security; file '${path}' is not in or below '${root}'`, at, 'load-restriction');
  }
}

/** A file a kustomization names (relative to its folder), read within the load restriction. */
export function readInRoot(fs: FileSource, k: { dir: string; restrictToRoot: boolean }, rel: string, at?: Origin): { file: string; text: string } {
  const file = joinPath(k.dir, rel);
  checkInRoot(file, k, at);
  const text = fs.readFile(file);
  if (text === undefined) throw new KustomizeError(`open ${file}: no such file or directory`, at, 'missing-resource');
  return { file, text };
}
