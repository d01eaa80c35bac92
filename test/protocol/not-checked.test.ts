// What the server could not judge gets a diagnostic of its own (code `not-checked`) at the line
// where reading stopped, so a document with no finding never looks clean when it was not read;
// and text is read as kubectl reads it, with findings on the lines the editor shows.
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { fileUri, PRIVILEGED_POD, range } from './fixtures';

const BROKEN_CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  key: "unclosed\n';

describe('protocol: parts of a document that were not checked', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client?.stop(); });

  it('puts a not-checked warning on the line of a syntax error, after the findings of the documents that parse', async () => {
    const uri = fileUri('broken.yaml');
    await client.open(uri, `${PRIVILEGED_POD}---\n${BROKEN_CONFIGMAP}`);
    const p = await client.waitForDiagnostics(uri, { version: 1 });
    const marker = PRIVILEGED_POD.split('\n').length - 1; // the line of `---`
    assert.deepEqual(p.diagnostics.map(d => d.code), ['require-run-as-non-root', 'disallow-privileged-containers', 'not-checked']);
    assert.deepEqual(p.diagnostics[2], {
      range: range(marker + 6, 0, marker + 6, '  key: "unclosed'.length),
      severity: DiagnosticSeverity.Warning,
      code: 'not-checked',
      source: 'kube-harden',
      message: 'Not checked for security findings: YAML syntax error: Missing closing "quote.',
    });
  });

  it('says when a file that does not parse looks like a template outside a chart', async () => {
    const uri = fileUri('looks-like-a-chart.yaml');
    const text = `{{- if .Values.enabled }}\n${PRIVILEGED_POD}{{- end }}\n`;
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri, { version: 1 });
    // Both documents (the pod and its NetworkPolicy) are cut by a template line: each is said.
    const last = text.split('\n').length - 2;
    const why = "; it looks like a template outside a Helm chart's templates/ folder.";
    assert.deepEqual(p.diagnostics.map(d => [d.code, d.range, d.message]), [
      ['not-checked', range(0, 0, 0, '{{- if .Values.enabled }}'.length), `Not checked for security findings: YAML syntax error (Block collections are not allowed within flow collections)${why}`],
      ['not-checked', range(last, 0, last, '{{- end }}'.length), `Not checked for security findings: YAML syntax error (Implicit keys need to be on a single line)${why}`],
    ]);
  });

  it('lints `{{ }}` in the scalars of an ordinary manifest as text', async () => {
    const uri = fileUri('vault.yaml');
    const annotated = PRIVILEGED_POD.replace('  name: web\n', '  name: web\n  annotations:\n    vault.hashicorp.com/agent-inject-template-db: |\n      {{ with secret "db/creds" }}{{ .Data.password }}{{ end }}\n');
    assert.notEqual(annotated, PRIVILEGED_POD);
    await client.open(uri, annotated);
    const p = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(p.diagnostics.map(d => [d.code, d.range.start.line]), [['require-run-as-non-root', 11], ['disallow-privileged-containers', 12]]);
  });

  it('reads CR-only line ends as kubectl does, and reports on the lines the editor shows', async () => {
    const uri = fileUri('classic-mac.yaml');
    await client.open(uri, PRIVILEGED_POD.replace(/\n/g, '\r'));
    const p = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(p.diagnostics.map(d => [d.code, d.range]), [
      ['require-run-as-non-root', range(8, 4, 8, 19)],
      ['disallow-privileged-containers', range(9, 18, 9, 22)],
    ]);
  });
});

describe('protocol: kubeHarden.maxFileSize', () => {
  it('does not check a larger document, and says so instead of looking clean', async () => {
    const client = await LspClient.start({ settings: { kubeHarden: { maxFileSize: '100' } } });
    try {
      const uri = fileUri('large.yaml');
      await client.open(uri, PRIVILEGED_POD);
      const p = await client.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(p.diagnostics, [{
        range: range(0, 0, 0, 'apiVersion: v1'.length),
        severity: DiagnosticSeverity.Warning,
        code: 'not-checked',
        source: 'kube-harden',
        message: `Not checked for security findings: file too large (${Buffer.byteLength(PRIVILEGED_POD)} bytes; the limit is 100 bytes, see maxFileSize).`,
      }]);
      const small = fileUri('small.yaml');
      client.settings = { kubeHarden: { maxFileSize: '1KiB' } };
      await client.changeConfiguration(client.settings);
      await client.open(small, PRIVILEGED_POD);
      assert.deepEqual((await client.waitForDiagnostics(small, { version: 1 })).diagnostics.map(d => d.code), ['require-run-as-non-root', 'disallow-privileged-containers']);
    } finally {
      await client.stop();
    }
  });
});
