// A keystroke in a file Kustomize roots reach re-renders and re-judges from what the last one
// kept (renders, the renderer's parses, each root's rendered stream and its lint). Over a sequence
// of edits (a base object, a patch, a kustomization adding and dropping a resource and a patch,
// a configMapGenerator's source file), every file's findings equal those of a composer that
// starts from nothing on the same texts; and files the edit did not touch are not parsed again.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  clearKustomizeBuildMemo, clearKustomizeEmitMemo, clearKustomizeParseCache, kustomizeBuildStats, kustomizeSharedTreeCopies, LintResult, memorySource, renderKustomization, observeKustomizeParses, parseFile, resolveConfig, summarizeFile, WorkspaceIndex,
} from '@kube-harden/server/out/engine';
import { KustomizeComposer } from '@kube-harden/server/out/lsp/composed/kustomize';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import { parseStats } from '@kube-harden/server/out/engine/render/kustomize/parse';
import { sortStats } from '@kube-harden/server/out/engine/render/kustomize/sort';
import { removeTempTrees, tempTree } from '../../helpers/cli';
import { TREE, webPatch } from '../kustomize-lint/tree';

const resolved = resolveConfig({});

const FILES: Record<string, string> = {
  ...TREE,
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: app\n    files:\n      - app.properties\n',
  'base/app.properties': 'mode=fast\n',
};

/** An editor session over the tree: open documents (every file), the model, the parse cache and one composer. */
class Session {
  readonly docs = new Map<string, TextDocument>();
  readonly index = new WorkspaceIndex();
  readonly cache: ParseCache;
  readonly composer: KustomizeComposer;

  constructor(readonly dir: string, texts: Record<string, string>) {
    this.cache = new ParseCache(undefined, {
      documentParsed: (u: string, parsed: ReturnType<typeof parseFile>) => { const s = summarizeFile(u, parsed); this.index.setFile(u, s); return s; },
      indexFor: () => this.index,
    });
    this.composer = new KustomizeComposer({ openText: p => this.docs.get(p)?.getText(), index: () => this.index, parsed: doc => this.cache.get(doc) });
    for (const [rel, text] of Object.entries(texts)) this.set(rel, text);
  }

  set(rel: string, text: string): void {
    const file = path.join(this.dir, rel);
    const before = this.docs.get(file);
    const doc = TextDocument.create(pathToFileURL(file).href, /\.ya?ml$/.test(rel) ? 'yaml' : 'plaintext', (before?.version ?? 0) + 1, text);
    this.docs.set(file, doc);
    if (doc.languageId === 'yaml') this.cache.get(doc);
  }

  text(rel: string): string { return this.docs.get(path.join(this.dir, rel))!.getText(); }

  /** Every YAML file's findings through the roots that reach it (undefined: none does), and what each root rendered. */
  findings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const rendered: Record<string, string> = {};
    for (const [file, doc] of [...this.docs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (doc.languageId !== 'yaml') continue;
      out[path.relative(this.dir, file)] = shape(this.composer.lint(doc, resolved));
      for (const { root, result } of this.composer.judge(file, resolved)?.plan.renders ?? []) {
        rendered[path.relative(this.dir, root)] = result.ok ? result.yaml : `error: ${result.error.message}`;
      }
    }
    return { ...out, rendered };
  }
}

function shape(r: LintResult | undefined): unknown {
  if (!r) return undefined;
  const f = (x: LintResult['findings'][number]) => ({ rule: x.ruleId, id: x.messageId, message: x.message, severity: x.severity, offsets: x.offsets, range: x.range, related: x.related });
  return { findings: r.findings.map(f), suppressed: (r.suppressed ?? []).map(s => f(s.finding)) };
}

/** Empties every cache the renderer keeps between renders. */
function clearRendererCaches(): void {
  clearKustomizeParseCache();
  clearKustomizeEmitMemo();
  clearKustomizeBuildMemo();
}

/**
 * The findings a composer that starts from nothing (renderer caches emptied) gives on these texts,
 * and each root rendered alone, the caches emptied before each: what one root keeps can never
 * leak into what another renders.
 */
