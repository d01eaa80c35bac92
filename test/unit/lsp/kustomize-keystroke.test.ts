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
  clearKustomizeBuildMemo, clearKustomizeEmitMemo, clearKustomizeParseCache, LintResult, observeKustomizeParses, parseFile, resolveConfig, summarizeFile, WorkspaceIndex,
} from '@kube-harden/server/out/engine';
import { KustomizeComposer } from '@kube-harden/server/out/lsp/composed/kustomize';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import { removeTempTrees, tempTree } from '../../helpers/cli';
import { TREE } from '../kustomize-lint/tree';

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

  /** Every YAML file's findings through the roots that reach it (undefined: none does). */
  findings(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [file, doc] of [...this.docs].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (doc.languageId !== 'yaml') continue;
      out[path.relative(this.dir, file)] = shape(this.composer.lint(doc, resolved));
    }
    return out;
  }
}

function shape(r: LintResult | undefined): unknown {
  if (!r) return undefined;
  const f = (x: LintResult['findings'][number]) => ({ rule: x.ruleId, id: x.messageId, message: x.message, severity: x.severity, offsets: x.offsets, range: x.range, related: x.related });
  return { findings: r.findings.map(f), suppressed: (r.suppressed ?? []).map(s => f(s.finding)) };
}

/** The findings a composer that starts from nothing (renderer caches emptied) gives on the same texts. */
function fromScratch(session: Session): Record<string, unknown> {
  clearKustomizeParseCache();
  clearKustomizeEmitMemo();
  clearKustomizeBuildMemo();
  const texts = Object.fromEntries([...session.docs].map(([file, doc]) => [path.relative(session.dir, file), doc.getText()]));
  return new Session(session.dir, texts).findings();
}

const count = (all: Record<string, unknown>) => Object.values(all).reduce<number>((n, r) => n + ((r as { findings: unknown[] } | undefined)?.findings.length ?? 0), 0);

describe('lsp: a keystroke in a Kustomize workspace', () => {
  after(() => { observeKustomizeParses(undefined); removeTempTrees(); });

  it('gives the findings of a render and judgement from scratch after every edit', () => {
    const dir = tempTree(FILES);
    const session = new Session(dir, FILES);
    const first = session.findings();
    assert.deepEqual(first, fromScratch(session));
    const privileged = (first['overlays/production/privileged.yaml'] as { findings: Array<{ rule: string }> }).findings;
    assert.ok(privileged.length > 0, 'the production patch has findings to keep right');
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
    let changes = 0;
    let before = first;
    for (const [rel, edit] of edits) {
      session.set(rel, edit(session.docs.has(path.join(dir, rel)) ? session.text(rel) : ''));
      const now = session.findings();
      assert.deepEqual(now, fromScratch(session), `after editing ${rel}`);
      if (JSON.stringify(now) !== JSON.stringify(before)) changes++;
      before = now;
    }
    // The sequence is not idle: most edits change what is reported.
    assert.ok(changes >= 10, `${changes} edits changed the findings`);
    assert.ok(count(before) > 0);
  });

  it('parses again only the file typed in, and only the rendered objects it changed', () => {
    const dir = tempTree(FILES);
    const session = new Session(dir, FILES);
    session.findings();
    const parsed: string[] = [];
    observeKustomizeParses(file => parsed.push(path.relative(dir, file)));
    const streams = session.composer.streams.stats;
    const documents = streams.documentsParsed;
    session.set('overlays/production/privileged.yaml', session.text('overlays/production/privileged.yaml').replace('privileged: true', 'privileged: false'));
    session.composer.lint(session.docs.get(path.join(dir, 'overlays/production/privileged.yaml'))!, resolved);
    observeKustomizeParses(undefined);
    assert.deepEqual(parsed, ['overlays/production/privileged.yaml']);
    // Production renders the Deployment and the generated ConfigMap: only the patched Deployment is parsed again.
    assert.equal(streams.documentsParsed - documents, 1);

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

    // A comment typed at the end of the base file: its last document is parsed to tell that
    // nothing changed, and nothing is rendered or judged again.
    const base = path.join(dir, 'base/deployment.yaml');
    const judgement = session.composer.judge(base, resolved);
    parsed.length = 0;
    const reusedBefore = streams.reusedStreams;
    observeKustomizeParses(file => parsed.push(path.relative(dir, file)));
    session.set('base/deployment.yaml', `${session.text('base/deployment.yaml')}# typed at the end\n`);
    session.composer.lint(session.docs.get(base)!, resolved);
    observeKustomizeParses(undefined);
    assert.deepEqual(parsed, ['base/deployment.yaml']);
    assert.equal(session.composer.judge(base, resolved), judgement, 'the renders and their judgement are reused whole');
    assert.equal(streams.reusedStreams, reusedBefore);
  });
});
