// A keystroke in a file that Kustomize roots reach, in process, as the language server handles
// it (lsp/composed/kustomize.ts): after the editor's own (incremental) parse of the document's
// new version into the workspace model, which every keystroke pays anyway, the roots that reach
// the file (and the overlays sharing its base) planned, re-rendered where a file they read
// changed, judged, and the file's findings taken. Debounce and transport excluded. Against the
// cost of a bare re-parse of the edited file (the ratio: goal well under 1) and of linting it as
// written. Two edits: a character typed into a trailing comment, and one typed into a value in
// the middle of the file (each taken back on the next sample).
// Per keystroke it also counts the sub-kustomization builds made and taken as kept (a base is
// built once for its overlays), the shared objects copied because a transformer wrote them, and
// the rendered objects parsed again or derived from their last parse (a value changed).
// Workspaces: the largest root of the krusty fixtures (test/fixtures/kustomize), and the real
// manifests of test/fixtures/real under a base and three overlays with patches (none of those
// fixtures is a kustomization of its own).
//
//   node scripts/bench/kustomize-keystroke.mjs [--samples N] [--only <text>] [--profile <file.cpuprofile>]
// --only: the rows whose label or edit (comment, value) holds the text; --profile: a CPU profile of
// the measured keystrokes (the composer's work, under `keystroke`) for profile-summary.mjs.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentile } from './edits.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'server', 'package.json'));
const out = path.join(root, 'server', 'out');
const { kustomizeBuildStats, kustomizeSharedTreeCopies, memorySource, planKustomize, parseFile, resolveConfig, summarizeFile, WorkspaceIndex } = require(path.join(out, 'engine', 'index.js'));
const { KustomizeComposer } = require(path.join(out, 'lsp', 'composed', 'kustomize.js'));
const { ParseCache } = require(path.join(out, 'lsp', 'documents.js'));
const { DEFAULT_SETTINGS } = require(path.join(out, 'lsp', 'settings.js'));
const { TextDocument } = require('vscode-languageserver-textdocument');
const { LineCounter, parseAllDocuments } = require('yaml');

const args = process.argv.slice(2);
const samplesArg = args.indexOf('--samples');
const SAMPLES = samplesArg >= 0 ? Math.max(4, Number(args[samplesArg + 1]) || 30) : 30;
const option = name => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const ONLY = option('--only');
const PROFILE = option('--profile');
/** Profiles the measured keystrokes only (the session's calls answer synchronously). */
const profiler = PROFILE && new Session();
if (profiler) { profiler.connect(); profiler.post('Profiler.enable'); profiler.post('Profiler.setSamplingInterval', { interval: 100 }); }
const ms = t0 => Number(process.hrtime.bigint() - t0) / 1e6;
const resolved = resolveConfig(DEFAULT_SETTINGS.config);

/** The krusty case whose build reads the most text (and renders). */
function largestKrustyRoot() {
  const dir = path.join(root, 'test', 'fixtures', 'kustomize', 'krusty');
  let best;
  for (const name of fs.readdirSync(dir).filter(n => n.endsWith('.json') && n !== 'index.json')) {
    const c = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (!c.files || c.expected === undefined) continue;
    const files = Object.fromEntries(Object.entries(c.files).map(([k, v]) => [`/k/${k}`, v]));
    const dirs = [...new Set(Object.keys(files).filter(f => /\/(kustomization\.ya?ml|Kustomization)$/.test(f)).map(f => path.posix.dirname(f)))];
    const plan = planKustomize(memorySource(files), dirs);
    const rootDir = path.posix.join('/k', c.dir ?? '.');
    const render = plan.renders.find(r => r.root === rootDir);
    if (!render?.result.ok) continue;
    const reached = [...plan.inclusions].filter(([, list]) => list.some(i => i.root === rootDir)).map(([f]) => f);
    const bytes = reached.reduce((a, f) => a + (files[f]?.length ?? 0), 0);
    if (!best || bytes > best.bytes) best = { name: c.name, files: c.files, bytes };
  }
  return best;
}

