// Reads a chart folder for the pure Helm renderer: every file under it (subcharts included),
// bounded in count and size so a hostile or enormous chart cannot exhaust memory.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHART_LIMITS, ChartFile, chartFileText, isPackagedSubchart } from '../engine';
import { ArchiveError, unpackSubchart } from './chart-archive';

export class ChartReadError extends Error {}

/** All files of the chart at `dir`, paths relative to it with `/`; throws ChartReadError past a bound. */
export function readChartFiles(dir: string, limits = CHART_LIMITS): ChartFile[] {
  const out: ChartFile[] = [];
  let total = 0;
  const walk = (abs: string, rel: string, depth: number): void => {
    if (depth > limits.maxDepth) throw new ChartReadError(`${rel}: folders nested too deep`);
    const entries = fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const childAbs = path.join(abs, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      let st: fs.Stats;
      try { st = fs.statSync(childAbs); } catch { continue; } // a dangling link: Helm's loader skips it too
      if (st.isDirectory()) { walk(childAbs, childRel, depth + 1); continue; }
      if (!st.isFile()) continue;
      if (out.length >= limits.maxFiles) throw new ChartReadError(`more than ${limits.maxFiles} files`);
      if (st.size > limits.maxFileBytes) throw new ChartReadError(`${childRel}: file larger than ${limits.maxFileBytes} bytes`);
      total += st.size;
      if (total > limits.maxTotalBytes) throw new ChartReadError(`chart larger than ${limits.maxTotalBytes} bytes`);
      if (isPackagedSubchart(childRel)) {
        // A packaged subchart: unpacked here so the renderer sees it as a folder.
        try {
          const inner = unpackSubchart(childRel, fs.readFileSync(childAbs), { maxFiles: limits.maxFiles - out.length, maxBytes: limits.maxTotalBytes - total });
          for (const f of inner) total += f.text.length;
          if (total > limits.maxTotalBytes) throw new ChartReadError(`chart larger than ${limits.maxTotalBytes} bytes`);
          out.push(...inner);
        } catch (e) {
          if (e instanceof ArchiveError) throw new ChartReadError(`${childRel}: ${e.message}`);
          throw e;
        }
        continue;
      }
      const text = fs.readFileSync(childAbs, 'utf8');
      out.push({ path: childRel, text: chartFileText(childRel, text) });
    }
  };
  walk(dir, '', 0);
  return out;
}
