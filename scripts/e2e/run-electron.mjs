// The same extension-host suite in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code (these cannot: offline, use run.mjs). On Linux without a display,
// run it under `xvfb-run -a`.
//
//   node scripts/e2e/run-electron.mjs [--no-build]     (KUBE_HARDEN_E2E_VSCODE=1.100.3 to pin)
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build, makeSandbox, readSummary, report, root, testsIndex } from './common.mjs';

if (!process.argv.includes('--no-build')) build();
const sandbox = makeSandbox();
let problem;
try {
  await runTests({
    version: process.env.KUBE_HARDEN_E2E_VSCODE ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: testsIndex,
    extensionTestsEnv: { KUBE_HARDEN_E2E_RESULTS: sandbox.results },
    launchArgs: [
      sandbox.workspace,
      '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      `--user-data-dir=${join(sandbox.dir, 'user')}`,
    ],
  });
} catch (e) {
  // A failed test also lands here (non-zero exit); the summary file says which.
  problem = readSummary(sandbox.results)?.done ? undefined : `VS Code did not complete the suite: ${e instanceof Error ? e.message : e}`;
}
const code = report(readSummary(sandbox.results) ?? readSummary(`${sandbox.results}.partial`), problem);
if (code === 0) rmSync(sandbox.dir, { recursive: true, force: true });
else console.log(`e2e: sandbox kept in ${sandbox.dir}`);
process.exit(code);
