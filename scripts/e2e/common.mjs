// Shared by the two launchers (run.mjs: code-server + Chromium, offline; run-electron.mjs:
// @vscode/test-electron): build, a throwaway workspace, and the summary in one format.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const testsIndex = join(root, 'test', 'out', 'e2e', 'suite', 'index.js');

/**
 * Compiles the extension, the server and the e2e suite (not part of the root build), and bundles
 * dist/ (package.json `main`): the suite runs the bundles the .vsix ships.
 */
export function build() {
  const r = spawnSync('npx', ['--no-install', 'tsc', '-b', 'tsconfig.json', 'test/e2e'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed (npx tsc -b tsconfig.json test/e2e)');
  const b = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('bundling failed (node scripts/bundle.mjs)');
}

/** A port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** A temp dir holding a copy of test/e2e/workspace, so the tests may edit and configure freely. */
export function makeSandbox() {
  const dir = mkdtempSync(join(tmpdir(), 'kube-harden-e2e-'));
  const workspace = join(dir, 'workspace');
  cpSync(join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const signals = join(dir, 'signals');
  mkdirSync(signals);
  return { dir, workspace, signals, results: join(dir, 'results.json') };
}

export function readSummary(file) {
  if (!existsSync(file)) return undefined;
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return undefined; }
}

/**
 * Prints each test and the closing `e2e: N passed, N failed` line; returns the exit code.
 * `problem` (a timeout, a crash) counts as one more failure.
 */
export function report(summary, problem) {
  const tests = summary?.tests ?? [];
  for (const t of tests) {
    if (t.state === 'passed') console.log(`  ok    ${t.title} (${t.durationMs} ms)`);
    else {
      console.log(`  FAIL  ${t.title}`);
      console.log(String(t.error ?? '').split('\n').map(l => `        ${l}`).join('\n'));
    }
  }
  const passed = tests.filter(t => t.state === 'passed').length;
  let failed = tests.filter(t => t.state === 'failed').length;
  if (problem) { console.log(`  FAIL  ${problem}`); failed++; }
  if (!problem && tests.length === 0) { console.log('  FAIL  no test ran'); failed++; }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}
