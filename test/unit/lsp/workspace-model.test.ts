import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintParsed, parseFile, resolveConfig } from '@kube-harden/server';
import type { LintOptions } from '@kube-harden/server';
import { MAX_TEXT_LENGTH } from '@kube-harden/server/out/engine/model/parse';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { SettingsStore } from '@kube-harden/server/out/lsp/settings';
import { canonicalUri } from '@kube-harden/server/out/lsp/uris';
import { Validator } from '@kube-harden/server/out/lsp/validation';
import { WorkspaceModel, WorkspaceModelDeps } from '@kube-harden/server/out/lsp/workspace';
import { Diagnostic, FileChangeType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { yaml } from '../../helpers/manifest';

const ns = (level: string) => yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: team
    labels:
      pod-security.kubernetes.io/enforce: ${level}
`;
const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    namespace: team
  spec:
    containers:
    - name: app
      image: nginx:1.27
`;

const quiet = () => new RateLimitedLog({ error() {}, warn() {} });

function tempFolder(files: Record<string, string>): { dir: string; uri: (rel: string) => string; cleanup(): void } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-model-')));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return { dir, uri: rel => pathToFileURL(path.join(dir, rel)).href, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function model(dir: string, overrides: Partial<WorkspaceModelDeps> = {}) {
  const open = new Set<string>();
  const changes: string[][] = [];
  const m = new WorkspaceModel({
    isOpen: uri => open.has(uri),
    factsChanged: uris => changes.push([...uris].map(u => path.basename(u)).sort()),
    exclusionSettings: async () => ({}),
    log: quiet(),
    ...overrides,
  });
  m.setFolders([{ uri: pathToFileURL(dir).href }]);
  return { m, open, changes };
}

const levelOf = (m: WorkspaceModel) => m.index.namespaceObject('team')?.labels['pod-security.kubernetes.io/enforce'];

