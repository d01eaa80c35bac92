// `kube-harden render <chart>`: prints what `helm template` prints for the chart with the same
// flags (-f, --set, --set-string, --set-json, --set-file, --release-name, --namespace, --kube-version, --api-versions,
// --include-crds, --skip-tests, --show-only), rendered in-process without Helm or a cluster.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ChartRenderOptions, releaseNameFromTemplate, renderChart } from '../engine';
import { ChartReadError, readChartFiles } from '../host/chart-files';
import { Io } from './io';

const WITH_VALUE = new Set(['-f', '--values', '--set', '--set-string', '--set-json', '--set-file', '--release-name', '--namespace', '-n', '--kube-version', '--api-versions', '-a', '--show-only', '-s', '--name-template']);

interface RenderArgs { chart?: string; opts: ChartRenderOptions; valueFiles: string[]; showOnly: string[]; nameTemplate?: string }

function parse(argv: string[]): RenderArgs | string {
  const out: RenderArgs = { opts: { set: [], setString: [], setJson: [], setFile: [], apiVersions: [] }, valueFiles: [], showOnly: [] };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) { value = arg.slice(eq + 1); arg = arg.slice(0, eq); }
    if (WITH_VALUE.has(arg) && value === undefined) {
      if (i + 1 >= argv.length) return `${arg} needs a value`;
      value = argv[++i];
    }
    switch (arg) {
      case '-f': case '--values': out.valueFiles.push(...value!.split(',')); break;
      case '--set': out.opts.set!.push(value!); break;
      case '--set-string': out.opts.setString!.push(value!); break;
      case '--set-json': out.opts.setJson!.push(value!); break;
      case '--set-file': out.opts.setFile!.push(value!); break;
      case '--release-name': out.opts.releaseName = value; break;
      case '-n': case '--namespace': out.opts.namespace = value; break;
      case '--kube-version': out.opts.kubeVersion = value; break;
      case '-a': case '--api-versions': out.opts.apiVersions!.push(...value!.split(',')); break;
      case '--show-only': case '-s': out.showOnly.push(value!); break;
      case '--name-template': out.nameTemplate = value; break;
      case '--include-crds': out.opts.includeCrds = true; break;
      case '--skip-tests': out.opts.skipTests = true; break;
      default:
        if (arg.startsWith('-')) return `unknown option ${arg} for render`;
        if (out.chart) return `render takes one chart folder (got ${JSON.stringify(out.chart)} and ${JSON.stringify(arg)})`;
        out.chart = arg;
    }
  }
  if (!out.chart) return 'render needs a chart folder';
  return out;
}

/** helm template's --show-only: the documents whose `# Source:` (after the chart name) matches. */
function showOnly(text: string, patterns: string[]): string | { error: string } {
  const docs = text.split(/^---[ \t]*\n?/m).filter(d => d.trim() !== '').map(d => d.replace(/^\s+/, ''));
  const out: string[] = [];
  for (const p of patterns) {
    const re = new RegExp(`^${p.split('*').map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
    const hits = docs.filter(d => { const m = /# Source: [^/]+\/(.+)/.exec(d); return m !== null && re.test(m[1]); });
    if (!hits.length) return { error: `could not find template ${p} in chart` };
    out.push(...hits);
  }
  return out.map(d => `---\n${d}\n`).join('');
}

export async function runRenderChart(argv: string[], io: Io): Promise<number> {
  const args = parse(argv);
  if (typeof args === 'string') {
    io.err(`kube-harden: error: ${args}\nRun "kube-harden --help" for usage.\n`);
    return 2;
  }
  if (args.nameTemplate !== undefined) {
    const n = releaseNameFromTemplate(args.nameTemplate);
    if ('error' in n) { io.err(`Error: ${n.error}\n`); return 1; }
    args.opts.releaseName = n.name;
  }
  const dir = path.resolve(args.chart!);
  try {
    if (!fs.statSync(dir).isDirectory() || !fs.existsSync(path.join(dir, 'Chart.yaml'))) {
      io.err(`kube-harden: error: ${args.chart}: not a chart folder (no Chart.yaml)\n`);
      return 2;
    }
    args.opts.valueFiles = [];
    for (const f of args.valueFiles) {
      try { args.opts.valueFiles.push({ name: f, text: fs.readFileSync(f, 'utf8') }); } catch (e) {
        io.err(`kube-harden: error: ${f}: ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
      }
    }
    // --set-file paths are read as Helm reads them: relative to the working directory.
    const cwd = io.cwd ?? process.cwd();
    args.opts.readFile = p => fs.readFileSync(path.resolve(cwd, p), 'utf8');
    const result = renderChart(readChartFiles(dir), args.opts);
    if (!result.ok) {
      io.err(`Error: ${result.error}\n`);
      return 1;
    }
    if (!args.showOnly.length) { io.out(result.text); return 0; }
    const shown = showOnly(result.text, args.showOnly);
    if (typeof shown !== 'string') { io.err(`Error: ${shown.error}\n`); return 1; }
    io.out(shown);
    return 0;
  } catch (e) {
    const msg = e instanceof ChartReadError ? e.message : e instanceof Error ? e.message : String(e);
    io.err(`kube-harden: error: ${args.chart}: ${msg}\n`);
    return 2;
  }
}
