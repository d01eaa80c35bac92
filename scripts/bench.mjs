// Benchmark: for each real-world manifest, the time of a bare `yaml` parse of the text against
// the engine's full lint of the same text (parse + every rule, enableAll), with memory peaks;
// then a keystroke in a 10k-line workload file (bench/keystroke.mjs; over the protocol:
// bench/keystroke-lsp.mjs), workspace indexing against its parse floor, with RSS
// (bench/indexing.mjs), the server's memory with the real corpus open over 1,000 keystrokes
// (bench/corpus-session.mjs), the CLI against its parse floor (bench/cli-floor.mjs), cost against size
// (bench/scaling.mjs) and a 10 MB document over the protocol (bench/big-document-lsp.mjs).
// Numbers only: nothing is asserted. Uses the built engine (run `npx tsc -b` first).
//
//   npm run bench [-- <file or directory>] [-- --runs N]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'server', 'package.json'));

const args = process.argv.slice(2);
let runs = 5;
const targets = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--runs') runs = Math.max(1, Number(args[++i]) || runs);
  else targets.push(args[i]);
}
if (!targets.length) targets.push(path.resolve(root, 'test', 'fixtures', 'real'));

const enginePath = path.join(root, 'server', 'out', 'engine', 'index.js');
if (!fs.existsSync(enginePath)) {
  console.error(`bench: ${path.relative(process.cwd(), enginePath)} not found: build first with \`npx tsc -b\``);
  process.exit(2);
}
const { lint, lintParsed, parseFile, resolveConfig } = require(enginePath);
const { LineCounter, parseAllDocuments } = require('yaml');

const files = [];
for (const t of targets) {
  let stat;
  try { stat = fs.statSync(t); } catch { console.error(`bench: ${t}: no such file or directory`); process.exit(2); }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(t).filter(n => /\.(ya?ml|json)$/i.test(n)).sort()) files.push(path.join(t, name));
  } else files.push(t);
}

const WARMUP = 2;
const WARMUP_MS = 200;
const config = { enableAll: true };
let peakHeap = 0;
const sampleHeap = () => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); };

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// A collection before each timed run, so one run does not pay for the garbage of the previous
// one (on big files that noise is larger than the difference being measured).
v8.setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');

// Small files are timed in batches of at least ~20 ms per sample, so timer resolution and
// scheduling jitter do not dominate.
const MIN_SAMPLE_MS = 20;

function time(fn) {
  // Warm-up: at least WARMUP runs and WARMUP_MS, so small files are timed with the JIT warm.
  let warm = Infinity;
  for (let i = 0, spent = 0; i < WARMUP || spent < WARMUP_MS; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    warm = Math.min(warm, ms);
    spent += ms;
  }
  const batch = Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(warm, 0.001)));
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    result = undefined;
    collect();
    const t0 = process.hrtime.bigint();
    for (let j = 0; j < batch; j++) result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6 / batch);
    sampleHeap();
  }
  return { ms: median(times), result };
}

const rows = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  // The parser options the engine uses (server/src/engine/model/parse.ts), so the ratio is the
  // cost of the engine's work on top of parsing. With yaml's defaults the duplicate-key check
  // (uniqueKeys) is quadratic in a map's size and dominates on big CRDs.
  const parse = time(() => parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter: new LineCounter() }));
  const full = time(() => lint(text, config));
  const docs = Array.isArray(parse.result) ? parse.result.length : 0;
  rows.push({
    file: path.basename(file),
    kib: Buffer.byteLength(text) / 1024,
    docs,
    findings: full.result.findings.length,
    skipped: full.result.skipped,
    parseMs: parse.ms,
    lintMs: full.ms,
  });
}

const fmt = (n, d = 1) => n.toFixed(d);
const table = rows.map(r => [
  r.file + (r.skipped ? ` (not linted: ${r.skipped})` : ''),
  fmt(r.kib), String(r.docs), String(r.findings), fmt(r.parseMs, 2), fmt(r.lintMs, 2), r.parseMs > 0 ? fmt(r.lintMs / r.parseMs, 2) : '-',
]);
const total = rows.reduce((a, r) => ({ kib: a.kib + r.kib, docs: a.docs + r.docs, findings: a.findings + r.findings, parseMs: a.parseMs + r.parseMs, lintMs: a.lintMs + r.lintMs }), { kib: 0, docs: 0, findings: 0, parseMs: 0, lintMs: 0 });
const header = ['file', 'KiB', 'documents', 'findings', 'parse ms', 'lint ms', 'ratio'];
const footer = ['total', fmt(total.kib), String(total.docs), String(total.findings), fmt(total.parseMs, 2), fmt(total.lintMs, 2), total.parseMs > 0 ? fmt(total.lintMs / total.parseMs, 2) : '-'];
const all = [header, ...table, footer];
const widths = header.map((_, i) => Math.max(...all.map(r => r[i].length)));
const line = cells => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
const rule = widths.map(w => '-'.repeat(w)).join('  ');

console.log(`median of ${runs} samples (small files: batches of >= ${MIN_SAMPLE_MS} ms) after >= ${WARMUP} warm-up runs and ${WARMUP_MS} ms, GC before each; parse = yaml parseAllDocuments with the engine's options; lint = engine parse + all rules (enableAll); node ${process.version}`);
console.log(line(header));
console.log(rule);
for (const r of table) console.log(line(r));
console.log(rule);
console.log(line(footer));
const mib = bytes => fmt(bytes / 1024 / 1024);
console.log(`peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} MiB; peak heap used (sampled after each run) ${mib(peakHeap)} MiB`);

