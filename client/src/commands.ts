// Commands that need the editor: which rule page to open, and fix-all on the active file.
// kubeHarden.scanWorkspace is the server's (workspace/executeCommand): the language client
// registers it from the server's executeCommandProvider.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { rulesOfIndex } from './status';
import { SOURCE } from './statusBar';

export const FIX_ALL_KIND = 'source.fixAll.kube-harden';

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** The rules of the kube-harden diagnostics under the cursor of the active editor. */
function rulesAtCursor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const pos = editor.selection.active;
  const ids = vscode.languages.getDiagnostics(editor.document.uri)
    .filter(d => d.source === SOURCE && d.range.contains(pos))
    .map(codeOf)
    .filter((id): id is string => !!id);
  return [...new Set(ids)];
}

async function pickRule(docsRoot: string, only: string[]): Promise<string | undefined> {
  let rules: Array<{ id: string; title: string }> = [];
  try {
    rules = rulesOfIndex(await fs.promises.readFile(vscode.Uri.joinPath(vscode.Uri.file(docsRoot), 'README.md').fsPath, 'utf8'));
  } catch {
    // No index: the ids of the diagnostics under the cursor are all there is to offer.
  }
  const items = only.length
    ? only.map(id => ({ label: id, description: rules.find(r => r.id === id)?.title }))
    : rules.map(r => ({ label: r.id, description: r.title }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Kube Harden: open a rule page', matchOnDescription: true });
  return picked?.label;
}

/** `ruleId` given: that page; else the rule of the diagnostic under the cursor, else a quick pick. */
export async function showRulePage(docsRoot: string, ruleId?: unknown): Promise<void> {
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const here = rulesAtCursor();
    id = here.length === 1 ? here[0] : await pickRule(docsRoot, here);
  }
  if (!id || !/^[a-z0-9-]+$/.test(id)) return;
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(vscode.Uri.file(docsRoot), `${id}.md`));
}

/** Applies the server's source.fixAll.kube-harden action to the active editor; false if none. */
export async function fixAllInFile(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return false;
  const doc = editor.document;
  const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  // itemResolveCount 1: the server leaves edits to codeAction/resolve.
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, FIX_ALL_KIND, 1);
  const action = actions?.find(a => a.kind?.value === FIX_ALL_KIND);
  if (!action) {
    vscode.window.showInformationMessage('Kube Harden: nothing in this file that a safe fix can change.');
    return false;
  }
  let applied = false;
  if (action.edit) applied = await vscode.workspace.applyEdit(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return applied || !!action.command;
}
