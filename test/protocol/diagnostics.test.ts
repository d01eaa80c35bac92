import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';
import { fileUri, PRIVILEGED_MESSAGE, PRIVILEGED_POD, range, REPO_ROOT, RUN_AS_ROOT_MESSAGE } from './fixtures';

function docsHref(root: string, id: string): string {
  return pathToFileURL(path.join(root, `${id}.md`)).href;
}

describe('protocol: diagnostics', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client?.stop(); });

  it('publishes findings on open with exact ranges, codes, links, severities and data', async () => {
    const uri = fileUri('pod.yaml');
    await client.open(uri, PRIVILEGED_POD);
    const p = await client.waitForDiagnostics(uri, { version: 1 });
    const docs = path.join(REPO_ROOT, 'docs', 'rules');
    assert.deepEqual(p.diagnostics, [
      {
        range: range(8, 4, 8, 19),
        severity: DiagnosticSeverity.Warning,
        code: 'require-run-as-non-root',
        codeDescription: { href: docsHref(docs, 'require-run-as-non-root') },
        source: 'kube-harden',
        message: RUN_AS_ROOT_MESSAGE,
        data: { messageId: 'missing' },
      },
      {
        range: range(9, 18, 9, 22),
        severity: DiagnosticSeverity.Error,
        code: 'disallow-privileged-containers',
        codeDescription: { href: docsHref(docs, 'disallow-privileged-containers') },
        source: 'kube-harden',
        message: PRIVILEGED_MESSAGE,
        data: { messageId: 'privileged' },
      },
    ]);
    assert.ok(p.diagnostics[1].codeDescription!.href.endsWith('/docs/rules/disallow-privileged-containers.md'));
  });

  it('re-lints incremental changes and publishes only the latest version', async () => {
    const uri = fileUri('edited.yaml');
    await client.open(uri, PRIVILEGED_POD);
    await client.waitForDiagnostics(uri, { version: 1 });
    const mark = client.mark();
    // Two edits in a row, faster than the debounce: `true` -> `false`, then two label lines
    // inserted above spec, which moves the remaining finding down by two lines.
    await client.change(uri, 2, [{ range: range(9, 18, 9, 22), text: 'false' }]);
    await client.change(uri, 3, [{ range: range(4, 0, 4, 0), text: '  labels:\n    app: web\n' }]);
    const p = await client.waitForDiagnostics(uri, { since: mark });
    assert.equal(p.version, 3, 'the first publish after the edits is for the latest version');
    assert.deepEqual(p.diagnostics.map(d => [d.code, d.range]), [['require-run-as-non-root', range(10, 4, 10, 19)]]);

    const mark2 = client.mark();
    await client.change(uri, 4, [{ range: range(11, 0, 11, 0), text: '      runAsNonRoot: true\n' }]);
    const fixed = await client.waitForDiagnostics(uri, { since: mark2 });
    assert.equal(fixed.version, 4);
    assert.deepEqual(fixed.diagnostics, []);
    assert.ok(!client.published.some(x => x.uri === uri && x.version === 2), 'version 2 was superseded before its debounce ended');
  });

  it('still lints the good documents of a file whose other document is broken', async () => {
    const uri = fileUri('multi.yaml');
    await client.open(uri, yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: broken
      data:
        key: [unclosed
      ---
      ${PRIVILEGED_POD.trimEnd().split('\n').join('\n      ')}
    `);
    const p = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(p.diagnostics.map(d => [d.code, d.range]), [
      ['require-run-as-non-root', range(15, 4, 15, 19)],
      ['disallow-privileged-containers', range(16, 18, 16, 22)],
      // The broken document is said not to be checked, on its unclosed line.
      ['not-checked', range(5, 0, 5, '  key: [unclosed'.length)],
    ]);
  });

  it('publishes nothing for YAML that is not Kubernetes', async () => {
    const workflow = fileUri('.github/workflows/ci.yml');
    await client.open(workflow, yaml`
      name: ci
      on: [push]
      jobs:
        build:
          runs-on: ubuntu-latest
          container:
            image: node:20
            options: --privileged
          steps:
          - uses: actions/checkout@v4
    `);
    // Compose services use the very same `privileged: true` key as a container securityContext.
    const compose = fileUri('compose.yaml');
    await client.open(compose, yaml`
      services:
        app:
          image: nginx:1.27
          privileged: true
    `);
    assert.deepEqual((await client.waitForDiagnostics(workflow, { version: 1 })).diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(compose, { version: 1 })).diagnostics, []);
  });

  it('lints JSON manifests and leaves other languages alone', async () => {
    const json = fileUri('pod.json');
    await client.open(json, JSON.stringify({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' },
      spec: { securityContext: { runAsNonRoot: true }, containers: [{
        name: 'app', image: 'nginx:1.27',
        securityContext: { privileged: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } },
      }] },
    }), { languageId: 'json' });
    const p = await client.waitForDiagnostics(json, { version: 1 });
    // A JSON file holds one object: the pod, which no NetworkPolicy selects. Its container sets
    // no memory limit (reported on its name, before the privileged value).
    assert.deepEqual(p.diagnostics.map(d => d.code), ['require-memory-limit', 'disallow-privileged-containers']);

    // A Markdown file holding a manifest is not one. The server handles messages in order, so
    // once the file opened after it has its diagnostics, the Markdown file has had its turn.
    const md = fileUri('README.md');
    await client.open(md, PRIVILEGED_POD, { languageId: 'markdown' });
    const probe = fileUri('probe.yml');
    await client.open(probe, PRIVILEGED_POD, { languageId: 'plaintext' });
    assert.equal((await client.waitForDiagnostics(probe, { version: 1 })).diagnostics.length, 2, '.yml is linted whatever the language id');
    assert.ok(!client.published.some(x => x.uri === md));
  });

  it('clears diagnostics on close', async () => {
    const uri = fileUri('closed.yaml');
    await client.open(uri, PRIVILEGED_POD);
    assert.equal((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics.length, 2);
    const mark = client.mark();
    await client.close(uri);
    const p = await client.waitForDiagnostics(uri, { since: mark });
    assert.deepEqual(p.diagnostics, []);
    assert.equal(p.version, undefined);
  });
});

describe('protocol: documentation links', () => {
  it('point into initializationOptions.docsRoot when the client gives one', async () => {
    const root = path.join(os.tmpdir(), 'kube-harden-docs', 'rules');
    const client = await LspClient.start({ initializationOptions: { docsRoot: root } });
    try {
      const uri = fileUri('pod.yaml');
      await client.open(uri, PRIVILEGED_POD);
      const p = await client.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(p.diagnostics.map(d => d.codeDescription?.href), [
        docsHref(root, 'require-run-as-non-root'),
        docsHref(root, 'disallow-privileged-containers'),
      ]);
    } finally {
      await client.stop();
    }
  });
});
