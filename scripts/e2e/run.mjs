// Runs the extension-host suite (test/e2e/suite) in a real VS Code, offline: code-server serves
// VS Code 1.100 with a Node extension host, headless Chromium (playwright-core) opens the
// workbench with the extensionDevelopmentPath / extensionTestsPath payload, and the suite writes
// its summary to a file because the window never exits by itself. Recipe and why:
// docs/testing.md. Tools come from scripts/e2e/install.sh.
//
//   node scripts/e2e/run.mjs [--no-build] [--keep] [--timeout=SECONDS] [--update-docs-images] [--installed]
//
// --installed: the suite runs against the extension as a user gets it: `npm run package` builds
// the .vsix, `code-server --install-extension` installs it into the sandbox's extensions dir, and
// the development path is an empty stand-in (test/e2e/host: VS Code runs tests only in
// development mode), so `kube-harden.kube-harden` is the installed copy.
// Prints each test and `e2e: N passed, N failed`; exits non-zero on any failure or timeout.
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, freePort, makeSandbox, readSummary, report, root, testsIndex } from './common.mjs';
import { packageVsix } from '../package.mjs';

const args = process.argv.slice(2);
const flag = name => args.includes(`--${name}`);
const option = (name, dflt) => {
  const a = args.find(x => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const timeoutMs = Number(option('timeout', process.env.KUBE_HARDEN_E2E_TIMEOUT ?? 300)) * 1000;
const STARTUP_MS = 60_000;
const tools = process.env.KUBE_HARDEN_E2E_TOOLS ?? join(root, '.e2e-tools');
const codeServerEntry = join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.KUBE_HARDEN_E2E_CHROMIUM ?? '/usr/bin/chromium';
const installed = flag('installed');
const shotsDir = join(root, 'test', 'out', 'e2e', installed ? 'screenshots-installed' : 'screenshots');
const docsImages = join(root, 'docs', 'images');

const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const log = msg => console.log(`[e2e ${secs()}s] ${msg}`);

if (!existsSync(codeServerEntry) || !existsSync(join(tools, 'node_modules', 'playwright-core')) || !existsSync(chromiumPath)) {
  console.error(`e2e: tools missing (code-server / playwright-core in ${tools}, ${chromiumPath}): run scripts/e2e/install.sh`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}
const { chromium } = createRequire(join(tools, 'package.json'))('playwright-core');

let server;     // the code-server child, leader of its own process group
let context;    // the Chromium persistent context
let sandbox;
let cleaned = false;

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (context) {
    await Promise.race([context.close().catch(() => {}), new Promise(r => setTimeout(r, 10_000))]);
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise(r => server.once('exit', r));
    // code-server forks its own server and extension hosts: end the whole group we started.
    try { process.kill(-server.pid, 'SIGTERM'); } catch {}
    const t = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch {} }, 5_000);
    await exited;
    clearTimeout(t);
  }
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => { cleanup().finally(() => process.exit(130)); });
}

const userDir = () => join(sandbox.dir, 'user');
const extensionsDir = () => join(sandbox.dir, 'extensions');

