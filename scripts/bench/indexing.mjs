// Indexing a folder into the language server's workspace model (lsp/workspace.ts, with its
// reader), against the floor of reading and parsing every manifest with bare `yaml` (the engine's
// parser options). The floor is measured twice: in a process of its own, cold as the first index
// is (the fair comparison: both start with nothing compiled), and after the index in this
// process, warm (where the index ran on this thread, it has compiled the parser for the floor),
// against a second indexing, warm too. The CPU time (every thread of the process) is shown beside
// the wall time: on a busy machine the wall time tells more about the neighbours. Also the resident memory once indexed and at its peak,
// and how long the event loop was held while indexing (a request waits that long at worst).
// One folder per process, so the RSS is that folder's: bench.mjs runs this once per corpus.
//
//   node scripts/bench/indexing.mjs <folder>
//   node scripts/bench/indexing.mjs --floor <folder>   (the cold floor alone)
//   node scripts/bench/indexing.mjs --held <folder>    (the event loop's longest holds alone)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const { WorkspaceModel } = require(path.join(root, 'server', 'out', 'lsp', 'workspace.js'));
const { RateLimitedLog } = require(path.join(root, 'server', 'out', 'lsp', 'log.js'));
const { PARSE_OPTIONS } = require(path.join(root, 'server', 'out', 'engine', 'model', 'parse.js'));
const { parseAllDocuments } = require('yaml');

const mode = process.argv[2]?.startsWith('--') ? process.argv[2] : undefined;
const folder = path.resolve(process.argv[mode ? 3 : 2] ?? path.join(root, 'test', 'fixtures', 'real'));
const ms = t0 => Number(process.hrtime.bigint() - t0) / 1e6;
const cpuMs = c0 => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };

const model = new WorkspaceModel({
  isOpen: () => false,
  factsChanged: () => {},
  exclusionSettings: async () => ({}),
  log: new RateLimitedLog({ error: m => console.error(m), warn: () => {} }),
  progressThreshold: Infinity,
});
model.setFolders([{ uri: pathToFileURL(folder).href }]);

/** Every manifest read and parsed as the engine parses it, nothing kept. */
function floor(files) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let bytes = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    bytes += text.length;
    parseAllDocuments(text, PARSE_OPTIONS);
  }
  return { ms: ms(t0), cpuMs: cpuMs(c0), bytes };
}

/**
 * The longest the event loop is held while indexing, as this thread's own CPU time between two
 * ticks of a 1 ms timer (Linux's scheduler statistics): on a busy machine a timer's lateness also
 * counts the time the system gave other processes. Reading the statistics every millisecond
 * costs CPU of its own, so this runs in a process of its own, not in the timed one.
 */
async function held() {
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  if (!fs.existsSync(schedstat)) return {};
  const threadCpuMs = () => Number(fs.readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
  const holds = [];
  let last = threadCpuMs();
  const probe = setInterval(() => { const now = threadCpuMs(); holds.push(now - last); last = now; }, 1);
  await model.reindex();
  clearInterval(probe);
  holds.sort((a, b) => a - b);
  return { maxMs: holds[holds.length - 1], p99Ms: holds[Math.floor(holds.length * 0.99)] };
}

if (mode) {
  const r = mode === '--floor' ? floor(await model.manifestFiles({ cancelled: false })) : await held();
  model.dispose();
  console.log(JSON.stringify(r));
  process.exit(0);
}

const child = m => JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), m, folder], { encoding: 'utf8' }).trim().split('\n').pop());
const cold = child('--floor');
const holds = child('--held');

// A timer's view of the event loop during the timed pass (measured natively: costs nothing).
const delay = monitorEventLoopDelay({ resolution: 1 });
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
delay.enable();
await model.reindex();
delay.disable();
const indexMs = ms(t0);
const indexCpuMs = cpuMs(c0);
const rssAfterIndex = process.memoryUsage().rss;
const peakRss = process.resourceUsage().maxRSS * 1024;
const files = await model.manifestFiles({ cancelled: false });
const objects = model.index.all().length;
// Again, warm (a settings change indexes again): against the floor warm too.
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage();
await model.reindex();
const reindexMs = ms(t1);
const reindexCpuMs = cpuMs(c1);
model.dispose();
const warm = floor(files);

console.log(JSON.stringify({
  folder: path.relative(root, folder) || folder,
  files: files.length,
  mib: warm.bytes / 1024 / 1024,
  objects,
  indexMs,
  indexCpuMs,
  parseMs: cold.ms,
  parseCpuMs: cold.cpuMs,
  reindexMs,
  reindexCpuMs,
  warmParseMs: warm.ms,
  warmParseCpuMs: warm.cpuMs,
  rssMiB: rssAfterIndex / 1024 / 1024,
  peakRssMiB: peakRss / 1024 / 1024,
  // How late a 1 ms timer fired (wall time, the neighbours' share of the machine included).
  loopMaxMs: delay.max / 1e6,
  loopP99Ms: delay.percentile(99) / 1e6,
  // The thread's own work between two ticks (see held).
  heldMaxMs: holds.maxMs,
  heldP99Ms: holds.p99Ms,
}));
process.exit(0);
