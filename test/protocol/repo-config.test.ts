// The repository file over the protocol: it applies to the documents below it over the editor's
// settings, its mistakes are diagnostics in the file itself, and edits, saves and file events
// re-lint the open documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { PRIVILEGED_POD } from './fixtures';

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map(d => String(d.code)).sort();
const BOTH = ['disallow-privileged-containers', 'require-run-as-non-root'];

describe('protocol: repository file (.kube-harden.yaml)', () => {
  it('applies over the editor settings, shows its own mistakes, and follows edits and file events', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-repo-')));
    const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
    const configFile = path.join(dir, '.kube-harden.yaml');
    fs.writeFileSync(configFile, 'level: baseline\n');
    fs.mkdirSync(path.join(dir, 'apps'));
    fs.writeFileSync(path.join(dir, 'apps', 'pod.yaml'), PRIVILEGED_POD);
    const client = await LspClient.start({
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'repo' }],
      // The editor says restricted and error for the privileged rule: the file's level wins, the
      // rule's severity (which the file does not set) is the editor's.
      settings: { kubeHarden: { level: 'restricted', rules: { 'disallow-privileged-containers': 'info' } } },
    });
    try {
      const pod = uri('apps/pod.yaml');
      await client.open(pod, PRIVILEGED_POD);
      let p = await client.waitForDiagnostics(pod, { version: 1 });
      assert.deepEqual(codes(p), ['disallow-privileged-containers']);
      assert.equal(p.diagnostics[0].severity, 3);

      // Opened and edited (not saved): the edit applies at once to the pod, and the file's
      // mistake is a diagnostic at its node.
      const cfg = uri('.kube-harden.yaml');
      await client.open(cfg, 'level: baseline\n');
      assert.deepEqual((await client.waitForDiagnostics(cfg, { version: 1 })).diagnostics, []);
      let mark = client.mark();
      await client.change(cfg, 2, [{ text: 'level: restricted\nrules:\n  disallow-privileged-containers: loud\n' }]);
      const own = await client.waitForDiagnostics(cfg, { version: 2 });
      assert.deepEqual(own.diagnostics.map(d => [d.range, d.severity, d.source, d.code, d.message]), [
        [{ start: { line: 2, character: 34 }, end: { line: 2, character: 38 } }, 1, 'kube-harden', 'config', 'Unknown rule setting "loud": use error, warning, info or off.'],
      ]);
      p = await client.waitForDiagnostics(pod, { since: mark });
      assert.equal(p.version, 1, 'the pod itself did not change');
      assert.deepEqual(codes(p), BOTH);
      // The bad value is dropped: the editor's `info` for the rule still applies.
      assert.equal(p.diagnostics.find(d => d.code === 'disallow-privileged-containers')!.severity, 3);

      // Closed without saving: the disk's baseline applies again.
      mark = client.mark();
      await client.close(cfg);
      assert.deepEqual(codes(await client.waitForDiagnostics(pod, { since: mark })), ['disallow-privileged-containers']);

      // Deleted on disk: the editor's restricted applies.
      mark = client.mark();
      fs.rmSync(configFile);
      await client.changeWatchedFiles([{ uri: cfg, type: FileChangeType.Deleted }]);
      assert.deepEqual(codes(await client.waitForDiagnostics(pod, { since: mark })), BOTH);

      // Created as .yml in the pod's own folder: found.
      mark = client.mark();
      fs.writeFileSync(path.join(dir, 'apps', '.kube-harden.yml'), 'rules:\n  "disallow-*": off\n');
      await client.changeWatchedFiles([{ uri: uri('apps/.kube-harden.yml'), type: FileChangeType.Created }]);
      assert.deepEqual(codes(await client.waitForDiagnostics(pod, { since: mark })), ['require-run-as-non-root']);
      assert.ok(client.registrations.some(r => JSON.stringify(r.registerOptions ?? {}).includes('.kube-harden.{yaml,yml}')));
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
