// The keystroke benchmark over the protocol: spawns `kube-harden-ls --stdio` with the debounce
// set to 0 (initializationOptions.debounceMs), opens the big workload file, and times each
// didChange until the publishDiagnostics of that version arrives (parse, lint, diagnostics,
// JSON over the pipe: all a client waits for, except the debounce). Its numbers should agree
// with the in-process ones of keystroke.mjs plus the transport.
//
//   node scripts/bench/keystroke-lsp.mjs [--samples N]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildWorkloadFile } from './workload-file.mjs';
import { editSites, parseFloor, percentile } from './edits.mjs';
import { startServer } from './lsp-session.mjs';
import { transportFloor } from './transport-floor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const { LineCounter, parseAllDocuments } = require('yaml');

const args = process.argv.slice(2);
const samplesArg = args.indexOf('--samples');
const SAMPLES = samplesArg >= 0 ? Math.max(2, Number(args[samplesArg + 1]) || 20) : 20;

const text = buildWorkloadFile(root);
const uri = 'file:///bench/workloads.yaml';

// Timed as keystroke.mjs times it, so the two ratios share a floor.
v8.setFlagsFromString('--expose-gc');
const floor = parseFloor(text, { parseAllDocuments, LineCounter }, runInNewContext('gc'));
const parseMs = floor.warm;

const { connection, diagnosticsOf: published, stop, markFirstByte, firstByteAt, lastPublished } = await startServer();
const diagnosticsOf = version => published(uri, version);
let version = 1;
const opened = diagnosticsOf(1);
const t0 = process.hrtime.bigint();
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
const findings = await opened;
const openMs = Number(process.hrtime.bigint() - t0) / 1e6;

/** One keystroke: its whole time, and the time until the server's answer began to arrive. */
async function keystroke(change) {
  const v = ++version;
  const published = diagnosticsOf(v);
  markFirstByte();
  const t = process.hrtime.bigint();
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
  await published;
  const end = process.hrtime.bigint();
  return { ms: Number(end - t) / 1e6, firstByteMs: Number((firstByteAt() ?? end) - t) / 1e6 };
}

const rows = [];
const kinds = Object.entries(editSites(text, SAMPLES));
// Every kind warmed before any is timed (keystroke.mjs says why).
for (let i = 0; i < 3; i++) for (const [, sites] of kinds) { await keystroke(sites[0].insert); await keystroke(sites[0].undo()); }
for (const [kind, sites] of kinds) {
  const times = [], first = [];
  for (const site of sites) {
    for (const change of [site.insert, site.undo()]) {
      const k = await keystroke(change);
      times.push(k.ms);
      first.push(k.firstByteMs);
    }
  }
  rows.push({ kind, n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), first50: percentile(first, 50) });
}
await stop();
// The same publish with no work behind it: what moving and decoding it costs alone.
const transport = await transportFloor({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: lastPublished(uri) }, SAMPLES);

console.log(`keystroke over the protocol (kube-harden-ls --stdio, debounce 0): didChange -> publishDiagnostics, ${text.split('\n').length - 1} lines, ${findings} diagnostics; node ${process.version}`);
console.log(`bare yaml parse of the whole file (this process): ${parseMs.toFixed(1)} ms warm, ${floor.afterGc.toFixed(1)} ms right after a full GC; open -> first diagnostics: ${openMs.toFixed(1)} ms`);
console.log('edit                   samples  p50 ms  p95 ms  p95 / parse  (/ parse after GC)  answer begins p50 ms');
for (const r of rows) {
  console.log(`${r.kind.padEnd(22)} ${String(r.n).padStart(7)}  ${r.p50.toFixed(2).padStart(6)}  ${r.p95.toFixed(2).padStart(6)}  ${(r.p95 / parseMs).toFixed(3).padStart(11)}  ${(r.p95 / floor.afterGc).toFixed(3).padStart(18)}  ${r.first50.toFixed(2).padStart(20)}`);
}
console.log('(answer begins: the first bytes of the server\'s answer arrived; the rest of a keystroke is moving the diagnostics through the pipe and decoding them)');
console.log(`transport floor: the last publish (${(transport.bytes / 1024).toFixed(0)} KiB), sent again by a process that only writes it, read and decoded here: p50 ${transport.p50.toFixed(2)} ms, p95 ${transport.p95.toFixed(2)} ms = ${(transport.p95 / parseMs).toFixed(3)} of the parse`);