/** Packages the .vsix and installs it into the sandbox's profile; returns the installed folder. */
async function installVsix(env) {
  const vsix = packageVsix(join(sandbox.dir, 'kube-harden.vsix'), { quiet: true });
  log(`packaged ${vsix.file} (${(vsix.bytes / 1024).toFixed(0)} KiB, ${vsix.files} files); installing it`);
  const child = spawn(process.execPath, [codeServerEntry, '--user-data-dir', userDir(), '--extensions-dir', extensionsDir(),
    '--install-extension', vsix.file], { cwd: sandbox.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', c => { out += c; });
  child.stderr.on('data', c => { out += c; });
  const code = await new Promise(r => child.once('exit', r));
  const dirs = existsSync(extensionsDir()) ? readdirSync(extensionsDir()).filter(d => d.startsWith('kube-harden.kube-harden-')) : [];
  if (code !== 0 || dirs.length !== 1) throw new Error(`code-server --install-extension failed (exit ${code}, installed: [${dirs}]):\n${out}`);
  return join(extensionsDir(), dirs[0]);
}

async function startCodeServer(port, env) {
  mkdirSync(join(userDir(), 'User'), { recursive: true });
  // A quiet window: no welcome page or tips over the editor in the screenshots.
  writeFileSync(join(userDir(), 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
  }, null, 2));
  const logFile = join(sandbox.dir, 'code-server.log');
  const out = createWriteStream(logFile);
  server = spawn(process.execPath, [
    codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDir(), '--extensions-dir', extensionsDir(),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    sandbox.workspace,
  ], { cwd: sandbox.dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return await new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not report "HTTP server listening" within ${STARTUP_MS / 1000} s (log: ${logFile})`)), STARTUP_MS);
    const onData = chunk => {
      out.write(chunk);
      seen = (seen + chunk.toString()).slice(-4096);
      if (seen.includes('HTTP server listening')) { clearTimeout(timer); resolve(logFile); }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', code => { clearTimeout(timer); reject(new Error(`code-server exited with ${code} before listening (log: ${logFile})`)); });
  });
}

/** `options` come from the suite's .ready file: { hover?: boolean, waitFor?: CSS selector }. */
async function screenshot(page, name, options = {}) {
  let missing = '';
  if (options.waitFor) {
    const found = await page.waitForSelector(options.waitFor, { state: 'visible', timeout: 15_000 }).catch(() => null);
    if (!found) missing = ` (WARNING: ${options.waitFor} was not on the page)`;
  }
  // The squiggle is drawn a moment after the extension host has the diagnostics: wait for it.
  const squiggle = options.hover === false ? undefined : await page.waitForSelector('.squiggly-error', { timeout: 15_000 }).catch(() => null);
  if (squiggle) {
    // As a user would: rest the mouse on the squiggle and let the hover open.
    // (Not squiggle.hover(): the decoration lies under the text layer, which takes the pointer.)
    const box = await squiggle.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.monaco-hover', { state: 'visible', timeout: 5_000 }).catch(() => {});
  }
  mkdirSync(shotsDir, { recursive: true });
  const file = join(shotsDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (flag('update-docs-images') && !installed) {
    mkdirSync(docsImages, { recursive: true });
    copyFileSync(file, join(docsImages, `${name}.png`));
  }
  log(`screenshot ${file}${squiggle === null ? ' (WARNING: no error squiggle was on the page)' : ''}${missing}`);
}

async function main() {
  if (!flag('no-build')) { log('building'); build(); }
  sandbox = makeSandbox();
  const port = await freePort();
  const env = { ...process.env, KUBE_HARDEN_E2E_RESULTS: sandbox.results, KUBE_HARDEN_E2E_SIGNALS: sandbox.signals };
  // Inside a VS Code terminal these would make code-server hand the folder to that window instead.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  // The suite checks that the extension it drives is this one (the dev tree or the installed .vsix).
  env.KUBE_HARDEN_E2E_EXTENSION_PATH = installed ? await installVsix(env) : root;
  const developmentPath = installed ? join(root, 'test', 'e2e', 'host') : root;

  log(`code-server on 127.0.0.1:${port}, sandbox ${sandbox.dir}`);
  const serverLog = await startCodeServer(port, env);
  log('code-server listening');

  const remote = p => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(developmentPath)], ['extensionTestsPath', remote(testsIndex)]];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(sandbox.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  context = await chromium.launchPersistentContext(join(sandbox.dir, 'chromium'), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const browserLog = createWriteStream(join(sandbox.dir, 'browser.log'));
  page.on('console', m => browserLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', e => browserLog.write(`[pageerror] ${e.stack ?? e}\n`));
  await page.goto(url);
  log('workbench opened; waiting for the suite');

  const deadline = Date.now() + timeoutMs;
  const taken = new Set();
  let problem;
  for (;;) {
    const summary = readSummary(sandbox.results);
    if (summary?.done) break;
    for (const f of readdirSync(sandbox.signals)) {
      const name = f.replace(/\.ready$/, '');
      if (!f.endsWith('.ready') || taken.has(name)) continue;
      taken.add(name);
      let options = {};
      try { options = JSON.parse(readFileSync(join(sandbox.signals, f), 'utf8') || '{}'); } catch {}
      await screenshot(page, name, options).catch(e => log(`screenshot ${name} failed: ${e.message}`));
      writeFileSync(join(sandbox.signals, `${name}.done`), '');
    }
    if (server.exitCode !== null || server.signalCode !== null) { problem = `code-server exited (${server.exitCode ?? server.signalCode}); log: ${serverLog}`; break; }
    if (Date.now() > deadline) {
      problem = `timed out after ${timeoutMs / 1000} s waiting for ${sandbox.results}`;
      await page.screenshot({ path: join(sandbox.dir, 'timeout.png') }).catch(() => {});
      break;
    }
    await new Promise(r => setTimeout(r, 250));
  }
  const summary = problem ? readSummary(`${sandbox.results}.partial`) : readSummary(sandbox.results);
  log(`suite finished${problem ? ' (incomplete)' : ''}`);
  return report(summary, problem);
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(e instanceof Error ? e.stack : e);
  console.log('e2e: 0 passed, 1 failed');
}
await cleanup();
if (sandbox) {
  if (code === 0 && !flag('keep')) rmSync(sandbox.dir, { recursive: true, force: true });
  else {
    console.log(`e2e: logs kept in ${sandbox.dir} (code-server.log, browser.log)`);
    const tail = f => existsSync(f) ? readFileSync(f, 'utf8').split('\n').slice(-15).join('\n') : '';
    if (code !== 0) console.log(`--- code-server.log (tail)\n${tail(join(sandbox.dir, 'code-server.log'))}`);
  }
}
log(`total wall time ${secs()} s`);
process.exit(code);
