// Which chart a file belongs to, and what role it plays there: the CLI and the language server
// both render the outermost chart (a subchart renders through its parent).
import * as fs from 'node:fs';
import * as path from 'node:path';

const hasChartYaml = (dir: string) => fs.existsSync(path.join(dir, 'Chart.yaml'));

/**
 * A look-up of Chart.yaml by folder that asks the disk once per folder: for one pass over many
 * files (the CLI's), whose folders are shared.
 */
export function chartYamlLookup(): (dir: string) => boolean {
  const known = new Map<string, boolean>();
  return dir => {
    let hit = known.get(dir);
    if (hit === undefined) known.set(dir, hit = hasChartYaml(dir));
    return hit;
  };
}

/** The outermost chart folder a file belongs to, if any (`hasChart`: see chartYamlLookup). */
export function chartOf(file: string, hasChart: (dir: string) => boolean = hasChartYaml): string | undefined {
  let found: string | undefined;
  let dir = path.dirname(file);
  for (let depth = 0; depth < 24; depth++) {
    if (hasChart(dir)) found = dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    // Above a chart, only a parent chart's charts/ folder continues the chain.
    if (found && path.basename(dir) !== 'charts' && !hasChart(dir)) break;
  }
  return found;
}

/** What a chart file (path relative to the chart folder, `/`-separated) contributes to a render. */
export type ChartFileRole = 'template' | 'values' | 'chart' | undefined;

export function chartFileRole(rel: string): ChartFileRole {
  const parts = rel.split('/');
  if (parts.includes('templates')) return 'template';
  const base = parts[parts.length - 1];
  if (base === 'values.yaml' || /^ci\/[^/]+-values\.ya?ml$/.test(rel)) return 'values';
  if (base === 'Chart.yaml') return 'chart';
  return undefined;
}
