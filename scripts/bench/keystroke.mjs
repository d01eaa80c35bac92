// A keystroke in a big workload file, in process, as the language server handles it: the
// change applied to the document, whose new version goes through the ParseCache (incremental
// parse, the workspace model's update, the lint), and its findings become diagnostics. Debounce and transport excluded; the
// protocol-level twin is keystroke-lsp.mjs. Against a bare `yaml` parse of the whole file.
//
//   node scripts/bench/keystroke.mjs [--samples N]
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildWorkloadFile } from './workload-file.mjs';
import { editSites, parseFloor, percentile } from './edits.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const out = path.join(root, 'server', 'out');
const { resolveConfig, summarizeFile, WorkspaceIndex } = require(path.join(out, 'engine', 'index.js'));
const { ParseCache } = require(path.join(out, 'lsp', 'documents.js'));
const { toDiagnostics } = require(path.join(out, 'lsp', 'diagnostics.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');
const { LineCounter, parseAllDocuments } = require('yaml');

const args = process.argv.slice(2);
const samplesArg = args.indexOf('--samples');
const SAMPLES = samplesArg >= 0 ? Math.max(2, Number(args[samplesArg + 1]) || 40) : 40;

v8.setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
const ms = t0 => Number(process.hrtime.bigint() - t0) / 1e6;

const text = buildWorkloadFile(root);
const uri = 'file:///bench/workloads.yaml';

// The bare parse: what reading the whole file costs at least, with the engine's parser options.
const floor = parseFloor(text, { parseAllDocuments, LineCounter }, collect);
const parseMs = floor.warm;

// The language server's model as the cache sees it (lsp/workspace.ts documentParsed, indexFor).
const index = new WorkspaceIndex();
const workspace = {
  documentParsed(u, parsed) { const s = summarizeFile(u, parsed); index.setFile(u, s); return s; },
  indexFor() { return index; },
};
const cache = new ParseCache(undefined, workspace);
// The language server's default settings, as keystroke-lsp.mjs gets them.
const { DEFAULT_SETTINGS } = require(path.join(out, 'lsp', 'settings.js'));
const resolved = resolveConfig(DEFAULT_SETTINGS.config);
const docsHref = id => `https://example.invalid/${id}`;
let doc = TextDocument.create(uri, 'yaml', 1, text);
// As the validator publishes them: one diagnostic per range.
const publish = () => toDiagnostics(cache.lint(doc, resolved).findings, docsHref);
const t0 = process.hrtime.bigint();
const findings = publish().length;
const openMs = ms(t0);

/**
 * One keystroke: the change applied to the document (as the server's document manager applies
 * it: on a large file the new text alone costs a millisecond or more), then everything up to
 * the diagnostics.
 */
function keystroke(change) {
  // No collection forced first: the server forces none, and its keystrokes pay for the garbage
  // they make (a forced one would also make the next keystroke slower, floor.afterGc says why).
  const t = process.hrtime.bigint();
  doc = TextDocument.update(doc, [change], doc.version + 1);
  publish();
  return ms(t);
}

const rows = [];
const kinds = Object.entries(editSites(text, SAMPLES));
// Every kind warmed before any is timed: the first keystrokes after the open compile each kind's
// path and pay for the open's garbage; timed first, one kind alone would carry that one-off cost.
for (let i = 0; i < 3; i++) for (const [, sites] of kinds) { keystroke(sites[0].insert); keystroke(sites[0].undo(doc)); }
for (const [kind, sites] of kinds) {
  const times = [];
  for (const site of sites) {
    times.push(keystroke(site.insert));
    times.push(keystroke(site.undo(doc)));
  }
  const p50 = percentile(times, 50), p95 = percentile(times, 95);
  rows.push({ kind, n: times.length, p50, p95, ratio: p95 / parseMs, ratioGc: p95 / floor.afterGc });
}

console.log(`keystroke in a ${text.split('\n').length - 1}-line file of ${text.split(/^---$/m).length} workload documents (${findings} diagnostics, default settings), in process, debounce excluded; node ${process.version}`);
console.log(`bare yaml parse of the whole file: ${parseMs.toFixed(1)} ms warm (median), ${floor.afterGc.toFixed(1)} ms right after a full GC; first lint (open): ${openMs.toFixed(1)} ms`);
console.log('edit                   samples  p50 ms  p95 ms  p95 / parse  (/ parse after GC)');
for (const r of rows) {
  console.log(`${r.kind.padEnd(22)} ${String(r.n).padStart(7)}  ${r.p50.toFixed(2).padStart(6)}  ${r.p95.toFixed(2).padStart(6)}  ${r.ratio.toFixed(3).padStart(11)}  ${r.ratioGc.toFixed(3).padStart(18)}`);
}
