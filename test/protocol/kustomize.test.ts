// Kustomize in the editor: a file a kustomization root reaches gets the findings of the rendered
// roots (as `kube-harden check` reports them), unsaved text included, re-published when another
// file of the same roots changes; its quick fixes edit the file that decides the value.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClientCapabilities, CodeAction, CodeActionRequest, Diagnostic, ExecuteCommandRequest, FileChangeType, Hover, HoverRequest, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { cli, json, removeTempTrees, tempTree } from '../helpers/cli';
import { PRIVILEGED_MESSAGE, PRIVILEGED_POD, range, RUN_AS_ROOT_MESSAGE } from './fixtures';
import { TREE, webPatch } from '../unit/kustomize-lint/source-tree';
import { TREE as CHECK_TREE } from '../unit/kustomize-lint/tree';
import { helmChartTree, helmValuesTree } from '../unit/kustomize-lint/helm-chart-tree';

const PRIVILEGED = 'Container "web" is privileged: remove securityContext.privileged or set it to false.';
const SECCOMP = 'Container "web" runs without a seccomp profile: set securityContext.seccompProfile.type: RuntimeDefault (here or in the pod securityContext).';
const PATCH = 'overlays/production/privileged.yaml';
const HARDEN = 'overlays/staging/harden.yaml';
const BASE = 'base/deployment.yaml';

function capabilities(createFiles: boolean): ClientCapabilities {
  return {
    workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: createFiles ? ['create'] : [] } },
    textDocument: {
      publishDiagnostics: { versionSupport: true, dataSupport: true, relatedInformation: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
    },
  };
}

class Workspace {
  readonly dir: string;
  constructor(tree: Record<string, string> = TREE) { this.dir = fs.realpathSync(tempTree(tree)); }
  uri(rel: string): string { return pathToFileURL(path.join(this.dir, rel)).href; }
  kustomizationOf(overlay: string) { return { location: { uri: this.uri(`overlays/${overlay}/kustomization.yaml`), range: range(0, 0, 0, 0) }, message: 'Rendered by this kustomization' }; }
}

/** What a diagnostic tells the user: where, which rule, what, and the related locations. */
const shown = (d: Diagnostic) => ({ range: d.range, code: d.code, message: d.message, related: d.relatedInformation });

async function withServer(body: (client: LspClient, ws: Workspace) => Promise<void>, createFiles = true): Promise<void> {
  const ws = new Workspace();
  const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }], capabilities: capabilities(createFiles) });
  try {
    await body(client, ws);
  } finally {
    await client.stop();
  }
}

async function open(client: LspClient, ws: Workspace, rel: string): Promise<PublishDiagnosticsParams> {
  await client.open(ws.uri(rel), TREE[rel]);
  return client.waitForDiagnostics(ws.uri(rel), { version: 1 });
}

function actions(client: LspClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
}

