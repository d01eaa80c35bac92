// Diagnostics as a user sees them: the extension starts the server, the server lints what the
// editor holds, the editor shows the result. Fixtures: test/e2e/workspace (a temp copy).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsAfter, fileUri, open, rulesIn, screenshot, SOURCE } from './util';

const PRIVILEGED = 'disallow-privileged-containers';
const NON_ROOT = 'require-run-as-non-root';
const has = (ds: vscode.Diagnostic[], id: string) => rulesIn(ds).includes(id);

suite('diagnostics in the editor', () => {
  suiteSetup(activate);

  teardown(async () => {
    // A failed settings test must not leave `baseline` behind for the tests after it.
    await vscode.workspace.getConfiguration('kubeHarden').update('level', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('a privileged container is reported on `true`, with its rule id and docs link', async () => {
    const uri = fileUri('privileged.yaml');
    let doc!: vscode.TextDocument;
    const ds = await diagnosticsAfter(uri, async () => { doc = await open(uri); }, ds => has(ds, PRIVILEGED), PRIVILEGED);
    const found = ds.filter(d => codeOf(d) === PRIVILEGED);
    assert.equal(found.length, 1);
    const d = found[0];
    assert.equal(d.source, SOURCE);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(typeof d.code === 'object', 'code carries a docs target');
    assert.equal(d.code.value, PRIVILEGED);
    assert.ok(d.code.target.toString().endsWith(`${PRIVILEGED}.md`), `target ${d.code.target.toString()}`);
    // privileged.yaml line 11 is `        privileged: true`: `true` spans 1-based columns 21-24.
    assert.deepEqual(
      [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
      [11, 21, 11, 25],
    );
    assert.equal(doc.getText(d.range), 'true');

    // For docs/images/editor-diagnostics.png, with the Problems panel open (the launcher points
    // the mouse at the squiggle for the hover).
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(doc, { preserveFocus: false });
    await screenshot('editor-diagnostics');
  });

  test('deleting the `privileged: true` line clears that diagnostic and keeps the others', async () => {
    const uri = fileUri('edit.yaml');
    let doc!: vscode.TextDocument;
    await diagnosticsAfter(uri, async () => { doc = await open(uri); }, ds => has(ds, PRIVILEGED) && has(ds, NON_ROOT), 'both findings');
    const line = doc.lineAt(10);
    assert.equal(line.text.trim(), 'privileged: true');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, line.rangeIncludingLineBreak);
    const after = await diagnosticsAfter(
      uri,
      async () => assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied'),
      ds => !has(ds, PRIVILEGED) && has(ds, NON_ROOT),
      `${PRIVILEGED} to disappear`,
      { requireEvent: true },
    );
    // Still linted, not just cleared: the container still lacks runAsNonRoot.
    assert.deepEqual(rulesIn(after), [NON_ROOT]);
    assert.ok(!doc.getText().includes('privileged:'));
  });

  test('a YAML file that is not a Kubernetes manifest gets no diagnostics', async () => {
    // Not compose.yaml: VS Code gives Compose files their own language id, which the client
    // does not even send to the server.
    const uri = fileUri('app-config.yaml');
    let doc!: vscode.TextDocument;
    // The server's (empty) publication for this file is the evidence that it was linted at all.
    const ds = await diagnosticsAfter(uri, async () => { doc = await open(uri); }, () => true, 'a publication', { requireEvent: true });
    assert.equal(doc.languageId, 'yaml');
    assert.deepEqual(ds, []);
  });

  test('kubeHarden.level baseline drops the restricted findings; restoring it brings them back', async () => {
    const uri = fileUri('level.yaml');
    await diagnosticsAfter(uri, () => open(uri).then(() => undefined), ds => has(ds, PRIVILEGED) && has(ds, NON_ROOT), 'both findings');
    const config = () => vscode.workspace.getConfiguration('kubeHarden', uri);

    // runAsNonRoot is a restricted check; privileged is baseline and must survive the switch.
    const baseline = await diagnosticsAfter(
      uri,
      () => config().update('level', 'baseline', vscode.ConfigurationTarget.Workspace),
      ds => !has(ds, NON_ROOT) && has(ds, PRIVILEGED),
      `${NON_ROOT} to disappear at baseline`,
      { requireEvent: true },
    );
    assert.deepEqual(rulesIn(baseline), [PRIVILEGED]);

    const restored = await diagnosticsAfter(
      uri,
      () => config().update('level', undefined, vscode.ConfigurationTarget.Workspace),
      ds => has(ds, NON_ROOT),
      `${NON_ROOT} to come back at restricted`,
      { requireEvent: true },
    );
    assert.deepEqual(rulesIn(restored).sort(), [PRIVILEGED, NON_ROOT].sort());
  });
});
