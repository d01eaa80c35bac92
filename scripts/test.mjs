// The one command that runs every test (README, .ci/run): build, unit + protocol suites, the
// Pod Security Admission conformance of the built CLI (mocha also packages the .vsix and checks
// it), ESLint (0 problems), and the extension-host suite in a real VS Code (code-server +
// headless Chromium, installed
// by scripts/e2e/install.sh), against the dev tree and against the installed .vsix, and a smoke
// test of `npm run demo`. Prints one closing line for CI: "N passed, N failed".
// KUBE_HARDEN_SKIP_E2E=1 skips the editor suites and the demo.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let passed = 0, failed = 0;

function step(name, cmd, args, parse) {
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
  process.stdout.write(r.stdout ?? '');
  const counted = parse ? parse(r.stdout ?? '') : null;
  if (counted) { passed += counted.passed; failed += counted.failed; }
  else if (r.status === 0) passed++;
  else failed++;
  if (r.status !== 0 && !(counted && counted.failed > 0)) {
    process.stdout.write(`${name}: exited with ${r.status ?? r.signal}\n`);
    if (counted && counted.failed === 0) failed++;
  }
  return r.status === 0;
}

const built = step('build', 'npx', ['--no-install', 'tsc', '-b']);
// The engine's purity and the front ends' use of its public API only (eslint.config.mjs).
step('lint', 'npx', ['--no-install', 'eslint', '.']);
if (built) {
  step('unit and protocol tests', 'npx', ['--no-install', 'mocha'], out => {
    const m = /unit: (\d+) passed, (\d+) failed/.exec(out);
    return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
  });
  // The Kubernetes project's fixtures, kept in test/fixtures/pod-security-admission.
  step('PSA conformance of the CLI (every policy version)', 'node', ['scripts/conformance.mjs']);
  if (process.env.KUBE_HARDEN_SKIP_E2E === '1') process.stdout.write('\n=== extension-host tests skipped (KUBE_HARDEN_SKIP_E2E=1)\n');
  else if (step('install the offline editor (code-server, chromium)', 'bash', ['scripts/e2e/install.sh'])) {
    const e2eCounts = out => {
      const m = /e2e: (\d+) passed, (\d+) failed/.exec(out);
      return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
    };
    step('extension-host tests in code-server', 'node', ['scripts/e2e/run.mjs'], e2eCounts);
    // The same suite against the packaged .vsix installed into code-server (built by the step above).
    step('extension-host tests against the installed .vsix', 'node', ['scripts/e2e/run.mjs', '--installed', '--no-build'], e2eCounts);
    step('demo smoke test (npm run demo answers HTTP, then is stopped)', 'node', ['scripts/e2e/demo-smoke.mjs']);
    // The language server in a real Neovim (Debian's 0.7, headless): diagnostic, quick fix, applied.
    step('Neovim headless (scripts/editors/neovim.sh)', 'bash', ['scripts/editors/neovim.sh'], out => {
      const m = /neovim: (\d+) passed, (\d+) failed/.exec(out);
      return m ? { passed: Number(m[1]), failed: Number(m[2]) } : null;
    });
  }
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && built ? 0 : 1);
