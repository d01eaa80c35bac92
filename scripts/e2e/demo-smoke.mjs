// Smoke test of `npm run demo`: it starts, installs the .vsix into its profile and answers HTTP on
// its port with the workbench; then everything it started is stopped. Exit code 0 = passed.
//
//   node scripts/e2e/demo-smoke.mjs [--timeout=SECONDS]     (default 240: it packages and installs)
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, root } from './common.mjs';

const arg = process.argv.slice(2).find(a => a.startsWith('--timeout='));
const timeoutMs = Number(arg ? arg.slice('--timeout='.length) : 240) * 1000;

const port = await freePort();

// Its own process group, so that code-server and everything it forks can be ended together.
const demo = spawn(process.execPath, [join(root, 'scripts', 'demo.mjs'), `--port=${port}`], {
  cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
demo.stdout.on('data', c => { out += c; });
demo.stderr.on('data', c => { out += c; });

async function check() {
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within ${timeoutMs / 1000} s`)), timeoutMs);
    const look = () => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?folder=\S+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[0]); }
    };
    demo.stdout.on('data', look);
    demo.once('exit', code => { clearTimeout(timer); reject(new Error(`npm run demo exited (${code}) before printing its URL`)); });
  });
  if (!url.startsWith(`http://127.0.0.1:${port}/`)) throw new Error(`URL ${url} is not on the port asked for (${port})`);
  if (!url.includes(encodeURIComponent(join(root, 'examples')))) throw new Error(`URL ${url} does not open examples/`);
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
  if (!/workbench/i.test(body)) throw new Error(`GET ${url}: no workbench in the page:\n${body.slice(0, 500)}`);
  const extensions = join(root, '.demo', 'extensions');
  const installed = existsSync(extensions) ? readdirSync(extensions).filter(d => d.startsWith('kube-harden.kube-harden-')) : [];
  if (installed.length !== 1) throw new Error(`the demo profile holds [${installed}] instead of the installed .vsix`);
  console.log(`demo smoke: ${url} answered HTTP 200 with the workbench; ${installed[0]} installed`);
}

let code = 0;
try {
  await check();
} catch (e) {
  code = 1;
  console.log(`demo smoke FAILED: ${e instanceof Error ? e.message : e}\n--- demo output\n${out.slice(-3000)}`);
}
if (demo.exitCode === null && demo.signalCode === null) {
  const exited = new Promise(r => demo.once('exit', r));
  try { process.kill(-demo.pid, 'SIGTERM'); } catch {}
  const t = setTimeout(() => { try { process.kill(-demo.pid, 'SIGKILL'); } catch {} }, 5_000);
  await exited;
  clearTimeout(t);
}
// Nothing may still answer on the port once the demo is stopped.
const stillUp = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3_000) }).then(() => true, () => false);
if (stillUp) { console.log(`demo smoke FAILED: port ${port} still answers after the demo was stopped`); code = 1; }
process.exit(code);
