// `check` through Kustomize: the kustomization roots that reach the checked files are rendered
// and judged as applied; the files they reach are reported from those renders, not as written.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Finding, JudgeOptions, judgeRenders, KustomizePlan, LintResult, parseFile, planKustomize, ResolvedConfig, suppressInSource, WorkspaceIndex } from '../engine';
import { diskFileSource } from '../host/kustomize-files';
import { isKustomizationFile } from './renderer-roots';

export interface KustomizeRun {
  plan: KustomizePlan;
  /** Folders holding a kustomization among the files read (where the roots are found). */
  dirs: string[];
  /** Absolute paths of the files not to lint as written. */
  covered: ReadonlySet<string>;
}

/** `files`: absolute paths of every file read (context included); `checked`: those being checked. */
export function planRoots(files: readonly string[], checked: ReadonlySet<string>): KustomizeRun {
  const dirs = files.filter(isKustomizationFile).map(f => posix(path.dirname(f)));
  const plan = planKustomize(diskFileSource(), dirs, f => checked.has(f));
  return { plan, dirs, covered: plan.covered };
}

/**
 * The findings of the rendered roots, by absolute file path (only checked files), after the
 * suppression comments of each file.
 */
export function judgeRoots(run: KustomizeRun, workspace: WorkspaceIndex, configFor: (file: string) => ResolvedConfig,
  checked: ReadonlySet<string>): Map<string, LintResult> {
  const byFile = new Map<string, Finding[]>();
  const out = new Map<string, LintResult>();
  const files = diskFileSource();
  const judged = judgeRenders(files, run.plan, judgeOptions(workspace, configFor));
  for (const { file, finding } of judged) {
    if (!checked.has(file)) continue;
    const list = byFile.get(file) ?? [];
    list.push(finding);
    byFile.set(file, list);
  }
  // Every covered file: a suppression comment in one with no finding left is reported unused.
  for (const file of new Set([...byFile.keys(), ...[...run.covered].filter(f => checked.has(f))])) {
    const findings = byFile.get(file) ?? [];
    const text = files.readFile(file);
    let result: LintResult = { findings, failures: [] };
    try {
      if (text !== undefined) result = { ...suppressInSource(parseFile(text), findings, configFor(file)), failures: [] };
    } catch { /* unparsable: its findings stand */ }
    out.set(file, result);
  }
  return out;
}

/** How the roots are judged: each with the configuration of its kustomization's folder. */
export function judgeOptions(workspace: WorkspaceIndex, configFor: (file: string) => ResolvedConfig): JudgeOptions {
  return {
    workspace,
    configFor: root => configFor(path.join(root, 'kustomization.yaml')),
    renderedUri: root => pathToFileURL(path.join(root, '.rendered.yaml')).href,
  };
}

function posix(p: string): string {
  return p.split(path.sep).join('/');
}
