// Entry point of `kube-harden` (server/bin/kube-harden.js). Resolves to the exit status; never
// rejects, so the binary always exits with 0, 1 or 2.
import { parseArgs, UsageError } from './args';
import { runCheck } from './check';
import { Io, processIo } from './io';
import { runRules } from './rules';
import { helpText, version } from './usage';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CHART_FLAGS = new Set(['-f', '--values', '--set', '--set-string', '--set-json', '--set-file', '--release-name', '--namespace', '--kube-version', '--api-versions', '--include-crds', '--skip-tests', '--show-only', '--name-template']);
const TAKES_VALUE = new Set(['-f', '--values', '--set', '--set-string', '--set-json', '--set-file', '--release-name', '--namespace', '--kube-version', '--api-versions', '--show-only', '--name-template', '--load-restrictor']);

/**
 * `render <dir>` is a chart's when a chart-only flag is given, the folder holds a Chart.yaml, or
 * there is no such folder (the chart renderer says so); a folder without Chart.yaml, or Kustomize's
 * own flag, is a kustomization.
 */
function isChartCommand(args: readonly string[], cwd: string): boolean {
  let folder: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const name = args[i].split('=')[0];
    if (CHART_FLAGS.has(name)) return true;
    if (name === '--load-restrictor') return false;
    if (TAKES_VALUE.has(name) && !args[i].includes('=')) { i++; continue; }
    if (!args[i].startsWith('-') && folder === undefined) folder = args[i];
  }
  if (folder === undefined) return true;
  const dir = path.resolve(cwd, folder);
  return !fs.existsSync(dir) || fs.existsSync(path.join(dir, 'Chart.yaml'));
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    // `render` has its own small grammar, kept beside its command: a chart folder (Chart.yaml)
    // renders as `helm template`, any other folder as `kustomize build`.
    // Loaded for `render` only: the renderers are a tenth of a second of every other command's start.
    if (argv[0] === 'render') {
      return isChartCommand(argv.slice(1), io.cwd ?? process.cwd())
        ? await (await import('./render-chart.js')).runRenderChart(argv.slice(1), io)
        : (await import('./render.js')).runRender(argv.slice(1), io);
    }
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help': io.out(helpText(args.topic)); return 0;
      case 'version': io.out(version() + '\n'); return 0;
      case 'rules': return runRules(args, io);
      case 'check': return await runCheck(args, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kube-harden: error: ${e.message}\nRun "kube-harden --help" for usage.\n`);
      return 2;
    }
    io.err(`kube-harden: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
