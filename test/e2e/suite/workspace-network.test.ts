// Cross-file findings follow edits: the NetworkPolicy in netpol/policy.yaml isolates the namespace
// defined in netpol/namespace.yaml; an unsaved edit to the policy changes the findings of the other
// file, and undoing it takes them back. Every wait is on onDidChangeDiagnostics with a deadline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnosticsAfter, fileUri, open, rulesIn, rulesOf, span } from './util';

const DEFAULT_DENY = 'require-default-deny-network-policy';

suite('the workspace model in the editor', () => {
  suiteSetup(activate);

  teardown(async () => {
    // Not saved: policy.yaml stays default-deny on disk for any later run.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a NetworkPolicy that stops selecting every pod gives the Namespace in another file its finding', async () => {
    const nsUri = fileUri('netpol/namespace.yaml');
    const policyUri = fileUri('netpol/policy.yaml');
    // Restricted-compliant and isolated by the policy: nothing to report, once linted.
    await diagnosticsAfter(nsUri, () => open(nsUri).then(() => undefined), ds => ds.length === 0, 'namespace.yaml linted clean', { requireEvent: true });
    const policy = await open(policyUri);
    const line = policy.lineAt(7);
    assert.equal(line.text, '  podSelector: {}');

    // The edit is in policy.yaml; the event awaited is for namespace.yaml.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(policyUri, line.range, '  podSelector: { matchLabels: { app: batch } }');
    const after = await diagnosticsAfter(
      nsUri,
      async () => assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied'),
      ds => rulesIn(ds).includes(DEFAULT_DENY),
      `${DEFAULT_DENY} on the Namespace`,
      { requireEvent: true },
    );
    // namespace.yaml line 5 is `  name: e2e-net`: the Namespace's name. Line 12 `  name: api`: the
    // Deployment, which the namespace's only policy no longer selects (a real gap, reported by default).
    assert.deepEqual(after.flatMap(d => rulesOf(d).map(r => [r, span(d)])), [[DEFAULT_DENY, [5, 9, 5, 16]], ['require-network-policy', [12, 9, 12, 12]]]);
    assert.match(after[0].message, /Namespace "e2e-net" has no default-deny NetworkPolicy/);

    // Undo the edit: the namespace is isolated again.
    const back = await diagnosticsAfter(
      nsUri,
      () => vscode.commands.executeCommand('undo'),
      ds => ds.length === 0,
      `${DEFAULT_DENY} to go after undo`,
      { requireEvent: true },
    );
    assert.deepEqual(back, []);
    assert.equal(policy.lineAt(7).text, '  podSelector: {}');
  });
});