function fromScratch(dir: string, texts: Record<string, string>): Record<string, unknown> {
  clearRendererCaches();
  const all = new Session(dir, texts).findings();
  const files = memorySource(Object.fromEntries(Object.entries(texts).map(([rel, text]) => [path.join(dir, rel), text])));
  const alone: Record<string, string> = {};
  for (const root of Object.keys(all.rendered as Record<string, string>)) {
    clearRendererCaches();
    const result = renderKustomization(files, path.join(dir, root));
    alone[root] = result.ok ? result.yaml : `error: ${result.error.message}`;
  }
  return { ...all, rendered: alone };
}

/**
 * One base under three overlays that use it differently: renamed and moved (dev), patched by
 * name and by a label selector (canary), labelled and patched (prod).
 */
const SHARED: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n  - rbac.yaml\n',
  'base/deployment.yaml': [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels:', '    app: web', 'spec:',
    '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web',
    '    spec:', '      serviceAccountName: web', '      containers:', '        - name: web', '          image: nginx:1.25',
    '          securityContext:', '            allowPrivilegeEscalation: false', '            runAsNonRoot: true', '',
  ].join('\n'),
  'base/rbac.yaml': [
    'apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: web', '---',
    'apiVersion: rbac.authorization.k8s.io/v1', 'kind: RoleBinding', 'metadata:', '  name: web-admin',
    'subjects:', '  - kind: ServiceAccount', '    name: web', 'roleRef:', '  apiGroup: rbac.authorization.k8s.io',
    '  kind: ClusterRole', '  name: cluster-admin', '',
  ].join('\n'),
  'overlays/dev/kustomization.yaml': 'resources:\n  - ../../base\nnamePrefix: dev-\nnamespace: dev\nimages:\n  - name: nginx\n    newTag: "1.27.0"\n',
  'overlays/canary/kustomization.yaml': [
    'resources:', '  - ../../base', 'patches:', '  - path: patch.yaml', '  - path: selected.yaml', '    target:',
    '      kind: Deployment', '      labelSelector: tier=front', '',
  ].join('\n'),
  'overlays/canary/patch.yaml': webPatch(['privileged: true']),
  'overlays/canary/selected.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: any\nspec:\n  template:\n    spec:\n      hostNetwork: true\n',
  'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\ncommonLabels:\n  env: prod\npatches:\n  - path: harden.yaml\n',
  'overlays/prod/harden.yaml': webPatch(['readOnlyRootFilesystem: true']),
};

/**
 * Applies the edits one by one in one session; after each, every file's findings must be those of
 * a composer from scratch. The expectations are computed first, so the session runs on the caches
 * it kept itself from one edit to the next, as in the editor.
 */
function assertEditsMatchScratch(dir: string, files: Record<string, string>, edits: Array<[string, (text: string) => string]>) {
  const states = [files];
  for (const [rel, edit] of edits) states.push({ ...states[states.length - 1], [rel]: edit(states[states.length - 1][rel] ?? '') });
  const expected = states.map(texts => fromScratch(dir, texts));
  clearRendererCaches();
  const session = new Session(dir, files);
  const all: Array<Record<string, unknown>> = [];
  states.forEach((texts, i) => {
    if (i > 0) session.set(edits[i - 1][0], texts[edits[i - 1][0]]);
    all.push(session.findings());
    assert.deepEqual(all[i], expected[i], i === 0 ? 'before any edit' : `after edit ${i} (${edits[i - 1][0]})`);
  });
  // How many edits changed what is reported (a sequence that changes nothing proves little).
  const changes = all.filter((now, i) => i > 0 && JSON.stringify(now) !== JSON.stringify(all[i - 1])).length;
  return { changes, first: all[0], last: all[all.length - 1] };
}

/**
 * A base whose Deployment takes a var from its Service, under an overlay with three kinds of
 * patch: a strategic merge by name (containers merged by name), a JSON 6902 patch by target and a
 * `$patch: delete`.
 */
