// The language server's memory over a session on the real-world corpus, over the protocol: the
// corpus folder opened as the workspace (indexed), every manifest of it opened in the editor
// (parsed, linted, published), then 1,000 keystrokes typed and undone in one of them. Prints the
// server's resident memory once all is open and after the keystrokes (growth is a leak), and its
// peak. The leak test (test/unit/lsp/leak.test.ts) bounds the heap; this shows the whole process.
//
//   node scripts/bench/corpus-session.mjs [folder]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from './lsp-session.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = path.resolve(process.argv[2] ?? path.join(root, 'test', 'fixtures', 'real'));
const EDITS = 1000;

const { server, connection, diagnosticsOf, stop } = await startServer({}, [{ uri: pathToFileURL(folder).href, name: 'corpus' }]);
const kib = field => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? NaN);

const files = fs.readdirSync(folder).filter(f => /\.ya?ml$/i.test(f)).sort();
let t0 = performance.now();
let diagnostics = 0;
await Promise.all(files.map(f => {
  const uri = pathToFileURL(path.join(folder, f)).href;
  const published = diagnosticsOf(uri, 1).then(n => { diagnostics += n; });
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: fs.readFileSync(path.join(folder, f), 'utf8') } });
  return published;
}));
const openMs = performance.now() - t0;
const rssOpen = kib('VmRSS');

// Keystrokes in a mid-sized workload file: a character added to an image and taken away.
const target = files.find(f => f.startsWith('microservices-demo')) ?? files[0];
const uri = pathToFileURL(path.join(folder, target)).href;
const text = fs.readFileSync(path.join(folder, target), 'utf8');
const lines = text.split('\n');
const line = lines.findIndex(l => /^\s*image:\s*\S/.test(l));
const at = { line, character: lines[line].length };
t0 = performance.now();
let version = 1;
for (let i = 0; i < EDITS; i++) {
  const insert = i % 2 === 0;
  const published = diagnosticsOf(uri, ++version);
  connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } }, text: insert ? 'x' : '' }],
  });
  await published;
}
const editMs = performance.now() - t0;
// Let the server's collector catch up before reading its resident memory.
await new Promise(resolve => setTimeout(resolve, 2000));
const rssAfter = kib('VmRSS');
const peak = kib('VmHWM');
await stop();

const mib = k => (k / 1024).toFixed(0);
console.log(`a session on ${path.relative(root, folder) || folder} over the protocol (kube-harden-ls --stdio, debounce 0); node ${process.version}`);
console.log(`${files.length} files opened and indexed -> all diagnostics (${diagnostics}): ${(openMs / 1000).toFixed(1)} s; server RSS ${mib(rssOpen)} MiB`);
console.log(`${EDITS} keystrokes in ${target}: ${(editMs / EDITS).toFixed(1)} ms each; server RSS after ${mib(rssAfter)} MiB (${rssAfter >= rssOpen ? '+' : ''}${mib(rssAfter - rssOpen)} MiB); peak ${mib(peak)} MiB`);
