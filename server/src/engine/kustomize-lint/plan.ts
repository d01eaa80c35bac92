// Which kustomization roots to render and which files they take over: a file a rendered root
// reaches is judged through that root's output, never also as written; a patch, a component or a
// kustomization file is never judged as a whole object, even when its root fails to render.
import { FileSource, inclusionMap, Inclusion, kustomizationRoots, renderKustomization, RenderResult } from '../render/kustomize';
import { kustomizationFilesIn } from '../render/kustomize/file-names';

export interface RootRender {
  root: string;
  result: RenderResult;
}

export interface KustomizePlan {
  renders: RootRender[];
  /** For each file a root reaches, how (every root, rendered or not). */
  inclusions: Map<string, Inclusion[]>;
  /** Files not to lint as written: reached by a root that rendered, or partial by role. */
  covered: Set<string>;
}

export interface PlanOptions {
  /** How a root is rendered (the language server reuses a render whose files did not change). */
  render?(fs: FileSource, root: string): RenderResult;
  /**
   * Also the roots that reach any file the wanted files' roots reach (the other overlays of the
   * same base): whether a finding holds in every overlay is a question about all of them.
   */
  siblings?: boolean;
}

/** Roles whose files are not objects of their own: judged only through what they change. */
const PARTIAL_ROLES = new Set<Inclusion['role']>(['patch', 'kustomization', 'component', 'generator-input', 'replacement', 'crd', 'configuration']);

/**
 * `dirs`: every folder holding a kustomization among the files seen (the roots are found among
 * them); `wanted`: the files being checked (only roots reaching one of them are rendered).
 */
export function planKustomize(fs: FileSource, dirs: readonly string[], wanted: (file: string) => boolean = () => true,
  options: PlanOptions = {}): KustomizePlan {
  // A Component is built only into a kustomization that lists it, never on its own.
  const sorted = [...new Set(dirs)].sort().filter(d => !isComponent(fs, d));
  const all = kustomizationRoots(fs, sorted);
  let reached = inclusionMap(fs, all);
  // Kustomizations that include each other (a cycle) leave no root: the first of them is one, so
  // the cycle is reported, not silently skipped.
  for (const dir of sorted) {
    if (all.includes(dir) || ownFiles(dir).some(f => reached.has(f)) || !ownFiles(dir).some(f => fs.kindOf(f) === 'file')) continue;
    all.push(dir);
    reached = inclusionMap(fs, all);
  }
  const reaching = (want: (file: string) => boolean) => all.filter(root => ownFiles(root).some(want)
    || [...reached].some(([file, list]) => want(file) && list.some(i => i.root === root)));
  let roots = reaching(wanted);
  if (options.siblings) {
    const shared = new Set([...reached].filter(([, list]) => list.some(i => roots.includes(i.root))).map(([file]) => file));
    roots = reaching(f => shared.has(f) || wanted(f));
  }
  const render = options.render ?? renderSafely;
  const renders = roots.map(root => ({ root, result: render(fs, root) }));
  const inclusions = inclusionMap(fs, roots);
  const rendered = new Set(renders.filter(r => r.result.ok).map(r => r.root));
  const covered = new Set<string>();
  for (const [file, list] of inclusions) {
    if (list.some(i => rendered.has(i.root) || PARTIAL_ROLES.has(i.role))) covered.add(file);
  }
  // A root's own kustomization is judged through its render (an unreadable one too: its error is there).
  for (const root of roots) for (const f of ownFiles(root)) if (fs.kindOf(f) === 'file') covered.add(f);
  return { renders, inclusions, covered };
}

function isComponent(fs: FileSource, dir: string): boolean {
  return ownFiles(dir).some(f => /^kind:[ \t]*Component[ \t]*(#.*)?$/m.test(fs.readFile(f) ?? ''));
}

/** The names Kustomize reads a folder's kustomization from. */
function ownFiles(dir: string): string[] {
  return kustomizationFilesIn(dir);
}

/** The renderer reports what it knows as errors; anything else it throws is still no crash here. */
export function renderSafely(fs: FileSource, root: string): RenderResult {
  try {
    return renderKustomization(fs, root);
  } catch (e) {
    return { ok: false, error: { message: `render failed: ${e instanceof Error ? e.message : String(e)}`, code: 'other' }, notes: [] };
  }
}
