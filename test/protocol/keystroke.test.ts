// Edits over stdio with the debounce set to 0 (initializationOptions.debounceMs): every change
// is published at once, and the findings of the documents an edit did not touch (reused, moved)
// are where a fresh lint puts them, with quick fixes that edit the current text.
import * as assert from 'node:assert/strict';
import { RULES } from '@kube-harden/server';
import { CodeAction, CodeActionRequest, Diagnostic } from 'vscode-languageserver-protocol';
import { applyVersioned } from '../helpers/lsp-edits';
import { LspClient } from '../helpers/lsp-client';
import { escalatingPod } from '../helpers/model-cache';
import { fileUri, range } from './fixtures';

const APE = 'require-no-privilege-escalation';
const ONLY_APE = { rules: Object.fromEntries(RULES.filter(r => r.id !== APE).map(r => [r.id, 'off'])) };
const TEXT = [escalatingPod('a'), escalatingPod('b'), escalatingPod('c')].join('---\n');

describe('protocol: keystrokes (debounce 0)', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({
      initializationOptions: { debounceMs: 0 },
      settings: { kubeHarden: ONLY_APE },
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
        },
      },
    });
  });
  after(async () => { await client?.stop(); });

  it('a line inserted in the middle document moves the findings below it; their fixes edit the new text', async () => {
    const uri = fileUri('pods.yaml');
    await client.open(uri, TEXT);
    const v1 = await client.waitForDiagnostics(uri, { version: 1 });
    assert.deepEqual(v1.diagnostics.map(d => d.range), [range(11, 32, 11, 36), range(24, 32, 24, 36), range(37, 32, 37, 36)]);

    const comment = '  # a note\n';
    await client.change(uri, 2, [{ range: range(19, 0, 19, 0), text: comment }]);
    const v2 = await client.waitForDiagnostics(uri, { version: 2 });
    assert.deepEqual(v2.diagnostics.map(d => d.range), [range(11, 32, 11, 36), range(25, 32, 25, 36), range(38, 32, 38, 36)]);

    const edited = [escalatingPod('a'), escalatingPod('b').replace('spec:\n', `${comment}spec:\n`), escalatingPod('c')].join('---\n');
    const fixOf = async (d: Diagnostic) => {
      const actions = await client.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      // Flipping an explicit `true` is an unsafe fix (not preferred), still offered one at a time.
      const fix = actions.find(a => a.title.startsWith('Set securityContext.allowPrivilegeEscalation: false'));
      assert.ok(fix, `the fix among ${JSON.stringify(actions.map(a => a.title))}`);
      return applyVersioned(fix.edit, { uri, version: 2, text: edited });
    };
    const fixedC = [escalatingPod('a'), escalatingPod('b').replace('spec:\n', `${comment}spec:\n`), escalatingPod('c').replace(': true', ': false')].join('---\n');
    assert.equal(await fixOf(v2.diagnostics[2]), fixedC);
    const fixedA = [escalatingPod('a').replace(': true', ': false'), escalatingPod('b').replace('spec:\n', `${comment}spec:\n`), escalatingPod('c')].join('---\n');
    assert.equal(await fixOf(v2.diagnostics[0]), fixedA);
  });
});