describe('protocol: Kustomize in the editor', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  it('reports the de-hardening patch at its value, nothing on a patch that only hardens, and the base through its overlays', async () => {
    await withServer(async (client, ws) => {
      // Rendered alone the patch is a partial object; through production it makes the container privileged.
      assert.deepEqual((await open(client, ws, PATCH)).diagnostics.map(shown), [
        { range: range(10, 24, 10, 28), code: 'disallow-privileged-containers', message: `${PRIVILEGED} (in overlay production)`, related: [ws.kustomizationOf('production')] },
      ]);
      assert.deepEqual((await open(client, ws, HARDEN)).diagnostics, []);
      // Staging's patch sets the profile; dev and production leave it missing: on the base's container securityContext.
      assert.deepEqual((await open(client, ws, BASE)).diagnostics.map(shown), [
        { range: range(18, 10, 18, 25), code: 'require-seccomp-profile', message: `${SECCOMP} (in overlays dev, production)`, related: [ws.kustomizationOf('dev'), ws.kustomizationOf('production')] },
      ]);
      // The kustomization of a root is judged through its render: nothing to say about it.
      assert.deepEqual((await open(client, ws, 'overlays/production/kustomization.yaml')).diagnostics, []);
      // A file no kustomization reaches is linted as written.
      const lone = ws.uri('apps/pod.yaml');
      await client.open(lone, PRIVILEGED_POD);
      assert.deepEqual((await client.waitForDiagnostics(lone, { version: 1 })).diagnostics.map(d => [d.range, d.code, d.message]), [
        [range(8, 4, 8, 19), 'require-run-as-non-root', RUN_AS_ROOT_MESSAGE],
        [range(9, 18, 9, 22), 'disallow-privileged-containers', PRIVILEGED_MESSAGE],
      ]);
    });
  });

  it('says what `kube-harden check` says of every file of the tree, and of the check test tree', async () => {
    for (const tree of [TREE, CHECK_TREE]) {
      const ws = new Workspace(tree);
      const run = json<{ findings: Array<{ file: string; rule: string; message: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }> }>(await cli(['check', '--format', 'json', '.'], { cwd: ws.dir }));
      const expected = run.findings.map(f => `${f.file.replace(/^\.\//, '')} ${f.range.start.line - 1}:${f.range.start.column - 1}-${f.range.end.line - 1}:${f.range.end.column - 1} ${f.rule} ${f.message}`).sort();
      assert.ok(expected.length > 0);
      const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }], capabilities: capabilities(true) });
      try {
        const seen: string[] = [];
        for (const rel of Object.keys(tree)) {
          await client.open(ws.uri(rel), tree[rel]);
          const p = await client.waitForDiagnostics(ws.uri(rel), { version: 1 });
          // One diagnostic may group several findings on one range: each finding is a row, as in check.
          for (const d of p.diagnostics) {
            const group = (d.data as { group?: Array<{ ruleId: string }> }).group;
            if (group) for (const g of group) seen.push(`${rel} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${g.ruleId} (grouped)`);
            else seen.push(`${rel} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);
          }
        }
        const grouped = (row: string) => row.replace(/^(\S+ \S+ \S+) .*$/, '$1 (grouped)');
        assert.deepEqual(seen.sort(), expected.map(row => (seen.includes(row) ? row : grouped(row))).sort());
      } finally {
        await client.stop();
      }
    }
  });

  it('re-renders on unsaved edits: of the patch itself, and of another patch for the open base', async () => {
    await withServer(async (client, ws) => {
      await open(client, ws, PATCH);
      await open(client, ws, HARDEN);
      await open(client, ws, BASE);
      // privileged: false typed in, not saved: the finding goes.
      await client.change(ws.uri(PATCH), 2, [{ range: range(10, 24, 10, 28), text: 'false' }]);
      assert.deepEqual((await client.waitForDiagnostics(ws.uri(PATCH), { version: 2 })).diagnostics, []);
      // And back.
      await client.change(ws.uri(PATCH), 3, [{ range: range(10, 24, 10, 29), text: 'true' }]);
      assert.deepEqual((await client.waitForDiagnostics(ws.uri(PATCH), { version: 3 })).diagnostics.map(d => [d.range, d.message]), [
        [range(10, 24, 10, 28), `${PRIVILEGED} (in overlay production)`],
      ]);
      // Staging's patch loses its seccomp profile (unsaved): the base, untouched, is re-published:
      // the finding now holds in every overlay, so none is named.
      const mark = client.mark();
      await client.change(ws.uri(HARDEN), 2, [{ text: webPatch(['readOnlyRootFilesystem: true']) }]);
      const base = await client.waitForDiagnostics(ws.uri(BASE), { since: mark, where: p => p.diagnostics[0]?.message === SECCOMP });
      assert.equal(base.version, 1, 'the base itself did not change');
      assert.deepEqual(base.diagnostics.map(d => [d.range, d.message]), [[range(18, 10, 18, 25), SECCOMP]]);
    });
  });

  it('follows a file changed on disk that a render read, though it is not open', async () => {
    await withServer(async (client, ws) => {
      await open(client, ws, BASE);
      const mark = client.mark();
      fs.writeFileSync(path.join(ws.dir, HARDEN), webPatch(['readOnlyRootFilesystem: true']));
      await client.changeWatchedFiles([{ uri: ws.uri(HARDEN), type: FileChangeType.Changed }]);
      const base = await client.waitForDiagnostics(ws.uri(BASE), { since: mark });
      assert.deepEqual(base.diagnostics.map(d => [d.range, d.message]), [[range(18, 10, 18, 25), SECCOMP]]);
    });
  });

  it('scans closed files of the workspace through their roots (kubeHarden.scanWorkspace)', async () => {
    await withServer(async (client, ws) => {
      const mark = client.mark();
      await client.request(ExecuteCommandRequest.method, { command: 'kubeHarden.scanWorkspace', arguments: [] });
      const patch = await client.waitForDiagnostics(ws.uri(PATCH), { since: mark });
      assert.deepEqual(patch.diagnostics.map(d => [d.range, d.message]), [[range(10, 24, 10, 28), `${PRIVILEGED} (in overlay production)`]]);
      const base = await client.waitForDiagnostics(ws.uri(BASE), { since: mark });
      assert.deepEqual(base.diagnostics.map(d => [d.range, d.message]), [[range(18, 10, 18, 25), `${SECCOMP} (in overlays dev, production)`]]);
      assert.deepEqual((await client.waitForDiagnostics(ws.uri(HARDEN), { since: mark })).diagnostics, []);
    });
  });

  it('re-publishes a scanned closed base when an open patch of its overlays changes', async () => {
    await withServer(async (client, ws) => {
      const mark = client.mark();
      await client.request(ExecuteCommandRequest.method, { command: 'kubeHarden.scanWorkspace', arguments: [] });
      const base = await client.waitForDiagnostics(ws.uri(BASE), { since: mark });
      assert.deepEqual(base.diagnostics.map(d => [d.range, d.message]), [[range(18, 10, 18, 25), `${SECCOMP} (in overlays dev, production)`]]);
      // Staging's patch loses its seccomp profile, unsaved: the closed base's finding now holds in every overlay.
      await open(client, ws, HARDEN);
      const mark2 = client.mark();
      await client.change(ws.uri(HARDEN), 2, [{ text: webPatch(['readOnlyRootFilesystem: true']) }]);
      const again = await client.waitForDiagnostics(ws.uri(BASE), { since: mark2 });
      assert.equal(again.version, undefined, 'published by the scan: the base is not open');
      assert.deepEqual(again.diagnostics.map(d => [d.range, d.message]), [[range(18, 10, 18, 25), SECCOMP]]);
    });
  });

  it('judges a local chart of helmCharts with the inline values typed, at the value typed', async () => {
    const tree = helmChartTree('web', false);
    const kustomization = tree['app/kustomization.yaml'];
    const pod = tree['app/charts/web/templates/pod.yaml'];
    const ws = new Workspace(tree);
    const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }], capabilities: capabilities(true) });
    try {
      const uri = ws.uri('app/kustomization.yaml');
      await client.open(uri, kustomization);
      assert.deepEqual((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics, []);
      // privileged: true typed into the inline values, unsaved: the chart's Pod is privileged, said at the value.
      await client.change(uri, 2, [{ range: range(4, 18, 4, 23), text: 'true' }]);
      const p = await client.waitForDiagnostics(uri, { version: 2 });
      assert.deepEqual(p.diagnostics.map(d => [d.range, d.code, d.message]), [[range(4, 18, 4, 22), 'disallow-privileged-containers', PRIVILEGED]]);
      // Back to false; then the chart's template, opened, is made privileged whatever the values: the
      // kustomization follows, at the entry (the chart's own text decides it).
      await client.change(uri, 3, [{ range: range(4, 18, 4, 22), text: 'false' }]);
      assert.deepEqual((await client.waitForDiagnostics(uri, { version: 3 })).diagnostics, []);
      const template = ws.uri('app/charts/web/templates/pod.yaml');
      await client.open(template, pod);
      await client.waitForDiagnostics(template, { version: 1 });
      const mark = client.mark();
      await client.change(template, 2, [{ range: range(9, 18, 9, 42), text: 'true' }]);
      const again = await client.waitForDiagnostics(uri, { since: mark });
      assert.equal(again.version, 3, 'the kustomization itself did not change');
      assert.deepEqual(again.diagnostics.map(d => [d.range, d.code]), [[range(1, 4, 4, 23), 'disallow-privileged-containers']]);
    } finally {
      await client.stop();
    }
  });

  it('judges a chart a kustomization inflates through it: its template shows none of its defaults\' findings', async () => {
    const tree = helmChartTree('web', false);
    tree['app/charts/web/values.yaml'] = 'privileged: true\n';
    const template = 'app/charts/web/templates/pod.yaml';
    const alone = Object.fromEntries(Object.entries(tree).filter(([file]) => file !== 'app/kustomization.yaml'));
    for (const [files, expected] of [[tree, []], [alone, [[range(9, 18, 9, 42), 'disallow-privileged-containers']]]] as const) {
      const ws = new Workspace(files);
      const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }], capabilities: capabilities(true) });
      try {
        await client.open(ws.uri(template), tree[template]);
        // With the kustomization (privileged: false inline) nothing; the chart alone has its default's finding.
        const p = await client.waitForDiagnostics(ws.uri(template), { version: 1 });
        assert.deepEqual(p.diagnostics.map(d => [d.range, d.code]), expected);
        if (files !== tree) continue;
        // The helmCharts entry deleted, unsaved: the chart is its own again, and says so.
        const k = ws.uri('app/kustomization.yaml');
        await client.open(k, tree['app/kustomization.yaml']);
        const mark = client.mark();
        await client.change(k, 2, [{ range: range(0, 0, 5, 0), text: 'resources: []\n' }]);
        const again = await client.waitForDiagnostics(ws.uri(template), { since: mark });
        assert.deepEqual(again.diagnostics.map(d => [d.range, d.code]), [[range(9, 18, 9, 42), 'disallow-privileged-containers']]);
      } finally {
        await client.stop();
      }
    }
  });

  it('marks a chart value in the values file the kustomization names, as it is typed there', async () => {
    const tree = helmValuesTree('helmCharts:\n  - name: web\n    releaseName: prod\n    valuesFile: values-prod.yaml\n', 'image: nginx:1.27\nhostNetwork: false\n',
      { 'app/values-prod.yaml': 'image: nginx:1.27\n' });
    const ws = new Workspace(tree);
    const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }], capabilities: capabilities(true) });
    try {
      const uri = ws.uri('app/values-prod.yaml');
      await client.open(uri, tree['app/values-prod.yaml']);
      assert.deepEqual((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics, []);
      // The tag typed, unsaved: the chart's Pod (the template quotes the value) runs nginx:latest, said at the value.
      await client.change(uri, 2, [{ range: range(0, 13, 0, 17), text: 'latest' }]);
      const p = await client.waitForDiagnostics(uri, { version: 2 });
      assert.deepEqual(p.diagnostics.map(d => [d.range, d.code]), [[range(0, 7, 0, 19), 'disallow-latest-image-tag']]);
    } finally {
      await client.stop();
    }
  });

  it('hovers what was published: the finding through its overlay, not the patch as written', async () => {
    await withServer(async (client, ws) => {
      await open(client, ws, PATCH);
      const hover = await client.request<Hover | null>(HoverRequest.method, { textDocument: { uri: ws.uri(PATCH) }, position: { line: 10, character: 25 } });
      assert.deepEqual(hover?.range, range(10, 24, 10, 28));
      // The message as published (markdown-escaped), second paragraph after the title.
      assert.equal((hover?.contents as MarkupContent).value.split('\n\n')[1], `${PRIVILEGED} \\(in overlay production\\)`);
    });
  });

  it('reports a kustomization problem at its entry while it is typed', async () => {
    await withServer(async (client, ws) => {
      const rel = 'overlays/production/kustomization.yaml';
      await open(client, ws, rel);
      await client.change(ws.uri(rel), 2, [{ text: 'resources:\n  - ../../base\npatches:\n  - path: privileged.yaml\n  - path: nothing.yaml\n' }]);
      const p = await client.waitForDiagnostics(ws.uri(rel), { version: 2 });
      assert.deepEqual(p.diagnostics.map(d => [d.range, d.code, d.severity]), [[range(4, 4, 4, 22), 'kustomize-build', 1]]);
      assert.match(String(p.diagnostics[0].message), /^kustomize build fails: .*nothing\.yaml/);
    });
  });

  it('fixes a value in the patch that set it', async () => {
    await withServer(async (client, ws) => {
      const [d] = (await open(client, ws, PATCH)).diagnostics;
      const offered = await actions(client, ws.uri(PATCH), d);
      assert.deepEqual(offered.map(a => [a.title, a.isPreferred]), [
        ['Set securityContext.privileged: false in container "web" (a CNI, CSI or device-plugin container that needs the host stops working)', false],
        ['Suppress disallow-privileged-containers on this line', false],
      ]);
      assert.deepEqual(offered[0].edit, { documentChanges: [{ textDocument: { uri: ws.uri(PATCH), version: 1 }, edits: [{ range: range(10, 24, 10, 28), newText: 'false' }] }] });
      const comment = '            # kube-harden-ignore disallow-privileged-containers -- TODO: reason\n';
      assert.deepEqual(offered[1].edit, { documentChanges: [{ textDocument: { uri: ws.uri(PATCH), version: 1 }, edits: [{ range: range(10, 0, 10, 0), newText: comment }] }] });
      // The comment applied with a reason (unsaved): the patch's comments hold for what the render brings back to it.
      await client.change(ws.uri(PATCH), 2, [{ range: range(10, 0, 10, 0), text: comment.replace('TODO: reason', 'a CNI agent') }]);
      assert.deepEqual((await client.waitForDiagnostics(ws.uri(PATCH), { version: 2 })).diagnostics, []);
    });
  });

  it('offers a missing setting in the base, in a new patch of an overlay without one, and in an overlay\'s existing patch', async () => {
    await withServer(async (client, ws) => {
      const [d] = (await open(client, ws, BASE)).diagnostics;
      const offered = await actions(client, ws.uri(BASE), d);
      const title = 'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec';
      assert.deepEqual(offered.map(a => a.title), [
        `${title} in the base (every overlay)`,
        `${title} in a new patch web-require-seccomp-profile.yaml of overlay dev`,
        `${title} in overlay production's patch privileged.yaml`,
        'Suppress require-seccomp-profile on this line',
      ]);
      // The pod securityContext of the base gains the profile (0-based line 15 is `containers:`).
      assert.deepEqual(offered[0].edit, { documentChanges: [{ textDocument: { uri: ws.uri(BASE), version: 1 }, edits: [
        { range: range(15, 0, 15, 0), newText: '        seccompProfile:\n          type: RuntimeDefault\n' },
      ] }] });
      const created = ws.uri('overlays/dev/web-require-seccomp-profile.yaml');
      assert.deepEqual(offered[1].edit, { documentChanges: [
        { kind: 'create', uri: created, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri: created, version: null }, edits: [{ range: range(0, 0, 0, 0), newText: [
          'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:',
          '      containers:', '        - name: web', '      securityContext:', '        seccompProfile:', '          type: RuntimeDefault', '',
        ].join('\n') }] },
        // The kustomization is not open: no version to check.
        { textDocument: { uri: ws.uri('overlays/dev/kustomization.yaml'), version: null }, edits: [{ range: range(2, 0, 2, 0), newText: 'patches:\n  - path: web-require-seccomp-profile.yaml\n' }] },
      ] });
      assert.deepEqual(offered[2].edit, { documentChanges: [{ textDocument: { uri: ws.uri(PATCH), version: null }, edits: [
        { range: range(11, 0, 11, 0), newText: '      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n' },
      ] }] });
    });
  });

  it('offers a missing setting of a chart\'s object in a new patch of the kustomization that inflates it', async () => {
    const tree = helmValuesTree('helmCharts:\n  - name: web\n    releaseName: prod\n', 'image: nginx:1.27\nhostNetwork: false\n');
    // The chart's values set no seccomp profile: its Pod has none.
    tree['app/charts/web/values.yaml'] = tree['app/charts/web/values.yaml'].replace('  seccompProfile: {type: RuntimeDefault}\n', '');
    const ws = new Workspace(tree);
    const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }], capabilities: capabilities(true) });
    try {
      const uri = ws.uri('app/kustomization.yaml');
      await client.open(uri, tree['app/kustomization.yaml']);
      const p = await client.waitForDiagnostics(uri, { version: 1 });
      const d = p.diagnostics.find(x => x.code === 'require-seccomp-profile')!;
      // On the entry: the vendored chart decides it.
      assert.deepEqual(d.range, range(1, 4, 2, 21));
      const offered = await actions(client, uri, d);
      const title = 'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec';
      assert.deepEqual(offered.map(a => a.title), [`${title} in a new patch prod-web-require-seccomp-profile.yaml of overlay app`, 'Suppress require-seccomp-profile on this line']);
      const created = ws.uri('app/prod-web-require-seccomp-profile.yaml');
      assert.deepEqual(offered[0].edit, { documentChanges: [
        { kind: 'create', uri: created, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri: created, version: null }, edits: [{ range: range(0, 0, 0, 0), newText: [
          'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: prod-web', 'spec:', '  containers:', '    - name: web',
          '  securityContext:', '    seccompProfile:', '      type: RuntimeDefault', '',
        ].join('\n') }] },
        { textDocument: { uri, version: 1 }, edits: [{ range: range(3, 0, 3, 0), newText: 'patches:\n  - path: prod-web-require-seccomp-profile.yaml\n' }] },
      ] });
    } finally {
      await client.stop();
    }
  });

  it('never offers a new patch file to a client that cannot create files', async () => {
    await withServer(async (client, ws) => {
      const [d] = (await open(client, ws, BASE)).diagnostics;
      assert.deepEqual((await actions(client, ws.uri(BASE), d)).map(a => a.title), [
        'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec in the base (every overlay)',
        'Set securityContext.seccompProfile.type: RuntimeDefault in the pod spec in overlay production\'s patch privileged.yaml',
        'Suppress require-seccomp-profile on this line',
      ]);
    }, false);
  });
});
