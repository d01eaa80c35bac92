// Which of the files `check` reads bring the renderers in: a kustomization (its roots are judged
// as rendered) or a file of a Helm chart (the chart is rendered). Kept apart from the passes
// themselves (kustomize.ts, check-charts.ts) so a tree with neither never loads the renderers.
import * as path from 'node:path';
import { chartOf, chartYamlLookup } from '../host/chart-root';

const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

/** True for a file Kustomize reads as a kustomization (by its name, as kustomize build finds it). */
export function isKustomizationFile(file: string): boolean {
  return KUSTOMIZATION_NAMES.has(path.basename(file));
}

/**
 * A chart folder: absolute, as the user named it (the base of the file names reported), and,
 * when only some of its templates were named, those templates (the findings reported).
 */
export interface ChartRoot { dir: string; display: string; only?: Set<string> }

/**
 * Charts among the files found. A Chart.yaml, values.yaml or ci/ values file brings the whole
 * chart; templates named on their own bring the chart rendered, with only their findings reported.
 */
export function chartRoots(files: ReadonlyArray<{ absolute: string; display: string }>): ChartRoot[] {
  const roots = new Map<string, ChartRoot>();
  const hasChart = chartYamlLookup();
  for (const f of files) {
    const dir = chartOf(f.absolute, hasChart);
    if (!dir) continue;
    const rel = path.relative(dir, f.absolute);
    const parts = rel.split(path.sep);
    const template = parts.includes('templates');
    const whole = !template && (/^(Chart|values)\.yaml$/.test(path.basename(rel)) || /[\\/]?ci[\\/][^\\/]+-values\.ya?ml$/.test(rel));
    if (!template && !whole) continue;
    const display = f.display.endsWith(rel) ? f.display.slice(0, f.display.length - rel.length).replace(/[\\/]$/, '') || '.' : path.dirname(f.display);
    const root = roots.get(dir) ?? { dir, display, only: new Set<string>() };
    if (whole) root.only = undefined;
    else root.only?.add(path.resolve(f.absolute));
    roots.set(dir, root);
  }
  return [...roots.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}
