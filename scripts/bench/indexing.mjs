// Indexing a folder into the language server's workspace model (lsp/workspace.ts, with its
// reader threads), against the floor of reading and parsing every manifest with bare `yaml` on
// the main thread, and the resident memory once indexing is over and at its peak. The CPU time
// of both (every thread of the process) is shown beside the wall time: on a busy machine the
// readers do not get a core each, and the wall-time ratio then tells more about the neighbours.
// One folder per process, so the RSS is that folder's: bench.mjs runs this once per corpus.
//
//   node scripts/bench/indexing.mjs <folder>
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const { WorkspaceModel } = require(path.join(root, 'server', 'out', 'lsp', 'workspace.js'));
const { RateLimitedLog } = require(path.join(root, 'server', 'out', 'lsp', 'log.js'));
const { LineCounter, parseAllDocuments } = require('yaml');

const folder = path.resolve(process.argv[2] ?? path.join(root, 'test', 'fixtures', 'real'));
const ms = t0 => Number(process.hrtime.bigint() - t0) / 1e6;

const model = new WorkspaceModel({
  isOpen: () => false,
  factsChanged: () => {},
  exclusionSettings: async () => ({}),
  log: new RateLimitedLog({ error: m => console.error(m), warn: () => {} }),
  progressThreshold: Infinity,
});
model.setFolders([{ uri: pathToFileURL(folder).href }]);
const cpuMs = c0 => { const c = process.cpuUsage(c0); return (c.user + c.system) / 1000; };
const t0 = process.hrtime.bigint();
const c0 = process.cpuUsage();
await model.reindex();
const indexMs = ms(t0);
const indexCpuMs = cpuMs(c0);
const rssAfterIndex = process.memoryUsage().rss;
const peakRss = process.resourceUsage().maxRSS * 1024;
const files = await model.manifestFiles({ cancelled: false });
model.dispose?.();

// The floor: every manifest read and parsed (the engine's parser options), nothing kept.
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage();
let bytes = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  bytes += text.length;
  parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter: new LineCounter() });
}
const parseMs = ms(t1);
const parseCpuMs = cpuMs(c1);

console.log(JSON.stringify({
  folder: path.relative(root, folder) || folder,
  files: files.length,
  mib: bytes / 1024 / 1024,
  objects: model.index.all().length,
  indexMs,
  parseMs,
  indexCpuMs,
  parseCpuMs,
  rssMiB: rssAfterIndex / 1024 / 1024,
  peakRssMiB: peakRss / 1024 / 1024,
}));
process.exit(0);
