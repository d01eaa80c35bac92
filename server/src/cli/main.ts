// Entry point of `kube-harden` (server/bin/kube-harden.js). Resolves to the exit status; never
// rejects, so the binary always exits with 0, 1 or 2.
import { parseArgs, UsageError } from './args';
import { runCheck } from './check';
import { Io, processIo } from './io';
import { runRenderChart } from './render-chart';
import { runRules } from './rules';
import { helpText, version } from './usage';

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    if (argv[0] === 'render') return await runRenderChart(argv.slice(1), io);
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
