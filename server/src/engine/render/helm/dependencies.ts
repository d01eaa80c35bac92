// Which subcharts take part (pkg/chart/v2/util/dependencies.go): Chart.yaml's dependencies
// matched to the charts/ folders, aliases as renamed copies, `tags` then `condition` deciding,
// and `import-values` lifting a child's values into the parent's.
import { GoMap } from '../gotemplate';
import { Chart, Dependency } from './chart';
import { coalesceChart, coalesceTables, deepCopy, isTable, pathValue, tableAt } from './coalesce';
import { versionMatches } from './semver-range';

function withName(chart: Chart, name: string): Chart {
  return { ...chart, name, dependencies: [...chart.dependencies], deps: chart.deps.map(d => ({ ...d })) };
}

/** ProcessDependencies: prunes disabled subcharts, then imports values (merge mode, as install). */
export function processDependencies(chart: Chart, userValues: GoMap): void {
  processEnabled(chart, userValues, '');
  processImports(chart);
}

function matches(dep: Dependency, chart: Chart): boolean {
  return chart.name === dep.name && versionMatches(dep.version, String(chart.metadata.version ?? ''));
}

function processEnabled(chart: Chart, vals: GoMap, path: string): void {
  if (chart.deps.length === 0) return;
  // Charts in charts/ that no dependency names stay; named ones come back once per entry (alias).
  const kept = chart.dependencies.filter(c => !chart.deps.some(d => matches(d, c)));
  for (const dep of chart.deps) {
    const found = chart.dependencies.find(c => matches(dep, c));
    if (found) kept.push(dep.alias ? withName(found, dep.alias) : withName(found, found.name));
    if (dep.alias) dep.name = dep.alias;
  }
  chart.dependencies = kept;
  for (const d of chart.deps) d.enabled = true;
  const cvals = coalesceChart(chart, vals, false);
  processTags(chart.deps, cvals);
  processConditions(chart.deps, cvals, path);
  const off = new Set(chart.deps.filter(d => !d.enabled).map(d => d.name));
  chart.dependencies = chart.dependencies.filter(c => !off.has(c.name));
  chart.deps = chart.deps.filter(d => !off.has(d.name));
  for (const sub of chart.dependencies) processEnabled(sub, cvals, `${path}${sub.name}.`);
}

function processTags(deps: Dependency[], cvals: GoMap): void {
  const tags = cvals.tags;
  if (!isTable(tags)) return;
  for (const d of deps) {
    let hasTrue = false, hasFalse = false;
    for (const t of d.tags) {
      const b = tags[t];
      if (b === true) hasTrue = true;
      else if (b === false) hasFalse = true;
    }
    if (!hasTrue && hasFalse) d.enabled = false;
    else d.enabled = true;
  }
}

function processConditions(deps: Dependency[], cvals: GoMap, path: string): void {
  for (const d of deps) {
    for (const c of (d.condition ?? '').trim().split(',')) {
      if (!c) continue;
      const v = pathValue(cvals, path + c);
      if (typeof v === 'boolean') { d.enabled = v; break; }
    }
  }
}

/** `parent` as a nested table: "a.b" -> { a: { b: data } }, "." -> data. */
function pathToMap(path: string, data: GoMap): GoMap {
  if (path === '.') return data;
  return path.split('.').reduceRight<GoMap>((acc, k) => ({ [k]: acc }), data);
}

function processImports(chart: Chart): void {
  for (const d of chart.dependencies) processImports(d);
  if (chart.deps.length === 0) return;
  const cvals = coalesceChart(chart, null, true);
  let b: GoMap = {};
  for (const r of chart.deps) {
    for (const iv of r.importValues) {
      let child: string, parent: string;
      if (isTable(iv)) { child = String(iv.child); parent = String(iv.parent); }
      else if (typeof iv === 'string') { child = `exports.${iv}`; parent = '.'; }
      else continue;
      const table = tableAt(cvals, `${r.name}.${child}`);
      if (!table) continue;
      b = mergeTablesInto(b, pathToMap(parent, deepCopy(table)));
    }
  }
  chart.values = mergeTablesInto(deepCopy(cvals), b);
}

/** MergeTables(dst, src): dst wins, src fills, nulls kept. */
function mergeTablesInto(dst: GoMap, src: GoMap): GoMap {
  return coalesceTables(dst, src, true);
}

