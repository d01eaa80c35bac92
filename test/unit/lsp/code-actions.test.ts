// The code action provider in-process: what it reads from the per-version cache (validation's
// parse and lint are reused, never redone for the same version and settings), and how client
// capabilities decide between inline edits and codeAction/resolve.
import * as assert from 'node:assert/strict';
import { applyEdits, lintParsed, parseFile, resolveConfig, ruleById, setInContainer } from '@kube-harden/server';
import type { Rule } from '@kube-harden/server';
import { CodeActionProvider, FIX_ALL_KIND } from '@kube-harden/server/out/lsp/codeActions';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { codeActionClient } from '@kube-harden/server/out/lsp/server';
import { SettingsStore } from '@kube-harden/server/out/lsp/settings';
import { Validator } from '@kube-harden/server/out/lsp/validation';
import { CodeActionParams, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { yaml } from '../../helpers/manifest';

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: [ALL]
        seccompProfile:
          type: RuntimeDefault
`;

function harness(lazyEdits: boolean) {
  const counts = { parses: 0, lints: 0 };
  const cache = new ParseCache({
    parseFile: (text, options) => { counts.parses++; return parseFile(text, options); },
    lintParsed: (file, resolved) => { counts.lints++; return lintParsed(file, resolved); },
  });
  const log = new RateLimitedLog({ error() {}, warn() {} });
  const settings = new SettingsStore(undefined, log);
  const docs = new Map<string, TextDocument>();
  const published: PublishDiagnosticsParams[] = [];
  const validator = new Validator({
    document: uri => docs.get(uri), all: () => [...docs.values()], cache, settings, publish: p => published.push(p), docsHref: id => id, log,
  });
  const provider = new CodeActionProvider({
    document: uri => docs.get(uri), cache, settings, log, client: { literals: true, lazyEdits, documentChanges: true },
  });
  return { counts, docs, published, validator, provider };
}

describe('lsp: code action provider', () => {
  it('reuses the parse and the lint of the validated version for actions and resolve', async () => {
    const h = harness(true);
    const doc = TextDocument.create('file:///x/pod.yaml', 'yaml', 1, POD);
    h.docs.set(doc.uri, doc);
    h.validator.contentChanged(doc);
    await new Promise(resolve => setImmediate(resolve));
    assert.equal(h.published.length, 1);
    assert.deepEqual(h.counts, { parses: 1, lints: 1 });

    const params: CodeActionParams = {
      textDocument: { uri: doc.uri }, range: h.published[0].diagnostics[0].range, context: { diagnostics: h.published[0].diagnostics },
    };
    for (let i = 0; i < 3; i++) {
      const actions = await h.provider.provide(params);
      // Per diagnostic (three): the two fixes and the memory limit's suggestion, and two
      // suppressions each; then "Harden this workload" and fix-all.
      assert.equal(actions.length, 11);
      for (const a of actions) assert.ok((await h.provider.resolve(a)).edit, `${a.title} resolves to an edit`);
    }
    // The default level is restricted, so "Harden this workload" reads the same lint; fix-all
    // passes lint only the texts they produce, not this version again.
    assert.deepEqual(h.counts, { parses: 1, lints: 1 });
  });

  it('computes inline edits for clients without resolve, and each fix-all once per version', async () => {
    const h = harness(false);
    const doc = TextDocument.create('file:///x/pod.yaml', 'yaml', 1, POD);
    h.docs.set(doc.uri, doc);
    const params: CodeActionParams = { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } };
    const first = await h.provider.provide(params);
    assert.deepEqual(first.map(a => [a.kind, !!a.edit, a.data]), [['refactor.rewrite', true, undefined], [FIX_ALL_KIND, true, undefined]]);
    const after = { ...h.counts };
    assert.deepEqual(await h.provider.provide(params), first);
    assert.deepEqual(h.counts, after, 'asking again for the same version costs no parse or lint');
  });

  it('reads resolve support, data support and documentChanges from the client capabilities', () => {
    const literal = { codeActionLiteralSupport: { codeActionKind: { valueSet: [] } } };
    assert.deepEqual(codeActionClient({}), { literals: false, lazyEdits: false, documentChanges: false, createFiles: false });
    assert.deepEqual(codeActionClient({ textDocument: { codeAction: literal }, workspace: { workspaceEdit: { documentChanges: true } } }),
      { literals: true, lazyEdits: false, documentChanges: true, createFiles: false });
    assert.deepEqual(codeActionClient({ textDocument: { codeAction: { ...literal, dataSupport: true, resolveSupport: { properties: ['edit'] } } } }),
      { literals: true, lazyEdits: true, documentChanges: false, createFiles: false });
    // Without dataSupport the client may drop `data`, so resolve could not find the action.
    assert.deepEqual(codeActionClient({ textDocument: { codeAction: { ...literal, resolveSupport: { properties: ['edit'] } } } }),
      { literals: true, lazyEdits: false, documentChanges: false, createFiles: false });
    assert.deepEqual(codeActionClient({ textDocument: { codeAction: { ...literal, dataSupport: true, resolveSupport: { properties: ['command'] } } } }),
      { literals: true, lazyEdits: false, documentChanges: false, createFiles: false });
    // CreateFile travels in documentChanges: resource operations without them create nothing.
    assert.deepEqual(codeActionClient({ textDocument: { codeAction: literal }, workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } } }),
      { literals: true, lazyEdits: false, documentChanges: true, createFiles: true });
    assert.deepEqual(codeActionClient({ textDocument: { codeAction: literal }, workspace: { workspaceEdit: { resourceOperations: ['create'] } } }),
      { literals: true, lazyEdits: false, documentChanges: false, createFiles: false });
    assert.deepEqual(codeActionClient({ textDocument: { codeAction: literal }, workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['rename', 'delete'] } } }),
      { literals: true, lazyEdits: false, documentChanges: true, createFiles: false });
  });

  it('offers nothing to a client that takes only commands', async () => {
    const h = harness(false);
    const doc = TextDocument.create('file:///x/pod.yaml', 'yaml', 1, POD);
    h.docs.set(doc.uri, doc);
    const provider = new CodeActionProvider({
      document: uri => h.docs.get(uri), cache: new ParseCache(), settings: new SettingsStore(undefined, new RateLimitedLog({ error() {}, warn() {} })),
      log: new RateLimitedLog({ error() {}, warn() {} }), client: { literals: false, lazyEdits: false, documentChanges: false },
    });
    assert.deepEqual(await provider.provide({ textDocument: { uri: doc.uri }, range: { start: { line: 6, character: 4 }, end: { line: 6, character: 4 } }, context: { diagnostics: [] } }), []);
  });

  it('offers suggestions as quick fixes, never preferred, each resolving to its own edit; an unsafe fix without a stated risk says it may stop a working pod', async () => {
    // Test rules: no single right UID (suggestions only), and an unsafe fix whose rule states no risk.
    const base = ruleById('require-run-as-non-root')!;
    const chooseUser: Rule = {
      ...base, id: 'choose-a-user', messages: { noUser: '{{container}} sets no runAsUser.' }, fix: null,
      checkPod({ pod, report }) {
        for (const c of pod.containers) {
          if (!c.sc('runAsUser')) {
            report({
              messageId: 'noUser', data: { container: c.label }, at: c.anchor('securityContext', 'runAsUser'),
              suggestions: [setInContainer(c, ['securityContext', 'runAsUser'], 1000), setInContainer(c, ['securityContext', 'runAsUser'], 65532)],
            });
          }
        }
      },
    };
    const readOnly: Rule = {
      ...base, id: 'read-only-root', messages: { writable: '{{container}} has a writable root file system.' }, fix: { safety: 'unsafe' },
      checkPod({ pod, report }) {
        for (const c of pod.containers) {
          report({ messageId: 'writable', data: { container: c.label }, at: c.anchor('securityContext', 'readOnlyRootFilesystem'), fix: setInContainer(c, ['securityContext', 'readOnlyRootFilesystem'], true) });
        }
      },
    };
    const rules = [chooseUser, readOnly];
    const log = new RateLimitedLog({ error() {}, warn() {} });
    const doc = TextDocument.create('file:///x/pod.yaml', 'yaml', 1, POD);
    const cache = new ParseCache();
    const provider = new CodeActionProvider({
      document: uri => (uri === doc.uri ? doc : undefined), cache, settings: new SettingsStore(undefined, log), log, rules,
      client: { literals: true, lazyEdits: true, documentChanges: true },
    });
    const findings = cache.lint(doc, resolveConfig({}, rules)).findings;
    const diagnostics: Diagnostic[] = findings.map(f => ({ range: f.range, message: f.message, data: { ruleId: f.ruleId, messageId: f.messageId } }));
    const actions = (await provider.provide({ textDocument: { uri: doc.uri }, range: findings[0].range, context: { diagnostics, only: ['quickfix'] } }))
      .filter(a => !a.title.startsWith('Suppress '));
    assert.deepEqual(actions.map(a => [a.title, a.kind, a.isPreferred]), [
      ['Set securityContext.runAsUser: 1000 in container "app"', 'quickfix', false],
      ['Set securityContext.runAsUser: 65532 in container "app"', 'quickfix', false],
      ['Set securityContext.readOnlyRootFilesystem: true in container "app" (may stop a working pod)', 'quickfix', false],
    ]);
    const textAfter = async (i: number) => {
      const { edit } = await provider.resolve(actions[i]);
      const change = edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(change.textDocument, { uri: doc.uri, version: 1 });
      return TextDocument.applyEdits(doc, change.edits as TextEdit[]);
    };
    assert.equal(await textAfter(0), POD + '      runAsUser: 1000\n');
    assert.equal(await textAfter(1), POD + '      runAsUser: 65532\n');
    assert.equal(await textAfter(2), POD + '      readOnlyRootFilesystem: true\n');
    // The same edits as the engine's own proposals.
    assert.equal(await textAfter(0), applyEdits(POD, findings.find(f => f.ruleId === 'choose-a-user')!.suggestions[0].edits()!).text);
  });

  it('offers a suggestion\'s new file under a name nothing uses, only for documents with a folder, and only to clients that create files', async () => {
    const NS = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
    const log = new RateLimitedLog({ error() {}, warn() {} });
    const rules = [ruleById('require-default-deny-network-policy')!];
    const taken = new Set(['file:///x/shop-default-deny.yaml', 'file:///x/shop-default-deny-2.yaml']);
    const titles = async (uri: string, createFiles: boolean) => {
      const doc = TextDocument.create(uri, 'yaml', 1, NS);
      const cache = new ParseCache();
      const provider = new CodeActionProvider({
        document: u => (u === uri ? doc : undefined), cache, settings: new SettingsStore(undefined, log), log, rules,
        client: { literals: true, lazyEdits: true, documentChanges: true, createFiles }, fileTaken: u => taken.has(u),
      });
      const [f] = cache.lint(doc, resolveConfig({}, rules)).findings;
      const diagnostics: Diagnostic[] = [{ range: f.range, message: f.message, data: { ruleId: f.ruleId, messageId: f.messageId } }];
      const actions = await provider.provide({ textDocument: { uri }, range: f.range, context: { diagnostics } });
      return { actions, provider };
    };
    const title = 'Create a default-deny NetworkPolicy (ingress and egress) for namespace "shop"';
    const { actions, provider } = await titles('file:///x/ns.yaml', true);
    const suppress = ['Suppress require-default-deny-network-policy on this line', 'Suppress require-default-deny-network-policy for Namespace "shop"'];
    assert.deepEqual(actions.map(a => a.title), [`${title} at the end of this file`, `${title} in a new file "shop-default-deny-3.yaml"`, ...suppress]);
    const { edit } = await provider.resolve(actions[1]);
    assert.deepEqual(edit!.documentChanges![0], { kind: 'create', uri: 'file:///x/shop-default-deny-3.yaml', options: { overwrite: false, ignoreIfExists: false } });
    // No folder to create a file in, or a client that cannot: the policy goes at the end of the file.
    assert.deepEqual((await titles('untitled:Untitled-1', true)).actions.map(a => a.title), [title, ...suppress]);
    assert.deepEqual((await titles('file:///x/ns.yaml', false)).actions.map(a => a.title), [title, ...suppress]);
  });
});