/** The real manifests (workload files) as one base, three overlays patching the first Deployment. */
function realTree() {
  const dir = path.join(root, 'test', 'fixtures', 'real');
  const names = fs.readdirSync(dir).filter(n => /\.ya?ml$/.test(n) && !/crd/i.test(n)).sort();
  const files = {};
  const seen = new Set();
  let target;
  for (const n of names) {
    const text = fs.readFileSync(path.join(dir, n), 'utf8');
    // Kustomize refuses an object defined twice (several installs of one product share CRDs and
    // names): a file with an object already there stays out.
    let ids;
    try { ids = parseFile(text).documents.flatMap(d => d.objects).map(o => `${o.group}|${o.kind}|${o.namespace ?? ''}|${o.name}`); } catch { continue; }
    if (!ids.length || ids.some(id => seen.has(id)) || new Set(ids).size !== ids.length) continue;
    // And one Kustomize takes on its own (every document an object with metadata).
    const alone = memorySource({ '/one/kustomization.yaml': 'resources:\n  - f.yaml\n', '/one/f.yaml': text });
    if (!planKustomize(alone, ['/one']).renders[0]?.result.ok) continue;
    for (const id of ids) seen.add(id);
    files[`base/${n}`] = text;
    target ??= /^kind: Deployment\n(?:.*\n)*?metadata:\n(?: {2}.*\n)*? {2}name: ([\w.-]+)/m.exec(text)?.[1];
  }
  const deployment = Object.values(files).flatMap(t => parseFile(t).documents.flatMap(d => d.objects)).find(o => o.kind === 'Deployment' && o.name === target);
  const container = deployment?.node.toJSON().spec?.template?.spec?.containers?.[0]?.name;
  return { files, target, container };
}

function writeTree(files) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-bench-kustomize-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/**
 * The edited text of sample `i` (odd samples take the edit back), and the size of the document
 * the edit is in (what is parsed again). A value is typed into the `key: value` line nearest the
 * middle of the file (`last`: the last one, what a patch sets) outside CustomResourceDefinitions (vendored schemas nobody types in; a
 * keystroke in a 1.4 MB CRD document re-parses that document, in the renderer and in each root's
 * rendered stream), and never into an object's own `metadata.name`: that is a rename, and in a
 * patch every other keystroke would stop it matching (a failed render, not a value typed in).
 */
function editor(kind, original, last = false) {
  const docs = [0, ...[...original.matchAll(/\n---[ \t]*\n/g)].map(m => m.index + 1), original.length];
  const docAt = offset => { const i = docs.findIndex((s, j) => s <= offset && offset < docs[j + 1]); return [docs[i], docs[i + 1]]; };
  if (kind === 'comment') return { size: original.length - docAt(original.length - 1)[0], textOf: i => (i % 2 ? original : `${original}# ${'x'.repeat(i)}\n`) };
  const re = /^ +[\w./-]+: [\w.-]+$/gm;
  let best;
  for (let m; (m = re.exec(original));) {
    const [from, to] = docAt(m.index);
    if (/^kind: CustomResourceDefinition$/m.test(original.slice(from, to))) continue;
    if (/^ {2}name: /.test(m[0]) && /\nmetadata:\n(?: {2}.*\n)*$/.test(original.slice(from, m.index))) continue;
    if (!best || last || Math.abs(m.index - original.length / 2) < Math.abs(best.index - original.length / 2)) best = { index: m.index, end: m.index + m[0].length, size: to - from };
  }
  if (!best) throw new Error('no value to edit');
  return { size: best.size, textOf: i => (i % 2 ? original : `${original.slice(0, best.end)}${'x'.repeat(i % 7 + 1)}${original.slice(best.end)}`) };
}

/** The suffix of the copy of the edited file that is linted as written. */
const ALONE = '.alone.yaml';

/** One keystroke's work for the composer (named: the profile's root of what is measured). */
function keystroke(composer, doc) { return composer.lint(doc, resolved); }

/** Writes the profile (of the last row measured). */
function addProfile(profile) { fs.writeFileSync(PROFILE, JSON.stringify(profile)); }

