// kubeHarden.scanWorkspace over the protocol: every manifest of the folders linted, closed files'
// diagnostics published with exact ranges, open documents left to the validator, excluded folders
// skipped, progress shown, and a scanned file linted again when it changes on disk.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExecuteCommandRequest, FileChangeType } from 'vscode-languageserver-protocol';
import type { ScanResult } from '@kube-harden/server/out/lsp/scan';
import { LspClient } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';
import { PRIVILEGED_MESSAGE, PRIVILEGED_POD, range, RUN_AS_ROOT_MESSAGE } from './fixtures';

const CONFIG_MAP = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
  data:
    mode: fast
`;

describe('protocol: kubeHarden.scanWorkspace', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-scan-')));
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  let client: LspClient;

  before(async () => {
    write('apps/pod.yaml', PRIVILEGED_POD);
    write('clean.yaml', CONFIG_MAP);
    write('open.yaml', PRIVILEGED_POD);
    write('node_modules/dep/pod.yaml', PRIVILEGED_POD);
    client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'scan' }], progress: true });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is advertised as a command', () => {
    assert.deepEqual(client.initializeResult?.capabilities.executeCommandProvider, { commands: ['kubeHarden.scanWorkspace'] });
  });

  it('publishes every closed manifest, leaves open ones to the validator, skips excluded folders, with progress', async () => {
    // Open with the privileged line fixed: the editor's text, not the disk's, is what counts.
    await client.open(uri('open.yaml'), PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
    await client.waitForDiagnostics(uri('open.yaml'), { version: 1 });
    const mark = client.mark();
    const result = await client.request<ScanResult>(ExecuteCommandRequest.method, { command: 'kubeHarden.scanWorkspace', arguments: [] });
    assert.deepEqual(result, { files: 3, linted: 2, findings: 2, cancelled: false });

    const after = client.published.slice(mark);
    assert.deepEqual(after.map(p => p.uri).sort(), [uri('apps/pod.yaml'), uri('clean.yaml')]);
    const pod = after.find(p => p.uri === uri('apps/pod.yaml'))!;
    // Line 8 `    securityContext:` (chars 4-19) and line 9 `      privileged: true` (`true`, chars 18-22).
    assert.deepEqual(pod.diagnostics.map(d => [d.code, d.message, d.range, d.source]), [
      ['require-run-as-non-root', RUN_AS_ROOT_MESSAGE, range(8, 4, 8, 19), 'kube-harden'],
      ['disallow-privileged-containers', PRIVILEGED_MESSAGE, range(9, 18, 9, 22), 'kube-harden'],
    ]);
    assert.deepEqual(after.find(p => p.uri === uri('clean.yaml'))!.diagnostics, []);

    const begin = client.progress.find(p => p.value.kind === 'begin' && p.value.title === 'Kube Harden: scanning the workspace');
    assert.ok(begin, `progress: ${JSON.stringify(client.progress)}`);
    assert.ok(client.progress.some(p => p.token === begin.token && p.value.kind === 'end'), 'the progress ends');
  });

  it('lints a scanned closed file again when it changes on disk', async () => {
    write('apps/pod.yaml', PRIVILEGED_POD.replace('privileged: true', 'privileged: false'));
    const mark = client.mark();
    await client.changeWatchedFiles([{ uri: uri('apps/pod.yaml'), type: FileChangeType.Changed }]);
    const p = await client.waitForDiagnostics(uri('apps/pod.yaml'), { since: mark });
    assert.deepEqual(p.diagnostics.map(d => [d.code, d.range]), [['require-run-as-non-root', range(8, 4, 8, 19)]]);

    fs.rmSync(path.join(dir, 'apps/pod.yaml'));
    const mark2 = client.mark();
    await client.changeWatchedFiles([{ uri: uri('apps/pod.yaml'), type: FileChangeType.Deleted }]);
    const gone = await client.waitForDiagnostics(uri('apps/pod.yaml'), { since: mark2 });
    assert.deepEqual(gone.diagnostics, []);
  });
});

// A restricted-compliant Pod in a namespace whose only policy selects other pods: its one finding
// is require-network-policy, which a policy typed in an open editor takes away.
const LONELY_POD = `${yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    namespace: shop
    labels:
      app: web
  spec:
    containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
        seccompProfile:
          type: RuntimeDefault
      resources:
        limits: {memory: 128Mi}
`}---\n${yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: db-only
    namespace: shop
  spec:
    podSelector:
      matchLabels:
        app: db
    policyTypes: [Ingress, Egress]
`}`;

const policyFor = (app: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: web-policy
    namespace: shop
  spec:
    podSelector:
      matchLabels:
        app: ${app}
    policyTypes: [Ingress, Egress]
`;

