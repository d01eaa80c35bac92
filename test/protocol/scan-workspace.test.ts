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