describe('lsp: workspace model', () => {
  it('reads the default namespace before indexing and on settings changes, scoped to the first folder; tells only of a change', async () => {
    const f = tempFolder({ 'pod.yaml': POD.replace('  namespace: team\n', '') });
    try {
      let answer: string | undefined = 'team';
      const scopes: Array<string | undefined> = [];
      let told = 0;
      const { m } = model(f.dir, {
        defaultNamespace: async scope => { scopes.push(scope); return answer; },
        namespaceChanged: () => { told++; },
      });
      await m.reindex();
      const [pod] = m.index.workloads();
      assert.equal(m.index.namespaceOf(pod), 'team');
      assert.deepEqual(scopes, [pathToFileURL(f.dir).href]);
      assert.equal(told, 1);
      await m.configurationChanged();
      assert.equal(told, 1, 'the same namespace: nothing to re-lint');
      const g = m.index.generation;
      answer = 'other';
      await m.configurationChanged();
      assert.equal(told, 2);
      assert.equal(m.index.generation, g + 1);
      assert.equal(m.index.namespaceOf(m.index.workloads()[0]), 'other');
      answer = undefined; // could not be read: the current one stays
      await m.configurationChanged();
      assert.equal(m.index.options.defaultNamespace, 'other');
      assert.equal(told, 2);
    } finally {
      f.cleanup();
    }
  });

  it('indexes manifests of the folder, skipping chart templates, .git, node_modules, excluded and oversized files', async () => {
    const f = tempFolder({
      'ns.yaml': ns('baseline'),
      'apps/pod.yml': POD,
      'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
      'chart/templates/pod.yaml': POD.replace('web', 'templated'),
      '.git/pod.yaml': POD.replace('web', 'git'),
      'node_modules/x/pod.json': '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"npm"}}',
      'vendor/pod.yaml': POD.replace('web', 'vendored'),
      'notes.txt': POD.replace('web', 'text'),
    });
    // Sparse: its size says too large before a byte is read.
    fs.writeFileSync(path.join(f.dir, 'big.yaml'), POD.replace('web', 'big'));
    fs.truncateSync(path.join(f.dir, 'big.yaml'), MAX_TEXT_LENGTH + 1);
    try {
      const { m, changes } = model(f.dir, { exclusionSettings: async () => ({ exclude: ['vendor/**'] }) });
      await m.reindex();
      assert.deepEqual(m.index.all().map(o => `${o.kind}/${o.name}`).sort(), ['Namespace/team', 'Pod/web']);
      assert.equal(levelOf(m), 'baseline');
      assert.deepEqual(changes, [['ns.yaml', 'pod.yml']], 'one notification for the whole pass');
      m.dispose();
    } finally {
      f.cleanup();
    }
  });

  it('takes an open document\'s objects from the editor, tells only of changed facts, and reads the disk again on close', async () => {
    const f = tempFolder({ 'ns.yaml': ns('baseline') });
    try {
      const { m, open, changes } = model(f.dir);
      await m.reindex();
      changes.length = 0;
      const uri = f.uri('ns.yaml');
      open.add(canonicalUri(uri));
      m.documentParsed(uri, parseFile(ns('baseline')));
      assert.deepEqual(changes, [], 'the same facts as the disk');
      m.documentParsed(uri, parseFile(`# moved down\n\n${ns('baseline')}`));
      assert.deepEqual(changes, [], 'objects that only moved change nothing for other files');
      assert.equal(m.index.summariesOf(canonicalUri(uri))[0].range.start.line, 5, 'but their positions are current');
      m.documentParsed(uri, parseFile(ns('restricted')));
      assert.deepEqual(changes, [['ns.yaml']]);
      assert.equal(levelOf(m), 'restricted');

      // The disk changes under the open editor: the editor's text still wins.
      fs.writeFileSync(path.join(f.dir, 'ns.yaml'), ns('privileged'));
      await m.filesChanged([{ uri, type: FileChangeType.Changed }]);
      await m.filesChanged([{ uri, type: FileChangeType.Deleted }]);
      assert.equal(levelOf(m), 'restricted');
      assert.equal(changes.length, 1);

      open.delete(canonicalUri(uri));
      await m.documentClosed(uri);
      assert.equal(levelOf(m), 'privileged');
      assert.deepEqual(changes, [['ns.yaml'], ['ns.yaml']]);
      m.dispose();
    } finally {
      f.cleanup();
    }
  });

  it('holds an open file outside the folders while it is open, and lints excluded files on their own', async () => {
    const f = tempFolder({ 'pod.yaml': POD, 'skip/ns.yaml': ns('baseline') });
    try {
      const { m, changes } = model(f.dir, { exclusionSettings: async () => ({ filesExclude: { skip: true } }) });
      await m.reindex();
      assert.equal(levelOf(m), undefined);
      assert.equal(m.indexFor(f.uri('skip/ns.yaml')), undefined);
      assert.equal(m.indexFor(f.uri('pod.yaml')), m.index);
      m.documentParsed(f.uri('skip/ns.yaml'), parseFile(ns('baseline')));
      assert.equal(levelOf(m), undefined, 'an excluded file stays out even when open');

      const untitled = 'untitled:Untitled-1';
      m.documentParsed(untitled, parseFile(ns('restricted')));
      assert.equal(levelOf(m), 'restricted');
      changes.length = 0;
      await m.documentClosed(untitled);
      assert.equal(levelOf(m), undefined);
      assert.deepEqual(changes, [['untitled:Untitled-1']]);
      m.dispose();
    } finally {
      f.cleanup();
    }
  });

  it('follows file events: created (unless excluded or not a manifest), changed, moved only, a deleted folder', async () => {
    const f = tempFolder({ 'team/ns.yaml': ns('baseline') });
    try {
      const { m, changes } = model(f.dir, { exclusionSettings: async () => ({ exclude: ['ignored/**'] }) });
      await m.reindex();
      changes.length = 0;
      fs.mkdirSync(path.join(f.dir, 'ignored'));
      fs.writeFileSync(path.join(f.dir, 'ignored', 'pod.yaml'), POD);
      await m.filesChanged([{ uri: f.uri('ignored/pod.yaml'), type: FileChangeType.Created }]);
      assert.deepEqual(changes, [], 'excluded');
      fs.writeFileSync(path.join(f.dir, 'pod.yaml'), POD);
      fs.writeFileSync(path.join(f.dir, 'readme.md'), POD);
      await m.filesChanged([{ uri: f.uri('pod.yaml'), type: FileChangeType.Created }, { uri: f.uri('readme.md'), type: FileChangeType.Created }]);
      assert.deepEqual(changes, [['pod.yaml']]);
      fs.writeFileSync(path.join(f.dir, 'pod.yaml'), `# comment\n${POD}`);
      await m.filesChanged([{ uri: f.uri('pod.yaml'), type: FileChangeType.Changed }]);
      assert.equal(changes.length, 1, 'moved, not changed');
      fs.rmSync(path.join(f.dir, 'team'), { recursive: true });
      await m.filesChanged([{ uri: f.uri('team'), type: FileChangeType.Deleted }]);
      assert.deepEqual(changes.at(-1), ['ns.yaml']);
      assert.equal(levelOf(m), undefined);
      m.dispose();
    } finally {
      f.cleanup();
    }
  });

  it('re-indexes only when the exclusions change, and sweeps out what they now exclude', async () => {
    const f = tempFolder({ 'a/ns.yaml': ns('baseline'), 'pod.yaml': POD });
    try {
      let exclude: string[] = [];
      let asked = 0;
      const { m } = model(f.dir, { exclusionSettings: async () => { asked++; return { exclude }; } });
      await m.reindex();
      assert.equal(levelOf(m), 'baseline');
      const gen = m.index.generation;
      await m.configurationChanged();
      assert.equal(m.index.generation, gen, 'same exclusions: nothing read again');
      exclude = ['a/**'];
      await m.configurationChanged();
      assert.equal(levelOf(m), undefined);
      assert.equal(m.index.fileCount, 1);
      assert.ok(asked >= 3);
      m.dispose();
    } finally {
      f.cleanup();
    }
  });

  it('cancels a running pass when a new one starts, and stops on dispose', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`cm-${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`;
    const f = tempFolder(files);
    try {
      const { m } = model(f.dir);
      const first = m.reindex();
      const second = m.reindex();
      await Promise.all([first, second]);
      assert.equal(m.index.fileCount, 200);
      const third = m.reindex();
      m.dispose();
      await third;
      assert.equal(m.indexing, false);
    } finally {
      f.cleanup();
    }
  });
});