/** Keystrokes in `edited` (a file the roots reach): p50/p95 of the composed lint, of a re-parse, of the as-written lint. */
function measure(label, dir, edited, samples = SAMPLES, kind = 'comment', last = false) {
  if (ONLY && !`${label} ${kind}`.includes(ONLY)) return;
  const index = new WorkspaceIndex();
  const walk = d => fs.readdirSync(d, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(dir).filter(f => /\.ya?ml$|\/Kustomization$/.test(f))) {
    const uri = pathToFileURL(file).href;
    index.setFile(uri, summarizeFile(uri, parseFile(fs.readFileSync(file, 'utf8'))));
  }
  const cache = new ParseCache(undefined, {
    // The copy linted as written stays out of the model: its objects would be the workspace's
    // twice, and a model that changes at every keystroke has every root judged again.
    documentParsed(u, parsed) { const s = summarizeFile(u, parsed); if (!u.endsWith(ALONE)) index.setFile(u, s); return s; },
    indexFor() { return index; },
  });
  const open = new Map();
  const composer = new KustomizeComposer({ openText: p => open.get(p)?.getText(), index: () => index, parsed: doc => cache.get(doc) });
  const file = path.join(dir, edited);
  const uri = pathToFileURL(file).href;
  const original = fs.readFileSync(file, 'utf8');
  const { size: docSize, textOf } = editor(kind, original, last);
  let doc = TextDocument.create(uri, 'yaml', 1, original);
  open.set(file, doc);
  const first = process.hrtime.bigint();
  const findings = composer.lint(doc, resolved)?.findings.length;
  const openMs = ms(first);
  if (findings === undefined) throw new Error(`${edited}: no root reaches it`);
  const composed = [], parse = [], written = [], cpu = [];
  // What the keystrokes did (measured samples only): kept builds made and taken, shared objects copied.
  const work = { built: 0, reused: 0, copies: 0, parsed: 0, derived: 0 };
  for (let i = 0; i < samples + 2; i++) {
    const text = textOf(i);
    doc = TextDocument.create(uri, 'yaml', doc.version + 1, text);
    open.set(file, doc);
    // No collection forced first (as keystroke.mjs): the server forces none, and one empties V8's
    // call-site caches, which made the keystroke after it up to twice as slow as the re-parse it
    // is compared with (measured warm, right after).
    // The editor's own parse of the new version (the ParseCache's, incremental): not the composer's work.
    cache.get(doc);
    const pages = composer.streams.stats;
    const before = { built: kustomizeBuildStats.built, reused: kustomizeBuildStats.reused, copies: kustomizeSharedTreeCopies.count, parsed: pages.documentsParsed, derived: pages.documentsDerived };
    if (profiler && i === 2) profiler.post('Profiler.start');
    const cpu0 = process.cpuUsage();
    let t = process.hrtime.bigint();
    keystroke(composer, doc);
    const c = ms(t);
    const used = process.cpuUsage(cpu0);
    if (profiler && i === samples + 1) profiler.post('Profiler.stop', (err, res) => { if (!err) addProfile(res.profile); });
    if (i >= 2) {
      work.built += kustomizeBuildStats.built - before.built;
      work.reused += kustomizeBuildStats.reused - before.reused;
      work.copies += kustomizeSharedTreeCopies.count - before.copies;
      work.parsed += pages.documentsParsed - before.parsed;
      work.derived += pages.documentsDerived - before.derived;
    }
    t = process.hrtime.bigint();
    parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter: new LineCounter() });
    const p = ms(t);
    const alone = TextDocument.create(`${uri}${ALONE}`, 'yaml', doc.version, text);
    t = process.hrtime.bigint();
    cache.lint(alone, resolved);
    const w = ms(t);
    cache.delete(alone.uri);
    if (i >= 2) { composed.push(c); parse.push(p); written.push(w); cpu.push((used.user + used.system) / 1000); }
  }
  // A file no kustomization reaches: what asking the composer costs before the as-written lint.
  const lone = path.join(dir, 'unreached', 'pod.yaml');
  fs.mkdirSync(path.dirname(lone), { recursive: true });
  fs.writeFileSync(lone, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n');
  const unreached = [];
  for (let i = 0; i < samples + 2; i++) {
    const d = TextDocument.create(pathToFileURL(lone).href, 'yaml', i + 1, `${fs.readFileSync(lone, 'utf8')}# ${i}\n`);
    open.set(lone, d);
    const t = process.hrtime.bigint();
    if (composer.lint(d, resolved) !== undefined) throw new Error('unreached/pod.yaml is reached');
    if (i >= 2) unreached.push(ms(t));
  }
  const kib = n => (n / 1024).toFixed(1);
  const rootBytes = walk(dir).reduce((a, f) => a + fs.statSync(f).size, 0);
  const f = (xs, q) => percentile(xs, q).toFixed(2).padStart(7);
  const ratio = q => (percentile(composed, q) / percentile(parse, q)).toFixed(2).padStart(7);
  console.log(`${label}: ${kib(rootBytes)} KiB in the workspace, edited ${edited} (${kib(original.length)} KiB, ${findings} findings), ${kind === 'comment' ? 'typing in a trailing comment' : 'typing in a value'} (its document ${kib(docSize)} KiB); first (open) ${openMs.toFixed(1)} ms`);
  console.log(`  keystroke: re-render + judge of the roots  p50 ${f(composed, 50)} ms  p95 ${f(composed, 95)} ms`);
  // CPU time of the process, all its threads (the collector's included): what the keystroke costs the machine.
  console.log(`  keystroke, CPU time of the process         p50 ${f(cpu, 50)} ms  p95 ${f(cpu, 95)} ms`);
  console.log(`  re-parse of the edited file                p50 ${f(parse, 50)} ms  p95 ${f(parse, 95)} ms`);
  console.log(`  keystroke / re-parse                       p50 ${ratio(50)}     p95 ${ratio(95)}`);
  console.log(`  lint of the edited file as written         p50 ${f(written, 50)} ms  p95 ${f(written, 95)} ms`);
  const per = n => (n / samples).toFixed(1);
  console.log(`  per keystroke: ${per(work.built)} kept builds made, ${per(work.reused)} taken, ${per(work.copies)} shared objects copied; rendered objects ${per(work.parsed)} parsed, ${per(work.derived)} derived from their last parse`);
  console.log(`  composer on a file no root reaches         p50 ${f(unreached, 50)} ms  p95 ${f(unreached, 95)} ms`);
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`Kustomize keystroke (in process, ${SAMPLES} samples (6 on the real manifests), default settings, debounce excluded); node ${process.version}`);
const krusty = largestKrustyRoot();
if (krusty) {
  const dir = writeTree(krusty.files);
  // The largest file the root reads that is not a kustomization.
  const edited = Object.entries(krusty.files).filter(([k]) => !/kustomization\.ya?ml$|Kustomization$/.test(k)).sort((a, b) => b[1].length - a[1].length)[0][0];
  measure(`krusty ${krusty.name}`, dir, edited);
  measure(`krusty ${krusty.name}`, writeTree(krusty.files), edited, SAMPLES, 'value');
}
const real = realTree();
const overlay = (name, settings) => ({
  [`overlays/${name}/kustomization.yaml`]: `resources:\n  - ../../base\npatches:\n  - path: patch.yaml\n`,
  [`overlays/${name}/patch.yaml`]: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${real.target}\nspec:\n  template:\n    metadata:\n      labels:\n        tier: ${name}\n${settings}`,
});
const files = {
  ...real.files,
  'base/kustomization.yaml': `resources:\n${Object.keys(real.files).map(f => `  - ${path.basename(f)}`).join('\n')}\n`,
  // Production hardens the first container: the setting typed in is a value of the patch.
  ...overlay('dev', ''), ...overlay('staging', ''),
  ...overlay('production', `    spec:\n      containers:\n      - name: ${real.container}\n        securityContext:\n          runAsUser: 1000\n`),
};
const dir = writeTree(files);
// Only when the real files render together (no object defined twice): else say why.
const plan = planKustomize(memorySource(Object.fromEntries(Object.entries(files).map(([k, v]) => [`/r/${k}`, v]))), ['/r/base', '/r/overlays/dev', '/r/overlays/production', '/r/overlays/staging']);
const failed = plan.renders.find(r => !r.result.ok);
if (failed) console.log(`real manifests as a base: not measured (${failed.result.error.message.slice(0, 160)})`);
else {
  // Megabytes per render: fewer samples (the machine is shared).
  const few = Math.min(SAMPLES, Number(option("--real-samples")) || 6);
  const largest = Object.entries(real.files).sort((a, b) => b[1].length - a[1].length)[0][0];
  measure('real manifests as a base, 3 overlays: keystroke in an overlay patch', dir, 'overlays/production/patch.yaml', few);
  measure('real manifests as a base, 3 overlays: keystroke in an overlay patch', writeTree(files), 'overlays/production/patch.yaml', few, 'value', true);
  measure('real manifests as a base, 3 overlays: keystroke in the largest base file', writeTree(files), largest, few);
  measure('real manifests as a base, 3 overlays: keystroke in the largest base file', writeTree(files), largest, few, 'value');
}
