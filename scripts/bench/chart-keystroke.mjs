// Keystroke cost of a chart in the editor: what the language server does after an edit of a
// chart file (render the chart with every value set, lint the rendered objects, map each
// finding to its template and values node), on ingress-nginx's chart (45 templates, values.yaml
// and 14 ci/*-values.yaml sets) after a template edit and after a values.yaml edit; then the
// same with values.yaml alone, and the proof of one quick fix (a render with the edit). Prints
// median and p95; asserts nothing. Uses the built server (run `npx tsc -b` first).
//
//   node scripts/bench/chart-keystroke.mjs [--runs N]
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'server', 'out');
if (!fs.existsSync(path.join(out, 'engine', 'index.js'))) {
  console.error('bench: server/out not found: build first with `npx tsc -b`');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { chartFix, chartValueSets, judgeChart, resolveConfig } = require(path.join(out, 'engine', 'index.js'));
const { readChartFiles } = require(path.join(out, 'host', 'chart-files.js'));

const args = process.argv.slice(2);
const runs = Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 10);
const WARMUP = 3;
const chartDir = path.join(root, 'test', 'fixtures', 'helm', 'real', 'ingress-nginx', 'chart');
const base = readChartFiles(chartDir);
const config = resolveConfig({});
const judge = (files, sets) => judgeChart(files, { sets: sets ?? chartValueSets(files), config: () => config, uriOf: (p, s, i) => `file:///chart/${p}#${s}-${i}` });

/** The chart with one file's text changed at keystroke `n` (a different text each time, as typing). */
function edited(file, n, edit) {
  return base.map(f => (f.path === file ? { path: f.path, text: edit(f.text, n) } : f));
}
const TEMPLATE = 'templates/controller-deployment.yaml';
const templateEdit = (t, n) => t.replace('kind: Deployment', `kind: Deployment\n# typing ${n}`);
const valuesEdit = (t, n) => t.replace(/^(\s*)terminationGracePeriodSeconds: \d+/m, (_m, i) => `${i}terminationGracePeriodSeconds: ${300 + n}`);

function measure(label, step) {
  for (let i = 0; i < WARMUP; i++) step(-1 - i);
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = step(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = q => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`  ${label.padEnd(46)} median ${at(0.5).toFixed(1).padStart(7)} ms   p95 ${at(0.95).toFixed(1).padStart(7)} ms${last ? `   ${last}` : ''}`);
}

const sets = chartValueSets(base);
const templates = base.filter(f => f.path.startsWith('templates/')).length;
console.log(`\nChart keystroke (ingress-nginx: ${templates} templates, ${sets.length} value sets), ${runs} runs:`);
measure('template edit: render + judge, all value sets', n => {
  const j = judge(edited(TEMPLATE, n, templateEdit));
  return `${j.findings.length} findings`;
});
measure('values.yaml edit: render + judge, all value sets', n => {
  const j = judge(edited('values.yaml', n, valuesEdit));
  return `${j.findings.length} findings`;
});
measure('template edit: render + judge, values.yaml only', n => {
  const j = judge(edited(TEMPLATE, n, templateEdit), [{ name: 'values.yaml' }]);
  return `${j.findings.length} findings`;
});
const judged = judge(base, [{ name: 'values.yaml' }]);
const withFix = judged.findings.filter(f => f.finding.fix);
let k = 0;
measure('quick fix: move + prove one finding\'s fix', () => {
  const f = withFix[k++ % withFix.length];
  const fix = chartFix(base, judged, f, { config });
  return fix ? `${fix.where}` : 'none';
});
