// The editor features around the diagnostics: the hover on a flagged node, the commands (fix all
// in the file, rule page, scan of the workspace). Fixtures: test/e2e/workspace/ux-*.yaml. Named
// to run after the other suites: the workspace scan publishes diagnostics for closed files.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, codeOf, diagnosticsAfter, fileUri, ours, rulesIn } from './util';

const PRIVILEGED = 'disallow-privileged-containers';
const APE = 'require-no-privilege-escalation';
const NON_ROOT = 'require-run-as-non-root';
const NETWORK_POLICY = 'require-network-policy';

async function openAndLint(name: string, accept: (ds: vscode.Diagnostic[]) => boolean, what: string) {
  const uri = fileUri(name);
  let doc!: vscode.TextDocument;
  const diagnostics = await diagnosticsAfter(uri, async () => {
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  }, accept, what);
  return { uri, doc, diagnostics };
}

function markdownOf(hovers: vscode.Hover[]): string[] {
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value)));
}

/** Resolves with `probe()` once it is truthy, re-checked on `event`, with a deadline. */
async function when<T>(event: vscode.Event<unknown>, probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  let sub: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      const check = () => { const v = probe(); if (v) resolve(v); };
      sub = event(check);
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      check();
    });
  } finally {
    sub?.dispose();
    clearTimeout(timer);
  }
}

suite('editor features', () => {
  suiteSetup(activate);

  teardown(async () => {
    // Only this suite's files: the fix-all test leaves its file edited, and it must not be saved.
    const active = vscode.window.activeTextEditor;
    if (active && path.basename(active.document.uri.fsPath).startsWith('ux-')) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('hovering a flagged value shows our markdown; a clean one shows none of ours', async () => {
    const { uri, diagnostics } = await openAndLint('ux-hover.yaml', ds => ds.some(d => codeOf(d) === PRIVILEGED), PRIVILEGED);
    const d = diagnostics.find(x => codeOf(x) === PRIVILEGED)!;
    // ux-hover.yaml line 11 is `        privileged: true`: `true` spans 1-based columns 21-24.
    assert.deepEqual([d.range.start.line + 1, d.range.start.character + 1, d.range.end.character + 1], [11, 21, 25]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(10, 22));
    const mine = markdownOf(hovers).filter(m => m.includes(`\`${PRIVILEGED}\``));
    assert.equal(mine.length, 1, JSON.stringify(markdownOf(hovers)));
    assert.ok(mine[0].startsWith(`**Containers must not be privileged** — error · \`${PRIVILEGED}\``), mine[0]);
    assert.ok(mine[0].includes('Container "app" is privileged: remove securityContext.privileged or set it to false.'));
    assert.ok(mine[0].includes('**OWASP Kubernetes Top 10:** [K01:2022 Insecure Workload Configurations]'));
    assert.match(mine[0], /\[Rule page\]\(file:\/\/\/.*\/docs\/rules\/disallow-privileged-containers\.md\)/);
    const range = hovers.find(h => markdownOf([h]).some(m => m.includes(PRIVILEGED)))!.range!;
    assert.deepEqual([range.start.line, range.start.character, range.end.line, range.end.character], [10, 20, 10, 24]);

    // Line 9 `      image: nginx:1.27`: nothing of ours.
    const clean = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(8, 15));
    assert.deepEqual(markdownOf(clean).filter(m => m.includes('OWASP')), []);
  });

  test('kubeHarden.fixAllInFile applies every safe fix of the active file', async () => {
    const { doc } = await openAndLint('ux-fix-all.yaml', ds => JSON.stringify(rulesIn(ds)) === JSON.stringify([APE, NON_ROOT]), `${APE}, ${NON_ROOT}`);
    const original = doc.getText();
    const after = await diagnosticsAfter(
      doc.uri,
      async () => assert.equal(await vscode.commands.executeCommand('kubeHarden.fixAllInFile'), true),
      ds => JSON.stringify(rulesIn(ds)) === JSON.stringify([NON_ROOT]),
      `only ${NON_ROOT} (unsafe: never applied in bulk)`,
      { requireEvent: true },
    );
    assert.equal(after.length, 1);
    // The safe fix adds the setting after the last line of the container's securityContext.
    assert.equal(doc.getText(), original + '        allowPrivilegeEscalation: false\n');
  });

  test('kubeHarden.showRulePage opens the rule of the diagnostic under the cursor in the Markdown preview', async () => {
    const { doc, diagnostics } = await openAndLint('ux-hover.yaml', ds => ds.some(d => codeOf(d) === PRIVILEGED), PRIVILEGED);
    const editor = await vscode.window.showTextDocument(doc);
    const d = diagnostics.find(x => codeOf(x) === PRIVILEGED)!;
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    await vscode.commands.executeCommand('kubeHarden.showRulePage');
    const label = `${PRIVILEGED}.md`;
    const tab = await when(vscode.window.tabGroups.onDidChangeTabs, () =>
      vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label.includes(label)), `a preview tab of ${label}`);
    assert.ok(tab.input instanceof vscode.TabInputWebview, `a webview (the preview), not the file: ${tab.label}`);
    // Tab objects are replaced when a tab changes (the preview becomes active): close the current one.
    const current = vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.label.includes(label));
    if (current) await vscode.window.tabGroups.close(current).then(undefined, () => undefined);
  });

  test('kubeHarden.scanWorkspace reports a file that was never opened', async () => {
    const uri = fileUri('ux-scan-closed.yaml');
    assert.deepEqual(ours(uri), []);
    const ds = await diagnosticsAfter(uri, () => vscode.commands.executeCommand('kubeHarden.scanWorkspace'),
      ds => ds.some(d => codeOf(d) === PRIVILEGED), `${PRIVILEGED} in the closed file`);
    const d = ds.find(x => codeOf(x) === PRIVILEGED)!;
    assert.deepEqual([d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1], [11, 21, 11, 25]);
    assert.ok(!vscode.workspace.textDocuments.some(t => t.uri.toString() === uri.toString()), 'the scan did not open it');
  });

  test('a scanned closed file follows a policy typed, unsaved, in another file', async () => {
    const closed = fileUri('ux-scan-deps.yaml');
    const ds = await diagnosticsAfter(closed, () => vscode.commands.executeCommand('kubeHarden.scanWorkspace'),
      ds => ds.some(d => codeOf(d) === NETWORK_POLICY), `${NETWORK_POLICY} in the closed file`);
    // ux-scan-deps.yaml line 6 is `  name: scan-deps`: the name spans 1-based columns 9-17.
    const d = ds.find(x => codeOf(x) === NETWORK_POLICY)!;
    assert.deepEqual([d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1], [6, 9, 6, 18]);
    // The policy file opened and retyped to select the pod, not saved: the closed file's finding goes.
    const { doc } = await openAndLint('ux-scan-deps-policy.yaml', () => true, 'the policy file linted');
    const line = doc.lineAt(9);
    assert.equal(line.text, '      app: other');
    const after = await diagnosticsAfter(closed, async () => {
      const editor = vscode.window.activeTextEditor!;
      await editor.edit(b => b.replace(new vscode.Range(9, 11, 9, 16), 'scan-deps'));
    }, ds => !ds.some(x => codeOf(x) === NETWORK_POLICY), `no ${NETWORK_POLICY} in the closed file`, { timeoutMs: 20_000, requireEvent: true });
    assert.deepEqual(after, []);
    assert.ok(!vscode.workspace.textDocuments.some(t => t.uri.toString() === closed.toString()), 'the closed file stayed closed');
  });
});
