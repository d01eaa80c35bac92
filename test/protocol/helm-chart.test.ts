// A chart workspace in the editor: templates, helpers and values files are judged through the
// rendered chart, findings land on the template line that produced them with the values node
// that set the value as related information, and unsaved edits count.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClientCapabilities, CodeAction, CodeActionRequest, Diagnostic, DiagnosticSeverity, ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { range } from './fixtures';

const CHART_YAML = 'apiVersion: v2\nname: demo\nversion: 0.1.0\n';
const VALUES = [
  'image: nginx:1.27',
  'securityContext:',
  '  privileged: true',
  '',
].join('\n');
const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: {{ .Release.Name }}-web',
  'spec:',
  '  containers:',
  '  - name: app',
  '    image: {{ .Values.image }}',
  '    securityContext:',
  '      privileged: {{ .Values.securityContext.privileged }}',
  '      allowPrivilegeEscalation: false',
  '      runAsNonRoot: true',
  '      capabilities:',
  '        drop: [ALL]',
  '      seccompProfile:',
  '        type: RuntimeDefault',
  '    resources:',
  '      limits: {memory: 128Mi}',
  '',
].join('\n');
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';
const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true, relatedInformation: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, dataSupport: true },
  },
};
const PRIVILEGED = 'Container "app" is privileged: remove securityContext.privileged or set it to false.';