describe('lsp: ParseCache and the workspace model', () => {
  it('summarizes an open document once per version: the lint takes the summaries the model made', () => {
    const { m } = model(os.tmpdir());
    m.setFolders([]);
    const seen: LintOptions[] = [];
    const cache = new ParseCache({ parseFile, lintParsed: (file, resolved, options) => { seen.push(options ?? {}); return lintParsed(file, resolved, options); } }, m);
    // A URI two editors spell differently: the model and the lint both key it canonically.
    const doc = TextDocument.create('file:///w/My%20Pod.yaml', 'yaml', 1, POD);
    const result = cache.lint(doc, resolveConfig({}));
    assert.equal(seen.length, 1);
    const held = m.index.summariesOf(canonicalUri(doc.uri));
    assert.equal(held.length, 1);
    assert.equal(seen[0].summaries, held, 'the very array the model holds, not a second summary');
    assert.equal(seen[0].uri, canonicalUri(doc.uri));
    assert.deepEqual(result.findings.map(f => f.ruleId), ['require-drop-all-capabilities', 'require-memory-limit', 'require-no-privilege-escalation', 'require-run-as-non-root', 'require-seccomp-profile']);
    // The same version under another configuration: no new parse, the same summaries.
    cache.lint(doc, resolveConfig({ level: 'baseline' }));
    assert.equal(seen[1].summaries, held);
    // A new version: summarized anew, once.
    const v2 = TextDocument.create(doc.uri, 'yaml', 2, POD.replace('name: web', 'name: api'));
    cache.lint(v2, resolveConfig({}));
    assert.notEqual(seen[2].summaries, held);
    assert.equal(seen[2].summaries, m.index.summariesOf(canonicalUri(doc.uri)));
    assert.equal(seen[2].summaries?.[0].name, 'api');
    m.dispose();
  });

  it('lets the lint summarize a document the model does not hold (excluded files are linted on their own)', () => {
    const seen: LintOptions[] = [];
    const cache = new ParseCache({ parseFile, lintParsed: (file, resolved, options) => { seen.push(options ?? {}); return lintParsed(file, resolved, options); } });
    cache.lint(TextDocument.create('file:///w/pod.yaml', 'yaml', 1, POD), resolveConfig({}));
    assert.equal(seen[0].summaries, undefined);
  });
});

