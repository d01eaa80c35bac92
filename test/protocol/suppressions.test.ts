// Suppressions over the protocol: the quick fix writes a comment with a placeholder reason, which
// keeps the finding and adds a warning on the placeholder; written out, the finding goes.
import * as assert from 'node:assert/strict';
import { CodeAction, CodeActionRequest, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { applyVersioned } from '../helpers/lsp-edits';
import { LspClient } from '../helpers/lsp-client';
import { fileUri, PRIVILEGED_POD, range } from './fixtures';

const summary = (p: PublishDiagnosticsParams) => p.diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

describe('protocol: suppressions', () => {
  it('suppress on this line: placeholder flagged, then a reason suppresses the finding', async () => {
    const client = await LspClient.start({
      settings: { kubeHarden: {} },
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
        },
      },
    });
    try {
      const uri = fileUri('suppress.yaml');
      await client.open(uri, PRIVILEGED_POD);
      const first = await client.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(summary(first), ['8:4 require-run-as-non-root', '9:18 disallow-privileged-containers']);
      const privileged = first.diagnostics[1];
      const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
        textDocument: { uri }, range: privileged.range, context: { diagnostics: [privileged], only: ['quickfix'] },
      });
      const suppress = actions.find(a => a.title === 'Suppress disallow-privileged-containers on this line');
      assert.ok(suppress, JSON.stringify(actions.map(a => a.title)));
      const withPlaceholder = applyVersioned(suppress.edit, { uri, version: 1, text: PRIVILEGED_POD });
      assert.equal(withPlaceholder, PRIVILEGED_POD.replace('      privileged: true', '      # kube-harden-ignore disallow-privileged-containers -- TODO: reason\n      privileged: true'));

      await client.change(uri, 2, [{ text: withPlaceholder }]);
      // The finding stays (one line down), and the suppression is a warning at its rule id
      // (`      # kube-harden-ignore ` is 27 characters; the id 30).
      const second = await client.waitForDiagnostics(uri, { version: 2 });
      assert.deepEqual(summary(second), ['8:4 require-run-as-non-root', '9:27 suppressions', '10:18 disallow-privileged-containers']);
      assert.deepEqual(second.diagnostics[1].range, range(9, 27, 9, 57));
      assert.equal(second.diagnostics[1].severity, 2);

      await client.change(uri, 3, [{ text: withPlaceholder.replace('TODO: reason', 'CSI node plugin, see ADR-7') }]);
      assert.deepEqual(summary(await client.waitForDiagnostics(uri, { version: 3 })), ['8:4 require-run-as-non-root']);
    } finally {
      await client.stop();
    }
  });
});