describe('protocol: Helm chart files', () => {
  let client: LspClient;
  let chart: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(chart, ...rel.split('/'))).href;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(chart, rel)), { recursive: true });
    fs.writeFileSync(path.join(chart, rel), text);
  };
  /** The privileged finding as published at `at`, related to `relatedUri` at `relatedAt`. */
  const privileged = (at: ReturnType<typeof range>, relatedUri: string, relatedAt: ReturnType<typeof range>, relatedMessage: string, message = PRIVILEGED) => ({
    range: at, code: 'disallow-privileged-containers', message, severity: DiagnosticSeverity.Error,
    relatedInformation: [{ location: { uri: relatedUri, range: relatedAt }, message: relatedMessage }],
  });
  /** A diagnostic that is not a finding (no related information). */
  const note = (at: ReturnType<typeof range>, code: string, severity: DiagnosticSeverity, message: string) => ({ range: at, code, message, severity, relatedInformation: undefined });
  const strip = (ds: Diagnostic[]) => ds.map(d => ({ range: d.range, code: d.code, message: d.message, severity: d.severity, relatedInformation: d.relatedInformation }));

  beforeEach(async () => {
    chart = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-chart-'));
    write('Chart.yaml', CHART_YAML);
    write('values.yaml', VALUES);
    write('templates/pod.yaml', POD);
    write('templates/policy.yaml', POLICY);
    client = await LspClient.start({ initializationOptions: { debounceMs: 0 }, capabilities: CAPABILITIES });
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(chart, { recursive: true, force: true });
  });

  it('reports a finding on the template line with the values node as related information', async () => {
    await client.open(uriOf('templates/pod.yaml'), POD);
    const p = await client.waitForDiagnostics(uriOf('templates/pod.yaml'), { version: 1 });
    assert.deepEqual(strip(p.diagnostics), [privileged(range(9, 18, 9, 58), uriOf('values.yaml'), range(2, 2, 2, 18), '.Values.securityContext.privileged is set here')]);
  });

  it('shows the finding on the values node too, and an unsaved values edit clears it', async () => {
    await client.open(uriOf('templates/pod.yaml'), POD);
    await client.waitForDiagnostics(uriOf('templates/pod.yaml'), { version: 1 });
    await client.open(uriOf('values.yaml'), VALUES);
    const v = await client.waitForDiagnostics(uriOf('values.yaml'), { version: 1 });
    assert.deepEqual(strip(v.diagnostics), [privileged(range(2, 2, 2, 18), uriOf('templates/pod.yaml'), range(9, 18, 9, 58), 'printed by templates/pod.yaml:10')]);
    const mark = client.mark();
    await client.change(uriOf('values.yaml'), 2, [{ range: range(2, 14, 2, 18), text: 'false' }]);
    const t = await client.waitForDiagnostics(uriOf('templates/pod.yaml'), { since: mark, version: 1 });
    assert.deepEqual(t.diagnostics, []);
    assert.deepEqual((await client.waitForDiagnostics(uriOf('values.yaml'), { since: mark, version: 2 })).diagnostics, []);
  });

  it('fixes a template finding in values.yaml, and the applied (unsaved) edit clears it', async () => {
    const pod = uriOf('templates/pod.yaml');
    await client.open(pod, POD);
    const p = await client.waitForDiagnostics(pod, { version: 1 });
    const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: pod }, range: p.diagnostics[0].range, context: { diagnostics: p.diagnostics, only: ['quickfix'] },
    });
    assert.deepEqual(actions, [{
      title: 'Set securityContext.privileged: false in container "app" in values.yaml (a CNI, CSI or device-plugin container that needs the host stops working)',
      kind: 'quickfix',
      diagnostics: [p.diagnostics[0]],
      edit: { documentChanges: [{ textDocument: { uri: uriOf('values.yaml'), version: null }, edits: [{ range: range(2, 14, 2, 18), newText: 'false' }] }] },
    }]);
    // The editor applies it to an unsaved values.yaml: the template's finding goes.
    await client.open(uriOf('values.yaml'), VALUES);
    await client.waitForDiagnostics(uriOf('values.yaml'), { version: 1 });
    const mark = client.mark();
    await client.change(uriOf('values.yaml'), 2, [{ range: range(2, 14, 2, 18), text: 'false' }]);
    assert.deepEqual((await client.waitForDiagnostics(pod, { since: mark, version: 1 })).diagnostics, []);
  });

  it('names the value sets a finding holds in when they differ, pointing at the set\'s own file', async () => {
    write('values.yaml', 'image: nginx:1.27\nsecurityContext:\n  privileged: false\n');
    write('ci/host-values.yaml', '# a node agent\nsecurityContext:\n  privileged: true\n');
    write('ci/plain-values.yaml', 'image: nginx:1.28\n');
    const pod = uriOf('templates/pod.yaml');
    await client.open(pod, POD);
    const p = await client.waitForDiagnostics(pod, { version: 1 });
    assert.deepEqual(strip(p.diagnostics), [privileged(range(9, 18, 9, 58), uriOf('ci/host-values.yaml'), range(2, 2, 2, 18),
      '.Values.securityContext.privileged is set here', `${PRIVILEGED} [value sets: ci/host-values.yaml]`)]);
  });

  it('judges the value files .kube-harden.yaml names for the chart as value sets of their own', async () => {
    write('values.yaml', 'image: nginx:1.27\nsecurityContext:\n  privileged: false\n');
    write('values-prod.yaml', 'securityContext:\n  privileged: true\n');
    write('.kube-harden.yaml', 'helm:\n  .: {values: [values-prod.yaml]}\n');
    const pod = uriOf('templates/pod.yaml');
    await client.open(pod, POD);
    const p = await client.waitForDiagnostics(pod, { version: 1 });
    assert.deepEqual(strip(p.diagnostics), [privileged(range(9, 18, 9, 58), uriOf('values-prod.yaml'), range(1, 2, 1, 18),
      '.Values.securityContext.privileged is set here', `${PRIVILEGED} [value sets: values-prod.yaml]`)]);
  });

  it('judges the value files kubeHarden.helm.values names for the chart (by the end of its folder path)', async () => {
    await client.stop();
    client = await LspClient.start({
      initializationOptions: { debounceMs: 0 }, capabilities: CAPABILITIES,
      settings: { kubeHarden: { helm: { values: { [path.basename(chart)]: ['values-prod.yaml'] } } } },
    });
    write('values.yaml', 'image: nginx:1.27\nsecurityContext:\n  privileged: false\n');
    write('values-prod.yaml', 'securityContext:\n  privileged: true\n');
    const pod = uriOf('templates/pod.yaml');
    await client.open(pod, POD);
    const p = await client.waitForDiagnostics(pod, { version: 1 });
    assert.deepEqual(strip(p.diagnostics), [privileged(range(9, 18, 9, 58), uriOf('values-prod.yaml'), range(1, 2, 1, 18),
      '.Values.securityContext.privileged is set here', `${PRIVILEGED} [value sets: values-prod.yaml]`)]);
  });

  it('offers the same fix on the values node, as a versioned edit of the open values.yaml', async () => {
    await client.open(uriOf('values.yaml'), VALUES);
    const v = await client.waitForDiagnostics(uriOf('values.yaml'), { version: 1 });
    const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: uriOf('values.yaml') }, range: v.diagnostics[0].range, context: { diagnostics: v.diagnostics },
    });
    assert.deepEqual(actions.map(a => [a.title, a.edit]), [[
      'Set securityContext.privileged: false in container "app" in values.yaml (a CNI, CSI or device-plugin container that needs the host stops working)',
      { documentChanges: [{ textDocument: { uri: uriOf('values.yaml'), version: 1 }, edits: [{ range: range(2, 14, 2, 18), newText: 'false' }] }] },
    ]]);
  });

  it('reports a finding a helper prints in the helper, opened as the Helm extension names it', async () => {
    const helpers = '{{- define "demo.securityContext" -}}\nprivileged: {{ .Values.securityContext.privileged }}\n{{- end }}\n';
    write('templates/_helpers.tpl', helpers);
    write('templates/pod.yaml', POD.replace('      privileged: {{ .Values.securityContext.privileged }}', '      {{- include "demo.securityContext" . | nindent 6 }}'));
    await client.open(uriOf('templates/_helpers.tpl'), helpers, { languageId: 'helm' });
    const p = await client.waitForDiagnostics(uriOf('templates/_helpers.tpl'), { version: 1 });
    assert.deepEqual(strip(p.diagnostics), [privileged(range(1, 12, 1, 52), uriOf('values.yaml'), range(2, 2, 2, 18), '.Values.securityContext.privileged is set here',
      `${PRIVILEGED} [template: templates/pod.yaml]`)]);
  });

  it('reports a template error at its position with the message Helm prints', async () => {
    const broken = POD.replace('{{ .Values.image }}', '{{ .Values.image | nope }}');
    await client.open(uriOf('templates/policy.yaml'), POLICY);
    await client.waitForDiagnostics(uriOf('templates/policy.yaml'), { version: 1 });
    const mark = client.mark();
    await client.open(uriOf('templates/pod.yaml'), broken);
    const p = await client.waitForDiagnostics(uriOf('templates/pod.yaml'), { version: 1 });
    assert.deepEqual(strip(p.diagnostics), [note(range(7, 30, 7, 34), 'chart-render', DiagnosticSeverity.Error, 'parse error at (demo/templates/pod.yaml:8): function "nope" not defined')]);
    // The chart renders nothing: another open template is not checked, and says why.
    assert.deepEqual(strip((await client.waitForDiagnostics(uriOf('templates/policy.yaml'), { since: mark, version: 1 })).diagnostics),
      [note(range(0, 0, 0, 0), 'not-checked', DiagnosticSeverity.Warning, 'Not checked for security findings: the chart does not render (see templates/pod.yaml:8).')]);
  });

  it('says once on Chart.yaml that a dependency is missing', async () => {
    const withDep = `${CHART_YAML}dependencies:\n- name: redis\n  version: 1.0.0\n  repository: https://charts.example.com\n`;
    write('Chart.yaml', withDep);
    await client.open(uriOf('Chart.yaml'), withDep);
    const p = await client.waitForDiagnostics(uriOf('Chart.yaml'), { version: 1 });
    assert.deepEqual(strip(p.diagnostics), [note(range(0, 0, 0, 0), 'chart-dependency', DiagnosticSeverity.Information,
      'The chart is not checked: found in Chart.yaml, but missing in charts/ directory: redis. Run "helm dependency build" to fetch it.')]);
  });
});

