// Kustomize's default load restriction: files a kustomization reads (resources, patches,
// generator inputs) must be in or below its own folder; only kustomization folders may be
// elsewhere.
import { KustomizeError } from './errors';
import { Origin } from './model';

export function checkInRoot(path: string, k: { dir: string; restrictToRoot: boolean }, at?: Origin): void {
  if (!k.restrictToRoot) return;
  const root = k.dir;
  const r = root === '/' ? '/' : root + '/';
  if (root === '.' ? path.startsWith('../') || path.startsWith('/') : !(path + '/').startsWith(r)) {
    throw new KustomizeError(`security; file '${path}' is not in or below '${root}'`, at, 'load-restriction');
  }
}
