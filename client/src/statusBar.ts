// The status bar item: the active YAML file's kube-harden findings by severity; a click opens
// the Problems panel. Hidden for anything that is not YAML.
import * as vscode from 'vscode';
import { countSeverities, statusText } from './status';

export const SOURCE = 'kube-harden';

export function createStatusBar(context: vscode.ExtensionContext): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('kubeHarden.findings', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Kube Harden findings';
  item.command = 'workbench.actions.view.problems';
  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'yaml') {
      item.hide();
      return;
    }
    const { text, tooltip } = statusText(countSeverities(vscode.languages.getDiagnostics(doc.uri), SOURCE));
    item.text = text;
    item.tooltip = tooltip;
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument(doc => { if (doc === vscode.window.activeTextEditor?.document) update(); }),
    vscode.languages.onDidChangeDiagnostics(e => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some(u => u.toString() === active)) update();
    }),
  );
  update();
  return item;
}
