// buildMetadata: [originAnnotations] — Kustomize records in each object where it came from
// (`config.kubernetes.io/origin`): the file, relative to the root, or the generator that made it.
import { ensureMap, Origin, scalar, set } from './model';
import { Resource } from './resource';

export function addOriginAnnotations(res: Resource[], rootDir: string): void {
  for (const r of res) {
    const gen = r.generated;
    const text = gen
      ? `configuredIn: ${relative(rootDir, gen.entry.file)}\nconfiguredBy:\n  apiVersion: builtin\n  kind: ${r.kind === 'Secret' ? 'SecretGenerator' : 'ConfigMapGenerator'}\n`
      : `path: ${relative(rootDir, r.origin.file)}\n`;
    const at: Origin = gen ? gen.entry : r.origin;
    const annotations = ensureMap(r.node, ['metadata', 'annotations'], at);
    if (annotations) set(annotations, 'config.kubernetes.io/origin', scalar(text, at));
  }
}

/** POSIX relative path from a folder to a file ("../base/service.yaml"). */
export function relative(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter((p) => p && p !== '.');
  const target = to.split('/').filter((p) => p && p !== '.');
  let i = 0;
  while (i < from.length && i < target.length - 1 && from[i] === target[i]) i++;
  return [...from.slice(i).map(() => '..'), ...target.slice(i)].join('/');
}