describe('lsp: Validator and the workspace model', () => {
  function harness() {
    const docs = new Map<string, TextDocument>();
    const published: PublishDiagnosticsParams[] = [];
    const log = quiet();
    let validator: Validator | undefined;
    // Wired as server.ts wires them: the model tells the validator of changed facts.
    const { m } = model(os.tmpdir(), { factsChanged: uris => validator?.factsChanged(uris) });
    m.setFolders([]);
    validator = new Validator({
      document: uri => docs.get(uri), all: () => [...docs.values()], cache: new ParseCache(undefined, m), settings: new SettingsStore(undefined, log),
      publish: p => published.push(p), docsHref: id => id, log, debounceMs: 5, ready: () => m.whenReady(),
    });
    const open = (uri: string, text: string, version = 1) => {
      const doc = TextDocument.create(uri, 'yaml', version, text);
      docs.set(uri, doc);
      validator!.contentChanged(doc);
    };
    // Every rule a publication reports: a diagnostic that groups several findings lists them in data.group.
    const rules = (d: Diagnostic) => (d.data as { group?: Array<{ ruleId: string }> }).group?.map(g => g.ruleId) ?? [String(d.code)];
    const codes = (uri: string) => published.filter(p => p.uri === uri).map(p => p.diagnostics.flatMap(rules).sort().join(','));
    const until = async (probe: () => boolean, what: string) => {
      const deadline = Date.now() + 2000;
      while (!probe()) {
        if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}: ${JSON.stringify(published.map(p => [p.uri, p.diagnostics.length]))}`);
        await new Promise(resolve => setTimeout(resolve, 2));
      }
    };
    return { docs, published, validator: validator!, open, codes, until, m };
  }

  it('re-lints the other open documents when a file\'s facts change, and only when they do', async () => {
    const h = harness();
    const pod = 'file:///w/pod.yaml';
    h.open(pod, POD);
    await h.until(() => h.codes(pod).length === 1, 'the Pod');
    assert.match(h.codes(pod)[0], /require-run-as-non-root/);

    h.open('file:///w/ns.yaml', ns('baseline'));
    await h.until(() => h.codes(pod).length === 2, 'the Pod again');
    // Baseline: no Pod Security finding; the memory limit is not one, and stays.
    assert.equal(h.codes(pod)[1], 'require-memory-limit', 'the Namespace, opened in another file, decides the Pod\'s level');
    assert.equal(h.codes('file:///w/ns.yaml').length, 1, 'the Namespace itself is not linted again for its own change');

    const before = h.published.length;
    h.open('file:///w/ns.yaml', `# moved\n${ns('baseline')}`, 2);
    await h.until(() => h.codes('file:///w/ns.yaml').length === 2, 'the moved Namespace');
    await new Promise(resolve => setTimeout(resolve, 30)); // six debounce intervals: time enough for a wrong re-lint
    assert.deepEqual(h.published.slice(before).map(p => p.uri), ['file:///w/ns.yaml'], 'objects that only moved re-validate nothing else');

    // Told of a change that did not change the model: the cached results are not sent again.
    let mark = h.published.length;
    h.validator.factsChanged(new Set([canonicalUri(pod), 'untitled:other']));
    await new Promise(resolve => setTimeout(resolve, 30));
    assert.deepEqual(h.published.slice(mark), []);

    // A file that is not open changes the model with a fact no rule that judged them reads: their
    // findings stand, nothing is sent again.
    mark = h.published.length;
    h.m.documentParsed('untitled:other', parseFile('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n'));
    await new Promise(resolve => setTimeout(resolve, 30));
    assert.deepEqual(h.published.slice(mark), []);

    // A LimitRange: the Pod's resource rules read their defaults, and only the Pod is linted again.
    mark = h.published.length;
    h.m.documentParsed('untitled:other', parseFile('apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits: []\n'));
    await h.until(() => h.published.length >= mark + 1, 'the Pod');
    await new Promise(resolve => setTimeout(resolve, 30));
    assert.deepEqual(h.published.slice(mark).map(p => p.uri), [pod]);
    h.validator.dispose();
    h.m.dispose();
  });
});
