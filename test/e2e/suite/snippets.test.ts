// A snippet from snippets/kubernetes.json, inserted by name as the editor's "Insert Snippet" does,
// gives the hardened manifest it promises, and the server finds nothing in it.
// Fixture: test/e2e/workspace/snippet.yaml (a privileged pod, selected whole and replaced).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsAfter, fileUri, open } from './util';

// "Hardened Pod" with every placeholder at its default (the name `app` is one mirrored tab stop).
const HARDENED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
  - name: app
    image: registry.example.com/app:1.0.0
    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities:
        drop: ["ALL"]
    resources:
      requests:
        cpu: 100m
        memory: 128Mi
      limits:
        memory: 128Mi`;

const PRIVILEGED = 'disallow-privileged-containers';

suite('snippets in the editor', () => {
  suiteSetup(activate);

  teardown(async () => {
    // Not saved: leave snippet.yaml as it is on disk, and no dirty editor for the tests after.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('"Hardened Pod" replaces a privileged pod with the hardened manifest, and its findings go', async () => {
    const uri = fileUri('snippet.yaml');
    let doc!: vscode.TextDocument;
    let editor!: vscode.TextEditor;
    // Findings first, so that an empty list afterwards can only come from linting the snippet.
    await diagnosticsAfter(uri, async () => { doc = await open(uri); editor = vscode.window.activeTextEditor!; },
      ds => ds.some(d => codeOf(d) === PRIVILEGED), PRIVILEGED);
    assert.equal(editor.document, doc);
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);

    const ds = await diagnosticsAfter(
      uri,
      () => vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name: 'Hardened Pod' }),
      ds => ds.length === 0,
      'the findings to go',
      { requireEvent: true },
    );
    assert.equal(doc.getText(), HARDENED_POD);
    assert.deepEqual(ds.map(d => `${codeOf(d)} ${d.message}`), []);
  });
});
