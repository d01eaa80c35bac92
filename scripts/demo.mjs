// The product as a user meets it: installs code-server (scripts/e2e/install.sh --no-browser),
// packages the .vsix (scripts/package.mjs), installs it into a private code-server profile
// (.demo/, git-ignored) and serves VS Code on 127.0.0.1 with the folder examples/ open. Open the
// printed URL in a browser; Ctrl+C stops it.
//
//   npm run demo [-- --port=N]     (default 8731, or KUBE_HARDEN_DEMO_PORT; 0 = any free port)
//
// No password (--auth none) because it listens on 127.0.0.1 only; no telemetry, no update checks.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { packageVsix, root } from './package.mjs';

const portArg = process.argv.slice(2).find(a => a.startsWith('--port='));
const wanted = Number(portArg ? portArg.slice('--port='.length) : process.env.KUBE_HARDEN_DEMO_PORT ?? 8731);
const tools = process.env.KUBE_HARDEN_E2E_TOOLS ?? join(root, '.e2e-tools');
const codeServerEntry = join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const profile = join(root, '.demo');
const userDir = join(profile, 'user');
const extensionsDir = join(profile, 'extensions');
const folder = join(root, 'examples');
const say = msg => console.log(`demo: ${msg}`);

function fail(msg) {
  console.error(`demo: ${msg}`);
  process.exit(1);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail(`${what} failed (${r.status ?? r.signal})`);
}

/** `wanted` if it is free (0: any free port); fails with a hint when it is taken. */
function port() {
  return new Promise(resolve => {
    const srv = createServer();
    srv.once('error', () => fail(`port ${wanted} on 127.0.0.1 is taken: npm run demo -- --port=<another>`));
    srv.listen(wanted, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

run('bash', [join(root, 'scripts', 'e2e', 'install.sh'), '--no-browser'], 'installing code-server');

say('packaging the extension');
let vsix;
try { vsix = packageVsix(undefined, { quiet: true }); } catch (e) { fail(e instanceof Error ? e.message : String(e)); }
say(`${vsix.file} (${(vsix.bytes / 1024).toFixed(0)} KiB, ${vsix.files} files)`);

// A fresh profile each time: the extension as packaged now, nothing left from an earlier run.
rmSync(profile, { recursive: true, force: true });
mkdirSync(join(userDir, 'User'), { recursive: true });
writeFileSync(join(userDir, 'User', 'settings.json'), JSON.stringify({
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
}, null, 2));
const common = ['--user-data-dir', userDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
run(process.execPath, [codeServerEntry, ...common, '--install-extension', vsix.file], 'installing the .vsix into code-server');

const p = await port();
const env = { ...process.env };
// Inside a VS Code terminal these would make code-server hand the folder to that window instead.
for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
const server = spawn(process.execPath, [codeServerEntry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${p}`,
  '--disable-workspace-trust', '--disable-getting-started-override', folder], { cwd: profile, env, stdio: ['ignore', 'pipe', 'pipe'] });
let seen = '';
let ready = false;
const onData = chunk => {
  if (ready) return;
  seen = (seen + chunk.toString()).slice(-4096);
  if (seen.includes('HTTP server listening')) {
    ready = true;
    say(`code-server with Kube Harden and ${folder}`);
    console.log(`\n    http://127.0.0.1:${p}/?folder=${encodeURIComponent(folder)}\n`);
    say('open the URL in a browser, then any manifest in examples/; Ctrl+C stops the server');
  }
};
server.stdout.on('data', onData);
server.stderr.on('data', onData);
const timer = setTimeout(() => { if (!ready) { console.error(seen); fail('code-server did not start within 60 s'); } }, 60_000);
server.once('exit', code => {
  clearTimeout(timer);
  if (!ready) { console.error(seen); fail(`code-server exited (${code}) before listening`); }
  process.exit(code ?? 0);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { server.kill('SIGTERM'); });
