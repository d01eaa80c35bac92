// `check` through Kustomize: the kustomization roots that reach the checked files are rendered
// and judged as applied; the files they reach are reported from those renders, not as written.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Finding, judgeRenders, KustomizePlan, planKustomize, ResolvedConfig, WorkspaceIndex } from '../engine';
import { diskFileSource } from '../host/kustomize-files';

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

export interface KustomizeRun {
  plan: KustomizePlan;
  /** Absolute paths of the files not to lint as written. */
  covered: ReadonlySet<string>;
}

/** `files`: absolute paths of every file read (context included); `checked`: those being checked. */
export function planRoots(files: readonly string[], checked: ReadonlySet<string>): KustomizeRun {
  const dirs = files.filter(f => KUSTOMIZATION_NAMES.has(path.basename(f))).map(f => posix(path.dirname(f)));
  const plan = planKustomize(diskFileSource(), dirs, f => checked.has(f));
  return { plan, covered: plan.covered };
}

/** The findings of the rendered roots, by absolute file path (only checked files). */
export function judgeRoots(run: KustomizeRun, workspace: WorkspaceIndex, configFor: (file: string) => ResolvedConfig,
  checked: ReadonlySet<string>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  if (!run.plan.renders.length) return out;
  const judged = judgeRenders(diskFileSource(), run.plan, {
    workspace,
    configFor: root => configFor(path.join(root, 'kustomization.yaml')),
    renderedUri: root => pathToFileURL(path.join(root, '.rendered.yaml')).href,
  });
  for (const { file, finding } of judged) {
    if (!checked.has(file)) continue;
    const list = out.get(file) ?? [];
    list.push(finding);
    out.set(file, list);
  }
  return out;
}

function posix(p: string): string {
  return p.split(path.sep).join('/');
}