// A keystroke in the editor: one line inserted in the middle document of the largest files,
// then parse + lint of the new text, as the language server does it (with the previous
// version's parse, whose unchanged documents are reused) and from scratch. The edit alternates
// between two texts so each run has a fresh previous version.
const resolved = resolveConfig(config);
const keystroke = [];
for (const file of [...files].sort((a, b) => fs.statSync(b).size - fs.statSync(a).size).slice(0, 4)) {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseFile(text);
  if (parsed.skipped || parsed.documents.length < 2) continue;
  const middle = parsed.documents[parsed.documents.length >> 1].doc.range[0];
  const texts = [text.slice(0, middle) + '# a\n' + text.slice(middle), text.slice(0, middle) + '# ab\n' + text.slice(middle)];
  let i = 0;
  let previous = parseFile(texts[1]);
  const incremental = time(() => {
    previous = parseFile(texts[i = 1 - i], { previous });
    return lintParsed(previous, resolved);
  });
  const scratch = time(() => lintParsed(parseFile(texts[i = 1 - i]), resolved));
  keystroke.push([path.basename(file), String(parsed.documents.length), fmt(scratch.ms, 1), fmt(incremental.ms, 1)]);
}
if (keystroke.length) {
  const head = ['keystroke in the middle document', 'documents', 'from scratch ms', 'with previous version ms'];
  const w = head.map((_, i) => Math.max(...[head, ...keystroke].map(r => r[i].length)));
  const ln = cells => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log('');
  console.log(ln(head));
  console.log(w.map(x => '-'.repeat(x)).join('  '));
  for (const r of keystroke) console.log(ln(r));
}

// A keystroke in a 10k-line workload file, in process (keystroke-lsp.mjs: over the protocol).
console.log('');
await import('./bench/keystroke.mjs');
// The same keystrokes over the protocol (transport and the diagnostics' JSON included).
console.log('');
execFileSync(process.execPath, [path.join(root, 'scripts', 'bench', 'keystroke-lsp.mjs')], { stdio: 'inherit' });
console.log();
await import('./bench/kustomize-keystroke.mjs');

// Indexing the folders of a workspace: the admission fixtures (thousands of small files) and the
// real installs (a few big ones), each in its own process so its RSS is its own.
console.log('');
console.log('workspace indexing (lsp/workspace.ts) vs the floor (read + bare yaml parse of every manifest, cold in a process of its own); CPU: every thread;');
console.log('again warm vs the floor warm; RSS once indexed, and its peak; the event loop held: a 1 ms timer\'s lateness, and the thread\'s own CPU between ticks');
console.log('folder                                     files  objects  index ms  parse ms  ratio  CPU ratio  warm ms  warm parse  ratio  RSS MiB  peak MiB  late max/p99  held max/p99');
for (const corpus of [path.join(root, 'test', 'fixtures', 'pod-security-admission'), path.join(root, 'test', 'fixtures', 'real')]) {
  const r = JSON.parse(execFileSync(process.execPath, [path.join(root, 'scripts', 'bench', 'indexing.mjs'), corpus], { encoding: 'utf8' }).trim().split('\n').pop());
  console.log(`${r.folder.padEnd(40)} ${String(r.files).padStart(7)} ${String(r.objects).padStart(8)} ${fmt(r.indexMs, 0).padStart(9)} ${fmt(r.parseMs, 0).padStart(9)} ${fmt(r.indexMs / r.parseMs, 2).padStart(6)} ${fmt(r.indexCpuMs / r.parseCpuMs, 2).padStart(10)} ${fmt(r.reindexMs, 0).padStart(8)} ${fmt(r.warmParseMs, 0).padStart(11)} ${fmt(r.reindexMs / r.warmParseMs, 2).padStart(6)} ${fmt(r.rssMiB).padStart(8)} ${fmt(r.peakRssMiB).padStart(9)} ${`${fmt(r.loopMaxMs, 0)}/${fmt(r.loopP99Ms, 0)}`.padStart(13)} ${(r.heldMaxMs === undefined ? '-' : `${fmt(r.heldMaxMs, 0)}/${fmt(r.heldP99Ms, 0)}`).padStart(13)}`);
}

// The server on the real corpus, all of it open: its memory, and whether 1,000 keystrokes grow it.
console.log('');
execFileSync(process.execPath, [path.join(root, 'scripts', 'bench', 'corpus-session.mjs')], { stdio: 'inherit' });

// The CLI on the same corpora: `check` in one process against its own parse floor.
console.log('');
execFileSync(process.execPath, [path.join(root, 'scripts', 'bench', 'cli-floor.mjs')], { stdio: 'inherit' });

// Cost against size on the inputs that were quadratic (thousands of containers, env entries).
console.log('');
execFileSync(process.execPath, [path.join(root, 'scripts', 'bench', 'scaling.mjs')], { stdio: 'inherit' });

// A 10 MB document over the protocol: how long the server is deaf while it lints in slices.
console.log('');
execFileSync(process.execPath, [path.join(root, 'scripts', 'bench', 'big-document-lsp.mjs')], { stdio: 'inherit' });

// The Go template engine (Helm rendering), on its own synthetic chart.
console.log('');
await import('./bench/gotemplate.mjs');

// A chart in the editor: re-render + judge ingress-nginx's chart after a template or values edit.
await import('./bench/chart-keystroke.mjs');

// A large JSON file that is not Kubernetes (package-lock.json): judged from its top-level keys.
const { benchJsonSkip } = await import('./bench/json-skip.mjs');
benchJsonSkip();
