// Kustomize's default load restriction: files a kustomization reads (resources, patches,
// generator inputs) must be in or below its own folder; only kustomization folders may be
// elsewhere.
import { KustomizeError } from './errors';
import { Origin } from './model';

export function checkInRoot(path: string, root: string, at?: Origin): void {
  const r = root === '/' ? '/' : root + '/';
  if (root === '.' ? path.startsWith('../') || path.startsWith('/') : !(path + '/').startsWith(r)) {
    throw new KustomizeError(`security; file '${path}' is not in or below '${root}'`, at);
  }
}
