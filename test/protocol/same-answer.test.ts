// One file, one answer: `check file.yaml`, `check <its folder>` and the editor (the language
// server with the repository open) report the same findings for a file whose judgement depends on
// another file of the repository (its Namespace enforces only baseline, so the restricted rules
// are not in force there).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, json } from '../helpers/cli';
import { rulesIn } from '../helpers/diagnostic-rules';
import { LspClient } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';

const NAMESPACE = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels:
      pod-security.kubernetes.io/enforce: baseline
`;
const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    namespace: shop
  spec:
    hostIPC: true
    containers:
      - name: app
        image: nginx:1.27
`;

describe('protocol: the same answer for a file, its folder and the editor', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-same-'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'ns'));
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, 'ns', 'namespace.yaml'), NAMESPACE);
    fs.writeFileSync(path.join(dir, 'apps', 'pod.yaml'), POD);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the same rules, at the same places, all three ways', async () => {
    type F = { file: string; rule: string; range: { start: { line: number; column: number } } };
    const of = async (args: string[]) => (json<{ findings: F[] }>(await cli(['check', '--format', 'json', ...args], { cwd: dir }))).findings
      .filter(f => f.file.endsWith('pod.yaml')).map(f => `${f.rule}@${f.range.start.line}:${f.range.start.column}`).sort();
    const alone = await of(['apps/pod.yaml']);
    const folder = await of(['.']);
    // The baseline Namespace: hostIPC is reported, restricted-only rules are not.
    assert.ok(alone.some(x => x.startsWith('disallow-host-ipc@')), alone.join());
    assert.ok(!alone.some(x => x.startsWith('require-run-as-non-root@')), alone.join());
    assert.deepEqual(alone, folder);

    const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'repo' }] });
    try {
      const uri = pathToFileURL(path.join(dir, 'apps', 'pod.yaml')).href;
      await client.open(uri, POD);
      const published = await client.waitForDiagnostics(uri, { where: p => rulesIn(p.diagnostics).includes('disallow-host-ipc') });
      const editor = published.diagnostics.flatMap(d => rulesIn([d]).map(rule => `${rule}@${d.range.start.line + 1}:${d.range.start.character + 1}`)).sort();
      assert.deepEqual(editor, alone);
    } finally {
      await client.stop();
    }
  });
});