describe('protocol: kubeHarden.scanWorkspace follows what the scanned files depend on', () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-scan-deps-')));
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
  let client: LspClient;

  before(async () => {
    fs.writeFileSync(path.join(dir, 'pod.yaml'), LONELY_POD);
    fs.writeFileSync(path.join(dir, 'config.yaml'), CONFIG_MAP);
    client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'deps' }] });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('re-publishes a closed file when a policy typed in an open editor selects its pods, and when it stops', async () => {
    const mark = client.mark();
    await client.request<ScanResult>(ExecuteCommandRequest.method, { command: 'kubeHarden.scanWorkspace', arguments: [] });
    const scanned = await client.waitForDiagnostics(uri('pod.yaml'), { since: mark });
    // Line 3 `  name: web`: the Pod's name (chars 8-11).
    assert.deepEqual(scanned.diagnostics.map(d => [d.code, d.range]), [['require-network-policy', range(3, 8, 3, 11)]]);
    assert.match(String(scanned.diagnostics[0].message), /^No NetworkPolicy in namespace "shop" selects the pods of Pod "web"/);

    // A new, unsaved file selecting the pod: the closed file's finding goes.
    const mark2 = client.mark();
    await client.open(uri('policy.yaml'), policyFor('web'));
    const isolated = await client.waitForDiagnostics(uri('pod.yaml'), { since: mark2 });
    assert.deepEqual(isolated.diagnostics, []);

    // The open policy now selects other pods: the finding comes back.
    const mark3 = client.mark();
    await client.change(uri('policy.yaml'), 2, [{ text: policyFor('api') }]);
    const again = await client.waitForDiagnostics(uri('pod.yaml'), { since: mark3 });
    assert.deepEqual(again.diagnostics.map(d => [d.code, d.range]), [['require-network-policy', range(3, 8, 3, 11)]]);

    // The ConfigMap reads nothing the policy changed: it is not published again.
    assert.equal(client.published.slice(mark2).filter(p => p.uri === uri('config.yaml')).length, 0);
  });

  it('moves a closed file\'s related locations into an open file when its lines move', async () => {
    // The open policy (selecting app: api) is one of those the finding points to: its name, line 3.
    const relatedIn = (p: { diagnostics: Array<{ relatedInformation?: Array<{ location: { uri: string; range: unknown } }> }> }) =>
      p.diagnostics[0].relatedInformation?.filter(r => r.location.uri === uri('policy.yaml')).map(r => r.location.range);
    const before = client.published.filter(p => p.uri === uri('pod.yaml')).at(-1)!;
    assert.deepEqual(relatedIn(before), [range(3, 8, 3, 18)]);
    // Two comment lines above it: no fact changes, the location moves down two lines.
    const mark = client.mark();
    await client.change(uri('policy.yaml'), 3, [{ range: range(0, 0, 0, 0), text: '# one\n# two\n' }]);
    const moved = await client.waitForDiagnostics(uri('pod.yaml'), { since: mark });
    assert.deepEqual(relatedIn(moved), [range(5, 8, 5, 18)]);
  });

  it('lints the closed files again when the settings change', async () => {
    const mark = client.mark();
    client.settings = { kubeHarden: { rules: { 'require-network-policy': 'off' } } };
    await client.changeConfiguration(null);
    assert.deepEqual((await client.waitForDiagnostics(uri('pod.yaml'), { since: mark })).diagnostics, []);
    const mark2 = client.mark();
    client.settings = { kubeHarden: {} };
    await client.changeConfiguration(null);
    const back = await client.waitForDiagnostics(uri('pod.yaml'), { since: mark2 });
    assert.deepEqual(back.diagnostics.map(d => [d.code, d.range]), [['require-network-policy', range(3, 8, 3, 11)]]);
  });
});
