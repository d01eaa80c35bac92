// Code actions over stdio, as Neovim, Helix or VS Code ask for them: exact titles, kinds and
// preference, and the exact document text after applying the returned edit with LSP semantics.
// The manifests are compliant with the restricted level but for what the two rules with fixes
// so far (require-no-privilege-escalation, require-run-as-non-root) report, so fixes wired into
// other rules later do not change these texts; where a manifest lacks more (no securityContext
// at all), the other rules are turned off in the settings. require-memory-limit (on by default,
// with no fix) is turned off for every client here: no manifest sets a memory limit, and what
// these tests check is the fixes.
import * as assert from 'node:assert/strict';
import { RULES } from '@kube-harden/server';
import {
  CodeAction, CodeActionRequest, CodeActionResolveRequest, ClientCapabilities, Diagnostic, TextDocumentEdit, TextEdit,
} from 'vscode-languageserver-protocol';
import { applyTextEdits, applyVersioned } from '../helpers/lsp-edits';
import { LspClient } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';
import { fileUri, range } from './fixtures';

const APE = 'require-no-privilege-escalation';
const NON_ROOT = 'require-run-as-non-root';
const FIX_ALL = 'source.fixAll.kube-harden';
const NO_MEMORY_LIMIT = { rules: { 'require-memory-limit': 'off' } };
const ONLY_WIRED = { rules: Object.fromEntries(RULES.filter(r => r.id !== APE && r.id !== NON_ROOT).map(r => [r.id, 'off'])) };

function capabilities(opts: { resolve?: boolean; documentChanges?: boolean } = {}): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: opts.documentChanges !== false },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        ...(opts.resolve ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
      },
    },
  };
}

/** One container without allowPrivilegeEscalation; nothing sets runAsNonRoot. Line 8 `    securityContext:` holds both findings. */
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

/** What POD becomes with allowPrivilegeEscalation: false in container "app", and nothing else. */
const POD_APE_FIXED = yaml`
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
        allowPrivilegeEscalation: false
`;

/** Two containers: "app" lacks allowPrivilegeEscalation, "sidecar" sets it true (line 16, `true` at chars 32-36). */
const SETUID_RISK = 'setuid programs (sudo, su, some ping builds) stop gaining privileges';

const TWO = yaml`
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
    - name: sidecar
      image: envoy:1.30
      securityContext:
        allowPrivilegeEscalation: true  # needed?
        capabilities:
          drop: [ALL]
        seccompProfile:
          type: RuntimeDefault
`;

interface Opened { uri: string; version: number; text: string; diagnostics: Diagnostic[] }

async function open(client: LspClient, name: string, text: string): Promise<Opened> {
  const uri = fileUri(name);
  await client.open(uri, text);
  const p = await client.waitForDiagnostics(uri, { version: 1 });
  return { uri, version: 1, text, diagnostics: p.diagnostics };
}

function codeActions(client: LspClient, doc: Opened, r: ReturnType<typeof range>, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri: doc.uri }, range: r, context: { diagnostics, only } });
}

/** Titles, kinds and preference: what a user sees in the menu. */
const menu = (actions: CodeAction[]) => actions.map(a => [a.title, a.kind, a.isPreferred]);
const at = (doc: Opened, line: number) => doc.diagnostics.filter(d => d.range.start.line === line);
/** The rules a diagnostic stands for: several findings on one range are one diagnostic (data.group). */
const rulesOf = (d: Diagnostic) => (d.data as { group?: Array<{ ruleId: string }> }).group?.map(g => g.ruleId) ?? [d.code];
/** Without the "Suppress ..." actions every finding offers (checked in the first tests). */
const fixesOnly = (actions: CodeAction[]) => actions.filter(a => !a.title.startsWith('Suppress '));

/** POD with a suppression comment (placeholder reason) above line 8 for `rule`. */
const podSuppressedOnLine = (rule: string) => POD.replace('    securityContext:\n', `    # kube-harden-ignore ${rule} -- TODO: reason\n    securityContext:\n`);
/** POD with a suppression annotation (placeholder reason) for `rule`. */
const podSuppressedOnObject = (rule: string) => POD.replace('  name: web\n', `  name: web\n  annotations:\n    kube-harden.io/ignore.${rule}: "TODO: reason"\n`);

