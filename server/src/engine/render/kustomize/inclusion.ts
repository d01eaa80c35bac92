// Which kustomization roots include a file, and as what: a resource, a patch, a component,
// a kustomization, a generator input (a chart's values file too), a replacement source, the
// Chart.yaml of a chart it inflates. Read from the kustomization files
// alone (nothing is rendered), so a patch file is never judged as a whole object and a change
// to a file re-renders only the roots that reach it.
import { FileSource, joinPath } from './file-source';
import { findKustomizationFile, Kustomization, listField, loadKustomization } from './kustomization';
import { get, isMap, isSeq, KNode, Origin, str } from './model';
import { readsKeep, ReadsMemo } from './reads';
import { chartFolderOf } from './helm-charts';

export type InclusionRole = 'kustomization' | 'component' | 'resource' | 'patch' | 'generator-input' | 'replacement' | 'crd' | 'configuration' | 'chart';

export interface Inclusion {
  /** The root kustomization folder the file is reached from. */
  root: string;
  role: InclusionRole;
  /** The kustomization entry that names the file (absent for a root's own kustomization). */
  entry?: Origin;
}

// What the kustomizations say is asked at every keystroke (plan.ts), and a keystroke seldom
// changes a kustomization: the answers are kept while every file they read reads the same.
const MEMO_LIMIT = 16;
const inclusionsMemo: ReadsMemo<Map<string, Inclusion[]>> = new Map();
const rootsMemo: ReadsMemo<string[]> = new Map();

/** Walks of the kustomizations made (not answered from what was kept) since start: tests read it. */
export const inclusionStats = { walks: 0 };

/**
 * Every file each root reaches, with its roles; unreadable kustomizations are skipped. The map
 * may be the one handed out before for the same answers: never change it.
 */
export function inclusionMap(fs: FileSource, roots: readonly string[]): Map<string, Inclusion[]> {
  return readsKeep(inclusionsMemo, MEMO_LIMIT, roots.join('\0'), fs, (recording) => walkRoots(recording, roots));
}

function walkRoots(fs: FileSource, roots: readonly string[]): Map<string, Inclusion[]> {
  inclusionStats.walks++;
  const out = new Map<string, Inclusion[]>();
  const add = (file: string, inc: Inclusion) => {
    const list = out.get(file) ?? [];
    if (!list.some((x) => x.root === inc.root && x.role === inc.role && x.entry?.range[0] === inc.entry?.range[0] && x.entry?.file === inc.entry?.file)) list.push(inc);
    out.set(file, list);
  };
  for (const root of roots) walk(fs, root, root, 'kustomization', undefined, new Set(), add);
  return out;
}

/** How `file` is included by `roots` (empty when no root reaches it). */
export function inclusionsOf(fs: FileSource, roots: readonly string[], file: string): Inclusion[] {
  return [...(inclusionMap(fs, roots).get(file) ?? [])];
}

/**
 * Roots among `dirs` (folders with a kustomization): those no other of them includes as a
 * resource or component folder.
 */
export function kustomizationRoots(fs: FileSource, dirs: readonly string[]): string[] {
  return readsKeep(rootsMemo, MEMO_LIMIT, dirs.join('\0'), fs, (recording) => findRoots(recording, dirs)).slice();
}

function findRoots(fs: FileSource, dirs: readonly string[]): string[] {
  inclusionStats.walks++;
  const included = new Set<string>();
  for (const d of dirs) {
    const k = tryLoad(fs, d);
    if (!k) continue;
    for (const field of ['resources', 'bases', 'components']) {
      for (const n of safeList(k, field)) {
        const p = str(n);
        if (p !== undefined && fs.kindOf(joinPath(d, p)) === 'dir') included.add(joinPath(d, p));
      }
    }
  }
  return dirs.filter((d) => !included.has(d) && hasKustomization(fs, d));
}

function walk(fs: FileSource, root: string, dir: string, role: 'kustomization' | 'component', entry: Origin | undefined,
  seen: Set<string>, add: (file: string, inc: Inclusion) => void): void {
  if (seen.has(dir)) return;
  seen.add(dir);
  const k = tryLoad(fs, dir);
  if (!k) return;
  add(k.file, { root, role, entry });
  const file = (n: KNode, r: InclusionRole, rel?: string) => {
    const p = rel ?? str(n);
    if (p === undefined) return;
    const full = joinPath(dir, p);
    if (fs.kindOf(full) === 'file') add(full, { root, role: r, entry: n.origin });
  };
  for (const field of ['resources', 'bases']) {
    for (const n of safeList(k, field)) {
      const p = str(n);
      if (p === undefined) continue;
      const full = joinPath(dir, p);
      if (fs.kindOf(full) === 'dir') walk(fs, root, full, 'kustomization', n.origin, seen, add);
      else file(n, 'resource');
    }
  }
  for (const n of safeList(k, 'components')) {
    const p = str(n);
    if (p !== undefined) walk(fs, root, joinPath(dir, p), 'component', n.origin, seen, add);
  }
  for (const n of safeList(k, 'patchesStrategicMerge')) file(n, 'patch');
  for (const field of ['patches', 'patchesJson6902']) for (const n of safeList(k, field)) {
    const path = get(n, 'path');
    if (path) file(path, 'patch');
  }
  for (const field of ['configMapGenerator', 'secretGenerator']) for (const g of safeList(k, field)) {
    for (const list of ['files', 'envs']) {
      const items = get(g, list);
      for (const n of isSeq(items) ? items.items : []) {
        const s = str(n) ?? '';
        file(n, 'generator-input', list === 'files' && s.includes('=') ? s.slice(s.indexOf('=') + 1) : s);
      }
    }
    const env = get(g, 'env');
    if (env) file(env, 'generator-input');
  }
  // A chart's values the kustomization names are its input as a generator's files are (helm-origins.ts marks findings there).
  for (const c of safeList(k, 'helmCharts')) {
    // The chart folder it inflates, by its Chart.yaml: the chart is judged through the root, not on its own.
    const chart = chartFolderOf(k, c);
    if (chart !== undefined && fs.kindOf(`${chart}/Chart.yaml`) === 'file') add(`${chart}/Chart.yaml`, { root, role: 'chart', entry: c.origin });
    const values = get(c, 'valuesFile');
    if (values) file(values, 'generator-input');
    const extra = get(c, 'additionalValuesFiles');
    for (const n of isSeq(extra) ? extra.items : []) file(n, 'generator-input');
  }
  for (const r of safeList(k, 'replacements')) { const p = get(r, 'path'); if (isMap(r) && p) file(p, 'replacement'); }
  for (const n of safeList(k, 'crds')) file(n, 'crd');
  for (const n of safeList(k, 'configurations')) file(n, 'configuration');
}

function tryLoad(fs: FileSource, dir: string): Kustomization | undefined {
  try { return loadKustomization(fs, dir); } catch { return undefined; }
}

function safeList(k: Kustomization, field: string): KNode[] {
  try { return listField(k, field); } catch { return []; }
}

/** Two kustomization files in one folder is an error to render, but still a root to report. */
function hasKustomization(fs: FileSource, dir: string): boolean {
  try { return findKustomizationFile(fs, dir) !== undefined; } catch { return true; }
}
