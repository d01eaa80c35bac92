// File-system facts the pure engine cannot know: is this file a Helm chart template?
// Used by the CLI and the language server alike.
import * as fs from 'node:fs';
import * as path from 'node:path';

const chartDirCache = new Map<string, boolean>();

function hasChartYaml(dir: string): boolean {
  let hit = chartDirCache.get(dir);
  if (hit === undefined) {
    try { hit = fs.statSync(path.join(dir, 'Chart.yaml')).isFile(); } catch { hit = false; }
    if (chartDirCache.size > 10_000) chartDirCache.clear();
    chartDirCache.set(dir, hit);
  }
  return hit;
}

/**
 * Where a file lies in a Helm chart: `helmTemplate` under its `templates/` folder (judged through the
 * rendered chart), `chartData` anywhere else in the chart but `crds/` (conf/, files/, ci/ ...): Helm
 * reads such a file only as .Files data, which templates may render (`tpl (.Files.Get ...)`), and
 * never applies it as written.
 */
export function helmPlace(file: string): { helmTemplate: boolean; chartData: boolean } {
  if (isHelmTemplatePath(file)) return { helmTemplate: true, chartData: false };
  let dir = path.dirname(path.resolve(file));
  let top = path.basename(path.resolve(file));
  for (let depth = 0; depth < 12; depth++) {
    if (hasChartYaml(dir)) return { helmTemplate: false, chartData: top !== 'crds' };
    const parent = path.dirname(dir);
    if (parent === dir) break;
    top = path.basename(dir);
    dir = parent;
  }
  return { helmTemplate: false, chartData: false };
}

/** True for files under a chart's `templates/` folder (a `Chart.yaml` beside that folder). */
export function isHelmTemplatePath(file: string): boolean {
  let dir = path.dirname(path.resolve(file));
  for (let depth = 0; depth < 12; depth++) {
    if (path.basename(dir) === 'templates' && hasChartYaml(path.dirname(dir))) return true;
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
  return false;
}
