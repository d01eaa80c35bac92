// Long fuzz runs: node scripts/fuzz.mjs [--cases N] [--seed S] [--from I] [--bound-ms B] [--show]
// (after `npx tsc -b`). Cases run in a worker thread watched by this one: a case that does not
// finish within the hang limit is reported as a hang and the run goes on from the next case.
// Prints cases run, failures by kind, the worst time per case and the peak RSS; exit 1 on any failure.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runner = join(root, 'test', 'out', 'unit', 'fuzz', 'run.js');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) { console.error(`fuzz: --${name} takes a non-negative integer`); process.exit(2); }
  return v;
}
const cases = option('cases', 1000);
const seed = option('seed', 20261206);
const from = option('from', 0);
const boundMs = option('bound-ms', 5000);
const hangMs = Math.max(boundMs * 6, 30_000);
const show = process.argv.includes('--show');

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { loadSeeds, runCase } = require(workerData.runner);
const seeds = loadSeeds();
parentPort.on('message', i => {
  parentPort.postMessage({ type: 'start', i });
  parentPort.postMessage({ type: 'done', result: runCase(seeds, workerData.seed, i, workerData.boundMs), rss: process.memoryUsage().rss });
});
parentPort.postMessage({ type: 'ready' });
`;

const byKind = {};
const examples = [];
let done = 0, worst = 0, worstIndex = -1, peakRss = 0;
const started = Date.now();

function record(result) {
  done++;
  if (result.ms > worst) { worst = result.ms; worstIndex = result.index; }
  if (result.failure) {
    byKind[result.failure.kind] = (byKind[result.failure.kind] ?? 0) + 1;
    if (examples.length < 20) examples.push(result);
  }
}

async function run() {
  let next = from;
  const end = from + cases;
  while (next < end) {
    next = await new Promise(resolveRun => {
      const worker = new Worker(WORKER, { eval: true, workerData: { runner, seed, boundMs } });
      let current = -1, timer;
      const arm = () => { clearTimeout(timer); timer = setTimeout(() => {
        record({ index: current, mutations: [], ms: hangMs, failure: { kind: 'hang', detail: `no answer in ${hangMs} ms` } });
        worker.terminate();
        resolveRun(current + 1);
      }, hangMs); };
      worker.on('message', m => {
        if (m.type === 'ready' || m.type === 'done') {
          if (m.type === 'done') {
            record(m.result);
            peakRss = Math.max(peakRss, m.rss);
            if (done % 1000 === 0) console.error(`fuzz: ${done} cases, ${Object.values(byKind).reduce((a, b) => a + b, 0)} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
          }
          const i = m.type === 'ready' ? next : current + 1;
          if (i >= end) { clearTimeout(timer); worker.terminate(); resolveRun(end); return; }
          current = i;
          arm();
          worker.postMessage(i);
        }
      });
      worker.on('error', e => { clearTimeout(timer); record({ index: current, mutations: [], ms: 0, failure: { kind: 'exception', detail: String(e) } }); resolveRun(current + 1); });
    });
  }
}

await run();
const failures = Object.values(byKind).reduce((a, b) => a + b, 0);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
console.log(`fuzz: seed ${seed}, cases ${from}..${from + cases - 1}: ${done} run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`failures: ${failures}${failures ? ` (${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`);
console.log(`worst time per case: ${worst.toFixed(0)} ms (case ${worstIndex}); peak RSS (worker process): ${(peakRss / 1048576).toFixed(0)} MiB`);
for (const e of examples) {
  console.log(`  #${e.index} [${e.mutations.join(', ')}] ${e.failure.kind}: ${e.failure.detail}`);
  if (show && e.input) console.log(e.input.split('\n').map(l => `    | ${l}`).join('\n'));
}
process.exit(failures ? 1 : 0);
