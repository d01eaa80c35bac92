// `kube-harden check` on a whole folder, in one process as the binary runs it (server/out/cli),
// against the floor: every manifest of the folder read and parsed with bare `yaml` (the engine's
// parser options), nothing kept. Each measurement runs in a fresh process, so both start with a
// cold JIT as a CI job does, and the median of a few runs is shown. The corpora are copied
// outside any repository first: in the source tree `check` would also read the rest of this
// repository as context, which is not what is being measured.
//
//   node scripts/bench/cli-floor.mjs [--runs N] [<folder> ...]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const self = fileURLToPath(import.meta.url);
const MANIFEST = /\.(ya?ml|json)$/i;
const ms = t0 => Number(process.hrtime.bigint() - t0) / 1e6;

/** The manifests under `dir`, in a fixed order (what `check` reads from a folder with no repository file). */
function manifests(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...manifests(absolute));
    else if (entry.isFile() && MANIFEST.test(entry.name)) out.push(absolute);
  }
  return out;
}

const cpuMs = c0 => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };

async function child(kind, dir, flags) {
  const c0 = process.cpuUsage();
  const require = createRequire(path.join(root, 'server', 'package.json'));
  if (kind === 'floor') {
    const { LineCounter, parseAllDocuments } = require('yaml');
    const files = manifests(dir);
    const t0 = process.hrtime.bigint();
    for (const f of files) parseAllDocuments(fs.readFileSync(f, 'utf8'), { version: '1.1', merge: true, uniqueKeys: false, lineCounter: new LineCounter() });
    return { ms: ms(t0), cpuMs: cpuMs(c0), files: files.length };
  }
  const t0 = process.hrtime.bigint();
  const { main } = require(path.join(root, 'server', 'out', 'cli', 'main.js'));
  let output = '';
  const code = await main(['check', '--format', 'json', ...flags, dir], {
    out: text => { output += text; },
    err: () => {},
    color: false,
    cwd: dir,
  });
  const time = { ms: ms(t0), cpuMs: cpuMs(c0) };
  // Counted after the clock stops: reading the report back is the bench's work, not check's
  // (on the strict run it is a 100 MB JSON text).
  return { ...time, code, findings: JSON.parse(output).findings.length };
}

if (process.argv[2] === '--child') {
  const [, , , kind, dir, ...flags] = process.argv;
  console.log(JSON.stringify(await child(kind, dir, flags)));
  process.exit(0);
}

const args = process.argv.slice(2);
let runs = 3;
const corpora = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || runs);
  else corpora.push(path.resolve(args[i]));
}
if (!corpora.length) corpora.push(path.join(root, 'test', 'fixtures', 'pod-security-admission', 'testdata'), path.join(root, 'test', 'fixtures', 'real'));

const median = xs => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const run = (kind, dir, flags = []) => JSON.parse(execFileSync(process.execPath, [self, '--child', kind, dir, ...flags], { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
const fmt = (n, d = 0) => n.toFixed(d);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-cli-bench-'));
try {
  console.log(`kube-harden check (one process, cold start, JSON output) vs the floor (read + bare yaml parse of every manifest); median of ${runs} runs; CPU: every thread`);
  console.log('folder                                     files  config    check ms  floor ms  ratio  check CPU  floor CPU  CPU ratio  findings');
  for (const corpus of corpora) {
    const dir = path.join(scratch, path.basename(corpus));
    fs.cpSync(corpus, dir, { recursive: true });
    const floors = [];
    const floorCpus = [];
    let files = 0;
    for (let i = 0; i < runs; i++) { const r = run('floor', dir); floors.push(r.ms); floorCpus.push(r.cpuMs); files = r.files; }
    const floor = median(floors);
    const floorCpu = median(floorCpus);
    for (const [label, flags] of [['default', []], ['strict', ['--preset', 'strict']]]) {
      const times = [];
      const cpus = [];
      let findings = 0;
      for (let i = 0; i < runs; i++) { const r = run('check', dir, flags); times.push(r.ms); cpus.push(r.cpuMs); findings = r.findings; }
      const check = median(times);
      const checkCpu = median(cpus);
      const name = path.relative(root, corpus) || corpus;
      console.log(`${name.padEnd(42)} ${String(files).padStart(5)}  ${label.padEnd(7)} ${fmt(check).padStart(9)} ${fmt(floor).padStart(9)} ${fmt(check / floor, 2).padStart(6)} ${fmt(checkCpu).padStart(10)} ${fmt(floorCpu).padStart(10)} ${fmt(checkCpu / floorCpu, 2).padStart(10)} ${String(findings).padStart(9)}`);
    }
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
