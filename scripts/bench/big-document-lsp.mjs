// A 10 MB document in the editor, over the protocol: spawns `kube-harden-ls --stdio`, opens a
// small document and then one of about 10 MB (whole workload documents repeated, names made
// unique), and while the server parses and lints the big one, asks for a hover in the small one
// every 50 ms. Prints the time to the first diagnostics, the slowest hover answer meanwhile (how
// long the server was deaf), the same after
// a one-character edit, how soon a withdrawn code action request ($/cancelRequest) is answered,
// and the server's peak RSS.
//
//   node scripts/bench/big-document-lsp.mjs [--mib N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkloadFile } from './workload-file.mjs';
import { rpc, startServer } from './lsp-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const args = process.argv.slice(2);
const mibArg = args.indexOf('--mib');
const MIB = mibArg >= 0 ? Math.max(1, Number(args[mibArg + 1]) || 10) : 10;

const base = buildWorkloadFile(root);
const parts = [];
let length = 0;
for (let i = 0; length < MIB * 1024 * 1024; i++) {
  const copy = base.replace(/^( {2}name: )(\S+)/gm, (_, key, name) => `${key}${name}-r${i}`);
  parts.push(copy);
  length += copy.length + 4;
}
const text = parts.join('---\n');
const uri = 'file:///bench/big.yaml';
const small = 'file:///bench/small.yaml';
const smallText = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: small\nspec:\n  hostPID: true\n  containers:\n  - name: app\n    image: nginx:1.27\n';

const { server, connection, diagnosticsOf: published, stop } = await startServer({
  textDocument: { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
});

/** Hovers every 50 ms until `until` settles: the slowest answer and how many were asked. */
async function hoversDuring(until) {
  let done = false;
  until.then(() => { done = true; });
  const times = [];
  while (!done) {
    const t = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 5, character: 4 } });
    times.push(performance.now() - t);
    await new Promise(r => setTimeout(r, 50));
  }
  return { n: times.length, worst: Math.max(0, ...times), median: times.sort((a, b) => a - b)[times.length >> 1] ?? 0 };
}

const diagnosticsOf = version => published(uri, version);
connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'yaml', version: 1, text: smallText } });
await connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 5, character: 4 } });
let t0 = performance.now();
const opened = diagnosticsOf(1);
connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
const openHovers = await hoversDuring(opened);
const findings = await opened;
const openMs = performance.now() - t0;

// One character typed in the middle of the file.
const line = Math.floor(text.split('\n').length / 2);
t0 = performance.now();
const edited = diagnosticsOf(2);
connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '#' }] });
const editHovers = await hoversDuring(edited);
await edited;
const editMs = performance.now() - t0;

// A code action request for a new version, withdrawn at once: answered when the cancellation is heard.
connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' }] });
const source = new rpc.CancellationTokenSource();
t0 = performance.now();
const request = connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, context: { diagnostics: [] } }, source.token).catch(() => undefined);
setTimeout(() => source.cancel(), 20);
await request;
const cancelMs = performance.now() - t0;

const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
await stop();

const mib = (text.length / 1024 / 1024).toFixed(1);
console.log(`a ${mib} MiB document (${text.split('\n').length} lines) over the protocol (kube-harden-ls --stdio, debounce 0); node ${process.version}`);
console.log(`open -> first diagnostics: ${(openMs / 1000).toFixed(1)} s, ${findings} diagnostics; hovers meanwhile: ${openHovers.n}, slowest ${openHovers.worst.toFixed(0)} ms, median ${openHovers.median.toFixed(0)} ms`);
console.log(`one character typed -> diagnostics: ${(editMs / 1000).toFixed(1)} s; hovers meanwhile: ${editHovers.n}, slowest ${editHovers.worst.toFixed(0)} ms, median ${editHovers.median.toFixed(0)} ms`);
console.log(`code action request withdrawn after 20 ms: answered after ${cancelMs.toFixed(0)} ms`);
console.log(`server peak RSS: ${(peakKiB / 1024).toFixed(0)} MiB`);
