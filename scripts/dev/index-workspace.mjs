// The language server's workspace model over a folder, outside any editor: files, objects,
// indexing time and heap before/after (numbers only, nothing asserted). Build first.
//
//   node --expose-gc scripts/dev/index-workspace.mjs [folder]   (default test/fixtures/real)
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const { WorkspaceModel } = require(path.join(root, 'server', 'out', 'lsp', 'workspace.js'));
const { RateLimitedLog } = require(path.join(root, 'server', 'out', 'lsp', 'log.js'));

const folder = path.resolve(process.argv[2] ?? path.join(root, 'test', 'fixtures', 'real'));
const gc = globalThis.gc ?? (() => {});
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed; };
const mb = n => `${(n / 1024 / 1024).toFixed(1)} MB`;

const log = new RateLimitedLog({ error: m => console.error(m), warn: m => console.error(m) });
const model = new WorkspaceModel({ isOpen: () => false, factsChanged: () => {}, exclusionSettings: async () => ({}), log });
model.setFolders([{ uri: pathToFileURL(folder).href }]);

const before = heap();
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const start = process.hrtime.bigint();
await model.reindex();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
delay.disable();
const after = heap();
const objects = model.index.all().length;
console.log(`${folder}: ${model.index.fileCount} files with objects, ${objects} objects, indexed in ${ms.toFixed(0)} ms`);
console.log(`longest event-loop stall while indexing: ${(delay.max / 1e6).toFixed(0)} ms (the server answers between)`);
console.log(`heapUsed ${mb(before)} before, ${mb(after)} after (${mb(after - before)} for the model)${globalThis.gc ? '' : ' — run with --expose-gc for settled numbers'}`);