const PATCHED: Record<string, string> = {
  'base/kustomization.yaml': [
    'resources:', '  - deployment.yaml', '  - service.yaml', 'vars:', '  - name: SVC_PORT', '    objref:', '      kind: Service',
    '      name: web', '      apiVersion: v1', '    fieldref:', '      fieldpath: spec.ports[0].port', '',
  ].join('\n'),
  'base/deployment.yaml': [
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  selector:', '    matchLabels:', '      app: web',
    '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers:', '        - name: web',
    '          image: nginx:1.25', '          env:', '            - name: PORT', '              value: "$(SVC_PORT)"', '',
  ].join('\n'),
  'base/service.yaml': [
    'apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app: web', '  ports:', '    - port: 8080',
    '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: extra', 'data:', '  password: hunter22secret', '',
  ].join('\n'),
  'overlays/prod/kustomization.yaml': [
    'resources:', '  - ../../base', 'patches:', '  - path: patch.yaml', '  - path: json.yaml', '    target:', '      kind: Deployment',
    '      name: web', '  - path: delete.yaml', '',
  ].join('\n'),
  'overlays/prod/patch.yaml': webPatch(['privileged: true']),
  'overlays/prod/json.yaml': '- op: add\n  path: /spec/template/spec/hostNetwork\n  value: true\n',
  'overlays/prod/delete.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n$patch: delete\n',
};

/** A binding of the default namespace's default ServiceAccount (the pods' own) to cluster-admin. */
const CLUSTER_ADMIN = [
  'apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', 'metadata:', '  name: everyone-admin', 'subjects:',
  '  - kind: ServiceAccount', '    name: default', '    namespace: default', 'roleRef:', '  apiGroup: rbac.authorization.k8s.io',
  '  kind: ClusterRole', '  name: cluster-admin', '',
].join('\n');

/** A session over a new tree of these files, every file linted once. */
function opened(files: Record<string, string>): { dir: string; session: Session } {
  const dir = tempTree(files);
  const session = new Session(dir, files);
  session.findings();
  return { dir, session };
}

const count = (all: Record<string, unknown>) => Object.entries(all).reduce<number>((n, [file, r]) => n + (file === 'rendered' ? 0 : (r as { findings: unknown[] } | undefined)?.findings.length ?? 0), 0);