describe('protocol: code actions (edits inline)', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ capabilities: capabilities(), settings: { kubeHarden: NO_MEMORY_LIMIT } }); });
  after(async () => { await client?.stop(); });

  it('advertises quick fixes, refactor.rewrite and source.fixAll.kube-harden, with resolve', () => {
    assert.deepEqual(client.initializeResult?.capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'refactor.rewrite', FIX_ALL], resolveProvider: true,
    });
  });

  it('offers each finding\'s fix, the workload hardening and fix-all safe, with exact titles and edits', async () => {
    const doc = await open(client, 'pod.yaml', POD);
    // Both findings are on the container's securityContext key: one diagnostic stands for them.
    assert.deepEqual(doc.diagnostics.map(d => [rulesOf(d), d.range]), [[[APE, NON_ROOT], range(8, 4, 8, 19)]]);
    const actions = await codeActions(client, doc, range(8, 6, 8, 6), doc.diagnostics);
    assert.deepEqual(menu(actions), [
      ['Set securityContext.allowPrivilegeEscalation: false in container "app"', 'quickfix', true],
      [`Suppress ${APE} on this line`, 'quickfix', false],
      [`Suppress ${APE} for Pod "web"`, 'quickfix', false],
      ['Set securityContext.runAsNonRoot: true in the pod spec (may stop an image that runs as root)', 'quickfix', false],
      [`Suppress ${NON_ROOT} on this line`, 'quickfix', false],
      [`Suppress ${NON_ROOT} for Pod "web"`, 'quickfix', false],
      ['Harden this workload: Pod "web" (includes unsafe changes)', 'refactor.rewrite', undefined],
      ['Fix all safe kube-harden problems in this file', FIX_ALL, undefined],
    ]);
    assert.deepEqual(actions[0].diagnostics, [doc.diagnostics[0]]);
    assert.deepEqual(actions[1].diagnostics, [doc.diagnostics[0]]);
    assert.deepEqual(actions[3].diagnostics, [doc.diagnostics[0]]);
    assert.equal(actions[0].data, undefined, 'inline edits need no resolve data');

    assert.equal(applyVersioned(actions[0].edit, doc), POD_APE_FIXED);
    // The comment goes above the finding's line, at its indentation; the annotation into metadata.
    assert.equal(applyVersioned(actions[1].edit, doc), podSuppressedOnLine(APE));
    assert.equal(applyVersioned(actions[2].edit, doc), podSuppressedOnObject(APE));
    assert.equal(applyVersioned(actions[3].edit, doc), POD + '  securityContext:\n    runAsNonRoot: true\n');
    assert.equal(applyVersioned(actions[4].edit, doc), podSuppressedOnLine(NON_ROOT));
    assert.equal(applyVersioned(actions[5].edit, doc), podSuppressedOnObject(NON_ROOT));
    // Harden: both, as one edit.
    assert.equal(applyVersioned(actions[6].edit, doc), POD_APE_FIXED + '  securityContext:\n    runAsNonRoot: true\n');
    // Fix-all: only the safe fix; runAsNonRoot may stop an image and is left for the user.
    assert.equal(applyVersioned(actions[7].edit, doc), POD_APE_FIXED);
  });

  it('offers only the kinds asked for', async () => {
    const doc = await open(client, 'only.yaml', POD);
    const quick = await codeActions(client, doc, range(8, 6, 8, 6), doc.diagnostics, ['quickfix']);
    assert.deepEqual(quick.map(a => a.kind), ['quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix', 'quickfix']);
    const refactor = await codeActions(client, doc, range(8, 6, 8, 6), doc.diagnostics, ['refactor']);
    assert.deepEqual(refactor.map(a => a.title), ['Harden this workload: Pod "web" (includes unsafe changes)']);
    const source = await codeActions(client, doc, range(0, 0, 0, 0), [], ['source.fixAll']);
    assert.deepEqual(source.map(a => [a.title, a.kind]), [['Fix all safe kube-harden problems in this file', FIX_ALL]]);
    assert.deepEqual(await codeActions(client, doc, range(0, 0, 0, 0), [], ['source.organizeImports']), []);
  });

  it('matches diagnostics by rule, message id and range, never by message', async () => {
    const doc = await open(client, 'match.yaml', POD);
    const [ape] = doc.diagnostics;
    const reworded = { ...ape, message: 'something else entirely' };
    const moved = { ...ape, range: range(9, 6, 9, 18) };
    const data = ape.data as { group: object[] };
    const otherMessage = { ...ape, data: { ...data, messageId: 'enabled', group: data.group.map(g => ({ ...g, messageId: 'enabled' })) } };
    const quick = (ds: Diagnostic[]) => codeActions(client, doc, range(8, 6, 8, 6), ds, ['quickfix']);
    assert.deepEqual((await quick([reworded])).map(a => a.title), [
      'Set securityContext.allowPrivilegeEscalation: false in container "app"', `Suppress ${APE} on this line`, `Suppress ${APE} for Pod "web"`,
      'Set securityContext.runAsNonRoot: true in the pod spec (may stop an image that runs as root)', `Suppress ${NON_ROOT} on this line`, `Suppress ${NON_ROOT} for Pod "web"`,
    ]);
    // One member of the group is enough to offer that member's actions.
    const onlyApe = { ...ape, data: { ...data, group: data.group.slice(0, 1) } };
    assert.deepEqual((await quick([onlyApe])).map(a => a.title), [
      'Set securityContext.allowPrivilegeEscalation: false in container "app"', `Suppress ${APE} on this line`, `Suppress ${APE} for Pod "web"`,
    ]);
    assert.deepEqual(await quick([moved]), []);
    assert.deepEqual(await quick([otherMessage]), []);
  });

  it('offers "Fix all <rule> problems in this file" where a rule has several fixes, applying them all', async () => {
    const doc = await open(client, 'two.yaml', TWO);
    assert.deepEqual(doc.diagnostics.map(d => [rulesOf(d), d.range]), [
      [[APE, NON_ROOT], range(8, 4, 8, 19)], [[NON_ROOT], range(15, 4, 15, 19)], [[APE], range(16, 32, 16, 36)],
    ]);
    const actions = fixesOnly(await codeActions(client, doc, range(16, 32, 16, 36), at(doc, 16), ['quickfix']));
    assert.deepEqual(menu(actions), [
      // Flipping the author's explicit `true` is unsafe: not preferred, and the title says what may break.
      [`Set securityContext.allowPrivilegeEscalation: false in container "sidecar" (${SETUID_RISK})`, 'quickfix', false],
      [`Fix all ${APE} problems in this file (${SETUID_RISK})`, 'quickfix', undefined],
    ]);
    // The value is replaced where it is written: the trailing comment stays.
    assert.equal(applyVersioned(actions[0].edit, doc), TWO.replace('allowPrivilegeEscalation: true  # needed?', 'allowPrivilegeEscalation: false  # needed?'));
    assert.equal(applyVersioned(actions[1].edit, doc), yaml`
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
            allowPrivilegeEscalation: false
        - name: sidecar
          image: envoy:1.30
          securityContext:
            allowPrivilegeEscalation: false  # needed?
            capabilities:
              drop: [ALL]
            seccompProfile:
              type: RuntimeDefault
    `);
    // Both runAsNonRoot findings have the same (pod-level) fix: the rule's fix-all says its risk.
    const nonRoot = fixesOnly(await codeActions(client, doc, range(8, 4, 8, 19), at(doc, 8), ['quickfix']));
    assert.deepEqual(nonRoot.map(a => a.title), [
      'Set securityContext.allowPrivilegeEscalation: false in container "app"',
      // It also flips the sidecar's explicit `true`: the rule's fix-all states that risk.
      `Fix all ${APE} problems in this file (${SETUID_RISK})`,
      'Set securityContext.runAsNonRoot: true in the pod spec (may stop an image that runs as root)',
      `Fix all ${NON_ROOT} problems in this file (may stop an image that runs as root)`,
    ]);
    assert.equal(applyVersioned(nonRoot[3].edit, doc), TWO + '  securityContext:\n    runAsNonRoot: true\n');
  });

  it('source.fixAll.kube-harden is one versioned TextDocumentEdit with one minimal TextEdit', async () => {
    const doc = await open(client, 'fixall.yaml', TWO);
    const [action, ...more] = await codeActions(client, doc, range(0, 0, 0, 0), [], [FIX_ALL]);
    assert.deepEqual(more, []);
    assert.equal(action.kind, FIX_ALL);
    assert.deepEqual(Object.keys(action.edit!), ['documentChanges']);
    assert.equal(action.edit!.documentChanges!.length, 1);
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: doc.uri, version: 1 });
    assert.equal(change.edits.length, 1);
    // Only the safe fix: the line inserted into "app" (it shares its two leading spaces with
    // `  - name: sidecar`); the sidecar's explicit `true` is the author's and stays.
    assert.deepEqual((change.edits[0] as TextEdit).range, range(13, 2, 13, 2));
    assert.equal(applyVersioned(action.edit, doc), TWO
      .replace('        type: RuntimeDefault\n  - name: sidecar', '        type: RuntimeDefault\n      allowPrivilegeEscalation: false\n  - name: sidecar'));
  });

  it('writes edits in UTF-16 positions (non-BMP characters earlier on the line)', async () => {
    const flow = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations: {note: "🚀 déjà vu"}
      spec:
        containers:
        - {name: app, image: "nginx:1.27", env: [{name: GREETING, value: "héllo 🌍"}], securityContext: {capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}}
    `;
    const doc = await open(client, 'utf16.yaml', flow);
    const [action] = await codeActions(client, doc, range(7, 0, 7, 0), at(doc, 7), ['quickfix']);
    assert.equal(action.title, 'Set securityContext.allowPrivilegeEscalation: false in container "app"');
    const edits = (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    // `🌍` is two UTF-16 code units: the insertion before the last two `}` is at character 166
    // (165 counted in code points, 169 in UTF-8 bytes).
    assert.deepEqual(edits.map(e => e.range), [range(7, 166, 7, 166)]);
    assert.equal(applyTextEdits(doc, edits), flow.replace('{type: RuntimeDefault}}}', '{type: RuntimeDefault}, allowPrivilegeEscalation: false}}'));
  });

  it('hardens a Deployment with no securityContext at all: every fix of the wired restricted rules, one edit', async () => {
    const hardened = await LspClient.start({ capabilities: capabilities(), settings: { kubeHarden: ONLY_WIRED } });
    try {
      const deployment = yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          template:
            spec:
              containers:
              - name: app   # the app
                image: nginx:1.27
              - name: sidecar
                image: envoy:1.30
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          key: value
      `;
      const doc = await open(hardened, 'deployment.yaml', deployment);
      assert.deepEqual(doc.diagnostics.map(d => [rulesOf(d), d.range.start.line]), [[[APE, NON_ROOT], 9], [[APE, NON_ROOT], 11]]);
      // The cursor on `replicas`, with no diagnostic there: the object is what counts.
      const actions = await codeActions(hardened, doc, range(5, 2, 5, 2), [], ['refactor']);
      assert.deepEqual(menu(actions), [['Harden this workload: Deployment "web" (includes unsafe changes)', 'refactor.rewrite', undefined]]);
      const after = applyVersioned(actions[0].edit, doc);
      assert.equal(after, yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          template:
            spec:
              containers:
              - name: app   # the app
                image: nginx:1.27
                securityContext:
                  allowPrivilegeEscalation: false
              - name: sidecar
                image: envoy:1.30
                securityContext:
                  allowPrivilegeEscalation: false
              securityContext:
                runAsNonRoot: true
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          key: value
      `);
      // The editor applies it; the server then finds nothing left.
      const mark = hardened.mark();
      await hardened.change(doc.uri, 2, [{ text: after }]);
      const p = await hardened.waitForDiagnostics(doc.uri, { since: mark, version: 2 });
      assert.deepEqual(p.diagnostics, []);
      // Not offered outside a pod-bearing object, nor where nothing is left to harden.
      assert.deepEqual(await codeActions(hardened, { ...doc, version: 2, text: after }, range(22, 2, 22, 2), [], ['refactor']), []);
      assert.deepEqual(await codeActions(hardened, { ...doc, version: 2, text: after }, range(5, 2, 5, 2), [], ['refactor']), []);
    } finally {
      await hardened.stop();
    }
  });

  it('hardens at the restricted level even when the user checks at baseline', async () => {
    const baseline = await LspClient.start({ capabilities: capabilities(), settings: { kubeHarden: { level: 'baseline', ...NO_MEMORY_LIMIT } } });
    try {
      const doc = await open(baseline, 'baseline.yaml', POD);
      assert.deepEqual(doc.diagnostics, []);
      const actions = await codeActions(baseline, doc, range(6, 4, 6, 4), []);
      assert.deepEqual(menu(actions), [['Harden this workload: Pod "web" (includes unsafe changes)', 'refactor.rewrite', undefined]]);
      assert.equal(applyVersioned(actions[0].edit, doc), POD_APE_FIXED + '  securityContext:\n    runAsNonRoot: true\n');
    } finally {
      await baseline.stop();
    }
  });

  it('uses `changes` for a client without documentChanges', async () => {
    const plain = await LspClient.start({ capabilities: capabilities({ documentChanges: false }), settings: { kubeHarden: NO_MEMORY_LIMIT } });
    try {
      const doc = await open(plain, 'plain.yaml', POD);
      const [action] = await codeActions(plain, doc, range(8, 6, 8, 6), [doc.diagnostics[0]], ['quickfix']);
      assert.deepEqual(Object.keys(action.edit!), ['changes']);
      assert.equal(applyTextEdits(doc, action.edit!.changes![doc.uri]), POD_APE_FIXED);
    } finally {
      await plain.stop();
    }
  });
});

describe('protocol: code actions resolved lazily', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start({ capabilities: capabilities({ resolve: true }), settings: { kubeHarden: NO_MEMORY_LIMIT } }); });
  after(async () => { await client?.stop(); });

  const resolve = (a: CodeAction) => client.request<CodeAction>(CodeActionResolveRequest.method, a);

  it('returns actions without edits and fills them in on resolve', async () => {
    const doc = await open(client, 'lazy.yaml', POD);
    const actions = fixesOnly(await codeActions(client, doc, range(8, 6, 8, 6), doc.diagnostics));
    assert.deepEqual(menu(actions), [
      ['Set securityContext.allowPrivilegeEscalation: false in container "app"', 'quickfix', true],
      ['Set securityContext.runAsNonRoot: true in the pod spec (may stop an image that runs as root)', 'quickfix', false],
      ['Harden this workload: Pod "web" (includes unsafe changes)', 'refactor.rewrite', undefined],
      ['Fix all safe kube-harden problems in this file', FIX_ALL, undefined],
    ]);
    for (const a of actions) {
      assert.equal(a.edit, undefined, `${a.title}: no edit before resolve`);
      assert.equal((a.data as { uri: string; version: number }).uri, doc.uri);
      assert.equal((a.data as { uri: string; version: number }).version, 1);
    }
    const resolved = await Promise.all(actions.map(resolve));
    assert.deepEqual(resolved.map(a => a.title), actions.map(a => a.title), 'resolving keeps the action');
    assert.equal(applyVersioned(resolved[0].edit, doc), POD_APE_FIXED);
    assert.equal(applyVersioned(resolved[1].edit, doc), POD + '  securityContext:\n    runAsNonRoot: true\n');
    assert.equal(applyVersioned(resolved[2].edit, doc), POD_APE_FIXED + '  securityContext:\n    runAsNonRoot: true\n');
    assert.equal(applyVersioned(resolved[3].edit, doc), POD_APE_FIXED);
  });

  it('resolves an action made for an older version to no edit', async () => {
    const doc = await open(client, 'stale.yaml', POD);
    const [fix] = await codeActions(client, doc, range(8, 6, 8, 6), [doc.diagnostics[0]], ['quickfix']);
    const [fixAll] = await codeActions(client, doc, range(0, 0, 0, 0), [], [FIX_ALL]);
    await client.change(doc.uri, 2, [{ range: range(3, 8, 3, 11), text: 'api' }]);
    const staleFix = await resolve(fix);
    const staleAll = await resolve(fixAll);
    assert.equal(staleFix.edit, undefined);
    assert.equal(staleAll.edit, undefined);
    assert.equal(staleFix.title, fix.title);
    // Asked again for the new version, the same action resolves.
    const [fresh] = await codeActions(client, { ...doc, version: 2 }, range(0, 0, 0, 0), [], [FIX_ALL]);
    const text2 = POD.replace('name: web', 'name: api');
    assert.equal(applyVersioned((await resolve(fresh)).edit, { ...doc, version: 2, text: text2 }), POD_APE_FIXED.replace('name: web', 'name: api'));
  });

  it('leaves malformed resolve data alone', async () => {
    const a = await resolve({ title: 'x', data: { uri: 42 } } as CodeAction);
    assert.deepEqual(a, { title: 'x', data: { uri: 42 } });
  });
});