describe('protocol: Helm chart files in a workspace scan', () => {
  let client: LspClient;
  let chart: string;
  const uriOf = (rel: string) => pathToFileURL(path.join(chart, ...rel.split('/'))).href;

  beforeEach(async () => {
    chart = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-chart-scan-')));
    fs.mkdirSync(path.join(chart, 'templates'));
    fs.writeFileSync(path.join(chart, 'Chart.yaml'), CHART_YAML);
    fs.writeFileSync(path.join(chart, 'values.yaml'), VALUES);
    fs.writeFileSync(path.join(chart, 'templates', 'pod.yaml'), POD);
    fs.writeFileSync(path.join(chart, 'templates', 'policy.yaml'), POLICY);
    client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(chart).href, name: 'chart' }], initializationOptions: { debounceMs: 0 }, capabilities: CAPABILITIES });
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(chart, { recursive: true, force: true });
  });

  it('judges closed templates and values through the rendered chart, and follows an unsaved values edit', async () => {
    const mark = client.mark();
    const result = await client.request(ExecuteCommandRequest.method, { command: 'kubeHarden.scanWorkspace', arguments: [] });
    assert.deepEqual(result, { files: 4, linted: 4, findings: 2, cancelled: false });
    const published = (rel: string) => client.waitForDiagnostics(uriOf(rel), { since: mark });
    const related = (d: Diagnostic) => d.relatedInformation?.map(r => [r.location.uri, r.location.range, r.message]);
    // The template line that printed the value, related to the values node that set it; and the reverse.
    const pod = (await published('templates/pod.yaml')).diagnostics;
    assert.deepEqual(pod.map(d => [d.code, d.range, d.message]), [['disallow-privileged-containers', range(9, 18, 9, 58), PRIVILEGED]]);
    assert.deepEqual(related(pod[0]), [[uriOf('values.yaml'), range(2, 2, 2, 18), '.Values.securityContext.privileged is set here']]);
    const values = (await published('values.yaml')).diagnostics;
    assert.deepEqual(values.map(d => [d.code, d.range]), [['disallow-privileged-containers', range(2, 2, 2, 18)]]);
    assert.deepEqual((await published('templates/policy.yaml')).diagnostics, []);
    assert.deepEqual((await published('Chart.yaml')).diagnostics, []);

    // values.yaml opened and fixed, unsaved: the closed template's finding goes.
    await client.open(uriOf('values.yaml'), VALUES);
    await client.waitForDiagnostics(uriOf('values.yaml'), { version: 1 });
    const mark2 = client.mark();
    await client.change(uriOf('values.yaml'), 2, [{ range: range(2, 14, 2, 18), text: 'false' }]);
    const again = await client.waitForDiagnostics(uriOf('templates/pod.yaml'), { since: mark2 });
    assert.equal(again.version, undefined, 'published by the scan: the template is not open');
    assert.deepEqual(again.diagnostics, []);
  });
});
