// A Helm chart in a real editor: test/e2e/workspace/chart prints `privileged:` from values.yaml.
// The template gets the finding on the action that printed the value, with the values.yaml line
// that set it as related information; the quick fix edits values.yaml, and once that (unsaved)
// edit renders, the template's finding is gone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnosticsAfter, fileUri, open, rulesIn, rulesOf, span } from './util';

const PRIVILEGED = 'disallow-privileged-containers';

suite('Helm charts in the editor', () => {
  suiteSetup(activate);

  teardown(async () => {
    // Not saved: the chart stays as committed for any later run.
    await vscode.commands.executeCommand('workbench.action.files.revertAll').then(undefined, () => undefined);
  });

  test('a template gets the finding at the action that printed the value; the fix edits values.yaml and the finding goes', async () => {
    const template = fileUri('chart/templates/deployment.yaml');
    const values = fileUri('chart/values.yaml');
    const found = await diagnosticsAfter(template, () => open(template).then(() => undefined), ds => rulesIn(ds).includes(PRIVILEGED), `${PRIVILEGED} on the template`, { requireEvent: true });
    const d = found.find(x => rulesOf(x).includes(PRIVILEGED))!;
    // deployment.yaml line 27 is `          privileged: {{ .Values.privileged }}`: the action, 24 characters.
    assert.deepEqual(span(d), [27, 23, 27, 47]);
    assert.match(d.message, /^Container "web" is privileged/);
    // values.yaml line 3 is `privileged: true`.
    assert.deepEqual(d.relatedInformation?.map(r => [r.location.uri.toString(), r.location.range.start.line + 1]), [[values.toString(), 3]]);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', template, d.range, undefined, 20);
    const fix = actions.find(a => a.kind?.value === 'quickfix' && a.title.startsWith('Set securityContext.privileged: false'));
    assert.ok(fix?.edit, `a fix in values.yaml among: ${actions.map(a => a.title).join(' | ')}`);
    assert.equal(fix.title, 'Set securityContext.privileged: false in container "web" in values.yaml (a CNI, CSI or device-plugin container that needs the host stops working)');
    assert.deepEqual(fix.edit.entries().map(([uri, edits]) => [uri.toString(), edits.map(e => [e.range.start.line + 1, e.range.start.character + 1, e.newText])]), [[values.toString(), [[3, 13, 'false']]]]);

    const after = await diagnosticsAfter(template, async () => assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'fix applied'), ds => !rulesIn(ds).includes(PRIVILEGED), `${PRIVILEGED} to go`, { requireEvent: true });
    assert.equal((await open(values)).lineAt(2).text, 'privileged: false');
    assert.ok(!rulesIn(after).includes(PRIVILEGED));
  });
});