describe('lsp: a keystroke in a Kustomize workspace', () => {
  after(() => { observeKustomizeParses(undefined); removeTempTrees(); });

  it('gives the findings of a render and judgement from scratch after every edit', () => {
    const edits: Array<[string, (text: string) => string]> = [
      // A base object: a value, then a comment that moves everything below it.
      ['base/deployment.yaml', t => t.replace('image: nginx:latest', 'image: nginx:1.26')],
      ['base/deployment.yaml', t => t.replace('kind: Pod\n', 'kind: Pod\n# the debug pod\n')],
      ['base/deployment.yaml', t => t.replace('privileged: true', 'privileged: false')],
      // A comment typed at the end (nothing the renderer reads changes), then a value after it.
      ['base/deployment.yaml', t => `${t}# more to come\n`],
      ['base/deployment.yaml', t => `${t}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  password: hunter22secret\n`],
      ['base/deployment.yaml', t => t.replace('privileged: false', 'privileged: true')],
      // A patch: a setting taken out, then put back with another.
      ['overlays/production/privileged.yaml', t => t.replace('privileged: true', 'runAsUser: 0')],
      ['overlays/production/privileged.yaml', t => `${t.trimEnd()}\n            privileged: true\n`],
      ['overlays/production/privileged.yaml', t => `${t}# why: the agent needs it\n`],
      ['overlays/production/privileged.yaml', t => `${t}            readOnlyRootFilesystem: true\n`],
      // A kustomization: a resource added (an unsaved new file), a patch dropped, then back.
      ['overlays/production/extra.yaml', () => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: extra\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: busybox:1.36\n'],
      ['overlays/production/kustomization.yaml', t => t.replace('  - ../../base\n', '  - ../../base\n  - extra.yaml\n')],
      ['overlays/production/kustomization.yaml', t => t.replace('patches:\n  - path: privileged.yaml\n', '')],
      // Another rendered object decides the Deployment's findings: a binding of its service account to cluster-admin.
      ['overlays/production/admin.yaml', () => 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: admin\nsubjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: prod\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\n'],
      ['overlays/production/kustomization.yaml', t => t.replace('  - extra.yaml\n', '  - extra.yaml\n  - admin.yaml\n')],
      ['overlays/production/admin.yaml', t => t.replace('cluster-admin', 'view')],
      ['overlays/production/kustomization.yaml', t => t.replace('  - extra.yaml\n  - admin.yaml\n', '')],
      ['overlays/production/kustomization.yaml', t => t.replace('images:\n', 'patches:\n  - path: privileged.yaml\nimages:\n')],
      // The generator's source file: a credential appears in the ConfigMap, then goes.
      ['base/app.properties', t => `${t}password=hunter22secret\n`],
      ['base/app.properties', () => 'mode=slow\n'],
      // A base kustomization that drops its resource, then lists it again.
      ['base/kustomization.yaml', t => t.replace('  - deployment.yaml\n', '  []\n').replace('resources:\n  []', 'resources: []')],
      ['base/kustomization.yaml', t => t.replace('resources: []', 'resources:\n  - deployment.yaml')],
    ];
    const { changes, first, last: before } = assertEditsMatchScratch(tempTree(FILES), FILES, edits);
    const privileged = (first['overlays/production/privileged.yaml'] as { findings: Array<{ rule: string }> }).findings;
    assert.ok(privileged.length > 0, 'the production patch has findings to keep right');
    // The sequence is not idle: most edits change what is reported.
    assert.ok(changes >= 10, `${changes} edits changed the findings`);
    assert.ok(count(before) > 0);
  });

  it('parses again only the file typed in, and only the rendered objects it changed', () => {
    const { dir, session } = opened(FILES);
    const parsed: string[] = [];
    observeKustomizeParses(file => parsed.push(path.relative(dir, file)));
    const streams = session.composer.streams.stats;
    const documents = streams.documentsParsed, derived = streams.documentsDerived;
    const runs = { ...parseStats };
    session.set('overlays/production/privileged.yaml', session.text('overlays/production/privileged.yaml').replace('privileged: true', 'privileged: false'));
    session.composer.lint(session.docs.get(path.join(dir, 'overlays/production/privileged.yaml'))!, resolved);
    observeKustomizeParses(undefined);
    assert.deepEqual(parsed, ['overlays/production/privileged.yaml']);
    // Read from the editor's parse of the new text: the renderer parses nothing itself.
    assert.deepEqual({ runs: parseStats.runs - runs.runs, fromEditor: parseStats.fromEditor - runs.fromEditor }, { runs: 0, fromEditor: 1 });
    // Production renders the Deployment and the generated ConfigMap: only the patched Deployment
    // changed, in one value, so its parse is derived from the last one (page-edit.ts): none is parsed.
    assert.deepEqual({ parsed: streams.documentsParsed - documents, derived: streams.documentsDerived - derived }, { parsed: 0, derived: 1 });

    // A comment typed in the middle of a base file: parsed again (the objects after it moved),
    // both overlays render again, and their streams read as before.
    const reused = streams.reusedStreams;
    const parsedStreams = streams.parsed;
    parsed.length = 0;
    observeKustomizeParses(file => parsed.push(path.relative(dir, file)));
    session.set('base/deployment.yaml', session.text('base/deployment.yaml').replace('kind: Pod\n', 'kind: Pod\n# typed\n'));
    session.composer.lint(session.docs.get(path.join(dir, 'base/deployment.yaml'))!, resolved);
    observeKustomizeParses(undefined);
    assert.deepEqual(parsed, ['base/deployment.yaml']);
    assert.equal(streams.parsed, parsedStreams, 'no rendered stream parsed again');
    assert.equal(streams.reusedStreams - reused, 2, 'both overlays (the roots; the base is not one): their streams read as before');

    // A comment typed at the end of the base file (a line of its own after the last object):
    // nothing is parsed to tell that nothing changed, nor rendered or judged again.
    const base = path.join(dir, 'base/deployment.yaml');
    const judgement = session.composer.judge(base, resolved);
    parsed.length = 0;
    const reusedBefore = streams.reusedStreams;
    observeKustomizeParses(file => parsed.push(path.relative(dir, file)));
    session.set('base/deployment.yaml', `${session.text('base/deployment.yaml')}# typed at the end\n`);
    session.composer.lint(session.docs.get(base)!, resolved);
    assert.deepEqual(parsed, []);
    assert.equal(session.composer.judge(base, resolved), judgement, 'the renders and their judgement are reused whole');
    assert.equal(streams.reusedStreams, reusedBefore);
    // Indented, the comment is inside the last object's map (its range grows): parsed, and rendered again.
    session.set('base/deployment.yaml', `${session.text('base/deployment.yaml')}    # typed, indented\n`);
    session.composer.lint(session.docs.get(base)!, resolved);
    observeKustomizeParses(undefined);
    assert.deepEqual([...new Set(parsed)], ['base/deployment.yaml']);
    assert.notEqual(session.composer.judge(base, resolved), judgement);
  });
  it('gives the findings from scratch while a base shared by three overlays is edited', () => {
    const label = (t: string) => t.replace('    app: web\nspec:', '    app: web\n    tier: front\nspec:');
    const { changes, last } = assertEditsMatchScratch(tempTree(SHARED), SHARED, [
      // Values in the base every overlay renders.
      ['base/deployment.yaml', t => t.replace('image: nginx:1.25', 'image: nginx:latest')],
      ['base/deployment.yaml', t => t.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true')],
      ['overlays/canary/patch.yaml', t => t.replace('privileged: true', 'privileged: false')],
      // The canary's selector patch starts matching the Deployment, changes, and stops matching.
      ['base/deployment.yaml', label],
      ['overlays/canary/selected.yaml', t => t.replace('hostNetwork: true', 'hostPID: true')],
      ['base/deployment.yaml', t => t.replace('    tier: front\n', '')],
      // The dev overlay's prefix, namespace and image.
      ['overlays/dev/kustomization.yaml', t => t.replace('namePrefix: dev-', 'namePrefix: test-')],
      ['overlays/dev/kustomization.yaml', t => t.replace('namespace: dev', 'namespace: qa')],
      ['overlays/dev/kustomization.yaml', t => t.replace('newTag: "1.27.0"', 'newTag: latest')],
      // The base renames the Deployment the overlays' patches name (they fail), then names it back.
      ['base/deployment.yaml', t => t.replace('  name: web\n  labels:', '  name: web2\n  labels:')],
      ['base/deployment.yaml', t => t.replace('  name: web2\n  labels:', '  name: web\n  labels:')],
      // The ServiceAccount the binding and the Deployment name is renamed, then a prefix is added.
      ['base/rbac.yaml', t => t.replace('kind: ServiceAccount\nmetadata:\n  name: web', 'kind: ServiceAccount\nmetadata:\n  name: builder')],
      ['overlays/canary/kustomization.yaml', t => `namePrefix: canary-\n${t}`],
      ['base/rbac.yaml', t => t.replace('  name: builder', '  name: web')],
    ]);
    assert.ok(changes >= 10, `${changes} edits changed the findings`);
    assert.ok(count(last) > 0);
  });

  it('gives the findings from scratch while patches start and stop matching, merge, delete and vars change', () => {
    const { changes, last } = assertEditsMatchScratch(tempTree(PATCHED), PATCHED, [
      // The strategic merge patch stops matching (the render fails), then matches again.
      ['overlays/prod/patch.yaml', t => t.replace('  name: web\n', '  name: webx\n')],
      ['overlays/prod/patch.yaml', t => t.replace('  name: webx\n', '  name: web\n')],
      // Its merge key changes: a second container instead of a merge into the first, then back.
      ['overlays/prod/patch.yaml', t => t.replace('- name: web\n', '- name: sidecar\n')],
      ['overlays/prod/patch.yaml', t => t.replace('- name: sidecar\n', '- name: web\n')],
      // The delete patch becomes a merge (the ConfigMap and its credential are back), then deletes again.
      ['overlays/prod/delete.yaml', t => t.replace('$patch: delete\n', 'data:\n  mode: fast\n')],
      ['overlays/prod/delete.yaml', t => t.replace('data:\n  mode: fast\n', '$patch: delete\n')],
      // The JSON 6902 patch's path changes, then its value.
      ['overlays/prod/json.yaml', t => t.replace('/spec/template/spec/hostNetwork', '/spec/template/spec/hostPID')],
      ['overlays/prod/json.yaml', t => t.replace('value: true', 'value: false')],
      // The kustomization drops the JSON patch, then lists it again.
      ['overlays/prod/kustomization.yaml', t => t.replace('  - path: json.yaml\n    target:\n      kind: Deployment\n      name: web\n', '')],
      ['overlays/prod/kustomization.yaml', t => t.replace('  - path: delete.yaml\n', '  - path: json.yaml\n    target:\n      kind: Deployment\n      name: web\n  - path: delete.yaml\n')],
      // The value a var takes: the Service's port (the Deployment's env changes with it).
      ['base/service.yaml', t => t.replace('port: 8080', 'port: 80')],
      ['base/deployment.yaml', t => t.replace('image: nginx:1.25', 'image: nginx:latest')],
      // Comments at the end: at column 0 (read alike without a parse), then indented (in the last map).
      ['overlays/prod/patch.yaml', t => `${t}# typed\n`],
      ['base/service.yaml', t => `${t}# typed\n`],
      ['base/service.yaml', t => `${t}  # typed, indented\n`],
      ['overlays/prod/patch.yaml', t => `${t}            readOnlyRootFilesystem: true\n`],
    ]);
    assert.ok(changes >= 9, `${changes} edits changed the findings`);
    assert.ok(count(last) > 0);
  });

  it('gives the findings from scratch while values are typed character by character (rendered objects derived, not parsed)', () => {
    // Each step a keystroke: the rendered objects it changes differ from their last text in one
    // value, so their parses are derived (page-edit.ts); a step that takes a value to other lines,
    // renames an object or changes a key is parsed as a whole. Either way: the findings from scratch.
    const type = (from: string, to: string) => (t: string) => { assert.ok(t.includes(from), from); return t.replace(from, to); };
    const { changes, last } = assertEditsMatchScratch(tempTree(PATCHED), PATCHED, [
      // A setting typed into the strategic merge patch: false, then the value typed over.
      ['overlays/prod/patch.yaml', t => `${t}            runAsUser: 1\n`],
      ['overlays/prod/patch.yaml', type('runAsUser: 1\n', 'runAsUser: 10\n')],
      ['overlays/prod/patch.yaml', type('runAsUser: 10\n', 'runAsUser: 100\n')],
      ['overlays/prod/patch.yaml', type('runAsUser: 100\n', 'runAsUser: 0\n')],
      ['overlays/prod/patch.yaml', type('privileged: true', 'privileged: tru')],
      ['overlays/prod/patch.yaml', type('privileged: tru', 'privileged: "true"')],
      ['overlays/prod/patch.yaml', type('privileged: "true"', 'privileged: false')],
      // The var's source typed in: the Deployment's env value changes with it (a number, a string, a quoted one).
      ['base/service.yaml', type('port: 8080', 'port: 808')],
      ['base/service.yaml', type('port: 808', 'port: 80')],
      ['base/service.yaml', type('port: 80', "port: '80'")],
      ['base/service.yaml', type("port: '80'", 'port: 8080')],
      // A base value typed in: the image, to a tag the rules judge, and one that needs quotes.
      ['base/deployment.yaml', type('image: nginx:1.25', 'image: nginx:1.2')],
      ['base/deployment.yaml', type('image: nginx:1.2', 'image: nginx:')],
      ['base/deployment.yaml', type('image: nginx:', 'image: nginx')],
      ['base/deployment.yaml', type('image: nginx', 'image: "nginx: latest"')],
      ['base/deployment.yaml', type('image: "nginx: latest"', 'image: nginx:1.25')],
      // The ConfigMap's credential typed longer, into a text the printer folds over lines, and back.
      ['base/service.yaml', type('password: hunter22secret', 'password: hunter22secretX')],
      ['overlays/prod/delete.yaml', type('$patch: delete\n', 'data:\n  mode: fast\n')],
      ['base/service.yaml', type('password: hunter22secretX', `password: ${'a long secret phrase '.repeat(5).trim()}`)],
      ['base/service.yaml', type(`password: ${'a long secret phrase '.repeat(5).trim()}`, 'password: hunter22secret')],
      // A key typed (a different setting), and the Deployment renamed by a keystroke in its name.
      ['overlays/prod/patch.yaml', type('runAsUser: 0', 'runAsGroup: 0')],
      ['base/deployment.yaml', type('  name: web\nspec:', '  name: webx\nspec:')],
      ['overlays/prod/patch.yaml', type('  name: web\n', '  name: webx\n')],
      ['overlays/prod/kustomization.yaml', type('      name: web\n', '      name: webx\n')],
      // A file no root reaches grants the pods' account cluster-admin, then less: part of the
      // model the rendered objects are judged in (never the last keystroke's model again).
      ['other/rbac.yaml', () => CLUSTER_ADMIN],
      ['overlays/prod/patch.yaml', type('runAsGroup: 0', 'runAsGroup: 1')],
      ['other/rbac.yaml', type('name: cluster-admin', 'name: view')],
      ['overlays/prod/patch.yaml', type('runAsGroup: 1', 'runAsGroup: 2')],
      ['other/rbac.yaml', type('name: view', 'name: cluster-admin')],
    ]);
    assert.ok(changes >= 12, `${changes} edits changed the findings`);
    assert.ok(count(last) > 0);
  });

  it('derives the rendered object a value typed into a patch changes, parses none, and sorts nothing', () => {
    const { dir, session } = opened(SHARED);
    const streams = session.composer.streams.stats;
    const rel = 'overlays/canary/patch.yaml';
    const keystroke = (change: (t: string) => string) => {
      const before = { parsed: streams.documentsParsed, derived: streams.documentsDerived, sorted: sortStats.sorted, reused: sortStats.reused, models: streams.modelsReused };
      session.set(rel, change(session.text(rel)));
      session.composer.lint(session.docs.get(path.join(dir, rel))!, resolved);
      return {
        parsed: streams.documentsParsed - before.parsed, derived: streams.documentsDerived - before.derived,
        sorted: sortStats.sorted - before.sorted, reused: sortStats.reused - before.reused, models: streams.modelsReused - before.models,
      };
    };
    // The canary renders again (one root): its Deployment changed in one value.
    // The model the stream was linted in is the same too (no summary holds runAsUser): used again.
    assert.deepEqual(keystroke(t => `${t}            runAsUser: 1\n`), { parsed: 1, derived: 0, sorted: 0, reused: 1, models: 1 });
    assert.deepEqual(keystroke(t => t.replace('runAsUser: 1\n', 'runAsUser: 10\n')), { parsed: 0, derived: 1, sorted: 0, reused: 1, models: 1 });
    assert.deepEqual(keystroke(t => t.replace('runAsUser: 10\n', 'runAsUser: "10"\n')), { parsed: 0, derived: 1, sorted: 0, reused: 1, models: 1 });
    // A key typed: the Deployment's lines change otherwise, parsed.
    assert.deepEqual(keystroke(t => t.replace('runAsUser: "10"', 'runAsGroup: "10"')), { parsed: 1, derived: 0, sorted: 0, reused: 1, models: 1 });
    // A value the model holds (the pod's privileged setting is a fact): derived, in a new model.
    assert.deepEqual(keystroke(t => t.replace('privileged: true', 'privileged: false')), { parsed: 0, derived: 1, sorted: 0, reused: 1, models: 0 });
    // The workspace without the files the roots cover is the same model keystroke after
    // keystroke, until a file outside them changes.
    const kept = () => session.composer.stats.modelsKept;
    let before = kept();
    keystroke(t => t.replace('runAsGroup: "10"', 'runAsGroup: "11"'));
    assert.equal(kept() - before, 1);
    session.set('other/rbac.yaml', CLUSTER_ADMIN);
    before = kept();
    const first = keystroke(t => t.replace('runAsGroup: "11"', 'runAsGroup: "12"'));
    assert.equal(kept() - before, 0, 'a file outside the roots changed: a new model');
    assert.equal(first.models, 0, 'and the stream is linted in it');
    // What the canary reaches (its open files re-publish after a keystroke in its patch): read
    // once from the kept inclusions, and still all of it after these keystrokes.
    const open = [...session.docs.values()];
    const dependants = session.composer.dependants(session.docs.get(path.join(dir, rel))!, open).map(d => path.relative(dir, new URL(d.uri).pathname)).sort();
    assert.deepEqual(dependants, ['base/deployment.yaml', 'base/kustomization.yaml', 'base/rbac.yaml', 'overlays/canary/kustomization.yaml', 'overlays/canary/selected.yaml']);
  });

  it('re-judges only what an edit changed: the findings of unchanged objects are the same objects', () => {
    const { dir, session } = opened(SHARED);
    const patch = path.join(dir, 'overlays/canary/patch.yaml');
    const all = (j: ReturnType<KustomizeComposer['judge']>) => [...j!.byFile.values()].flat();
    const before = all(session.composer.judge(patch, resolved));
    // The canary renders again: its Deployment changed, its ServiceAccount and binding did not.
    session.set('overlays/canary/patch.yaml', session.text('overlays/canary/patch.yaml').replace('privileged: true', 'privileged: false'));
    const after = all(session.composer.judge(patch, resolved));
    const kept = new Set(before);
    const rbac = after.filter(j => j.file.endsWith('/base/rbac.yaml'));
    assert.equal(rbac.length, 2);
    assert.ok(rbac.every(j => kept.has(j)), 'the unchanged objects\' findings given as they were');
    // The Deployment's: made again (its page was linted again), and the privileged one is gone.
    const deployment = after.filter(j => j.file.endsWith('/base/deployment.yaml'));
    assert.ok(deployment.length > 0 && deployment.every(j => !kept.has(j)));
    assert.equal(before.filter(j => j.file.endsWith('/overlays/canary/patch.yaml')).length, 1);
    assert.equal(after.filter(j => j.file.endsWith('/overlays/canary/patch.yaml')).length, 0);
  });

  it('builds a base once for all its overlays, and an overlay patch edit neither builds it nor copies more than it patches', () => {
    const { dir, session } = opened(SHARED);
    const edit = (rel: string, change: (t: string) => string) => {
      const built = kustomizeBuildStats.built, reused = kustomizeBuildStats.reused, copies = kustomizeSharedTreeCopies.count;
      session.set(rel, change(session.text(rel)));
      session.composer.lint(session.docs.get(path.join(dir, rel))!, resolved);
      return { built: kustomizeBuildStats.built - built, reused: kustomizeBuildStats.reused - reused, copies: kustomizeSharedTreeCopies.count - copies };
    };
    // Only the canary renders again; its base is taken as kept, and only the patched Deployment is copied.
    assert.deepEqual(edit('overlays/canary/patch.yaml', t => t.replace('privileged: true', 'privileged: false')), { built: 0, reused: 1, copies: 1 });
    // A value in the base: built once, taken as kept by the two other overlays.
    const base = edit('base/deployment.yaml', t => t.replace('image: nginx:1.25', 'image: nginx:1.26'));
    assert.equal(base.built, 1);
    assert.equal(base.reused, 2);
    // Copies of the Deployment only: dev moves and renames it, then points its service account at
    // the renamed one; canary patches it; prod labels it. The ServiceAccount and the binding keep
    // the trees each overlay gave them last time, but dev's binding names the renamed account again.
    assert.equal(base.copies, 5);
    // The ServiceAccount and binding file was not touched: the canary's render copies the Deployment only.
    assert.deepEqual(edit('overlays/canary/patch.yaml', t => t.replace('privileged: false', 'privileged: true')), { built: 0, reused: 1, copies: 1 });
  });
});
