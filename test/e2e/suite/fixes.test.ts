// Fixes as a user applies them: a quick fix from the light bulb menu, and fix-all on save through
// `editor.codeActionsOnSave`. Fixtures: test/e2e/workspace/quick-fix.yaml and on-save.yaml, each
// restricted-compliant but for what the two rules with fixes so far report (they set a memory
// limit, which require-memory-limit asks for by default).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, diagnosticsAfter, fileUri, rulesIn, rulesOf, screenshot } from './util';

const APE = 'require-no-privilege-escalation';
const NON_ROOT = 'require-run-as-non-root';
const FIX_ALL = 'source.fixAll.kube-harden';

async function openAndLint(name: string, expected: string[]): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = fileUri(name);
  let doc!: vscode.TextDocument;
  let editor!: vscode.TextEditor;
  const diagnostics = await diagnosticsAfter(uri, async () => {
    doc = await vscode.workspace.openTextDocument(uri);
    editor = await vscode.window.showTextDocument(doc);
  }, ds => JSON.stringify(rulesIn(ds)) === JSON.stringify(expected), expected.join(', '));
  return { uri, doc, editor, diagnostics };
}

/**
 * Resolves once `trigger` has completed and the document's text is `expected`, checked on every
 * change, with a deadline. Not before the trigger completes: the save's fixes change the text
 * before the save itself finishes, and a test that goes on then sees a dirty document.
 */
async function textBecomes(doc: vscode.TextDocument, trigger: () => Thenable<unknown>, expected: string, what: string, timeoutMs = 15_000): Promise<void> {
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  let triggered = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const check = () => { if (triggered && doc.getText() === expected) resolve(); };
      sub = vscode.workspace.onDidChangeTextDocument(e => { if (e.document === doc) check(); });
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the text is now:\n${doc.getText()}`)), timeoutMs);
      Promise.resolve(trigger()).then(() => { triggered = true; check(); }, reject);
    });
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

suite('fixes in the editor', () => {
  suiteSetup(activate);

  teardown(async () => {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  test('the light bulb offers the fixes; applying the safe one gives the exact text', async () => {
    const { uri, doc, editor, diagnostics } = await openAndLint('quick-fix.yaml', [APE, NON_ROOT]);
    const original = doc.getText();
    const ape = diagnostics.find(d => rulesOf(d).includes(APE))!;
    // quick-fix.yaml line 11 is `      securityContext:`: the key that lacks the two settings.
    assert.deepEqual([ape.range.start.line + 1, ape.range.start.character + 1, ape.range.end.line + 1, ape.range.end.character + 1], [11, 7, 11, 22]);

    // For docs/images/editor-quick-fix.png: the menu as the user sees it (Ctrl+.).
    editor.selection = new vscode.Selection(ape.range.start, ape.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('editor-quick-fix', { hover: false, waitFor: '.action-widget' });
    await vscode.commands.executeCommand('hideCodeActionWidget').then(undefined, () => undefined);

    // Resolve every action (the server leaves edits to codeAction/resolve for VS Code).
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, ape.range, undefined, 20);
    const ours = actions.filter(a => a.kind && (a.kind.value === 'quickfix' || a.kind.value === 'refactor.rewrite'));
    assert.deepEqual(ours.map(a => [a.title, a.kind!.value, a.isPreferred ?? false]), [
      ['Set securityContext.allowPrivilegeEscalation: false in container "app"', 'quickfix', true],
      [`Suppress ${APE} on this line`, 'quickfix', false],
      [`Suppress ${APE} for Pod "web"`, 'quickfix', false],
      ['Set securityContext.runAsNonRoot: true in the pod spec (may stop an image that runs as root)', 'quickfix', false],
      [`Suppress ${NON_ROOT} on this line`, 'quickfix', false],
      [`Suppress ${NON_ROOT} for Pod "web"`, 'quickfix', false],
      ['Harden this workload: Pod "web" (includes unsafe changes)', 'refactor.rewrite', false],
    ]);
    const fix = ours[0];
    assert.ok(fix.edit, 'the fix was resolved to an edit');
    await diagnosticsAfter(
      uri,
      async () => assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'edit applied'),
      ds => JSON.stringify(rulesIn(ds)) === JSON.stringify([NON_ROOT]),
      `${APE} to disappear`,
      { requireEvent: true },
    );
    assert.equal(doc.getText(), original + '        allowPrivilegeEscalation: false\n');
  });

  test('source.fixAll.kube-harden runs on save (editor.codeActionsOnSave) and applies the safe fixes only', async () => {
    const { uri, doc, editor } = await openAndLint('on-save.yaml', [APE, NON_ROOT, NON_ROOT, APE]);
    const original = doc.getText();
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { [FIX_ALL]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(vscode.workspace.getConfiguration('editor', doc).get('codeActionsOnSave'), { [FIX_ALL]: 'explicit' });

    // A change to save: a comment line at the top.
    assert.ok(await editor.edit(b => b.insert(new vscode.Position(0, 0), '# reviewed\n')));
    // Safe fixes only add what is not stated: "app" gains allowPrivilegeEscalation: false;
    // "sidecar"'s explicit true is the author's, and flipping it is an unsafe fix, not applied on save.
    const expected = '# reviewed\n' + original
      .replace('              type: RuntimeDefault\n        - name: sidecar', '              type: RuntimeDefault\n            allowPrivilegeEscalation: false\n        - name: sidecar');
    assert.notEqual(expected, '# reviewed\n' + original, 'the expectation differs from the input');
    await textBecomes(doc, () => vscode.commands.executeCommand('workbench.action.files.save'), expected, 'the fixes on save');
    assert.equal(doc.getText(), expected);
    // runAsNonRoot and the sidecar's explicit escalation (unsafe) are left to the user; what was saved is the fixed text.
    await diagnosticsAfter(uri, () => undefined, ds => JSON.stringify([...rulesIn(ds)].sort()) === JSON.stringify([NON_ROOT, NON_ROOT, APE].sort()), 'only the unsafe findings left');
    assert.equal(doc.isDirty, false);
    assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected);
  });
});
