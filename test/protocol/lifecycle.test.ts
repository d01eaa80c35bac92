import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { LspClient, SERVER_BIN } from '../helpers/lsp-client';

describe('protocol: lifecycle', () => {
  it('initializes with incremental sync, then shuts down and exits with code 0', async () => {
    const client = await LspClient.start();
    const result = client.initializeResult!;
    assert.equal(result.serverInfo?.name, 'kube-harden');
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
    assert.equal(await client.stop(), 0);
  });

  it('exits with code 1 when the client goes away without shutdown', async () => {
    const proc = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const code = new Promise<number | null>(resolve => proc.on('exit', resolve));
    proc.stdin.end();
    const deadline = setTimeout(() => proc.kill(), 10_000);
    assert.equal(await code, 1);
    clearTimeout(deadline);
  });
});
