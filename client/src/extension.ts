// The VS Code side: starts the language server over IPC and knows nothing about Kubernetes.
// It adds what only the editor has: a status bar item, a log channel, and commands that read
// the cursor or open a preview.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commands, ExtensionContext, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { fixAllInFile, showRulePage } from './commands';
import { createStatusBar } from './statusBar';

let client: LanguageClient | undefined;

/**
 * The server beside this file when it is the bundle (dist/extension.js next to dist/server.js, as
 * in the .vsix), else the tsc output of the source tree (client/out/extension.js).
 */
function serverModule(context: ExtensionContext): string {
  const bundled = path.join(__dirname, 'server.js');
  return fs.existsSync(bundled) ? bundled : context.asAbsolutePath(path.join('server', 'out', 'lsp', 'main.js'));
}

export async function activate(context: ExtensionContext): Promise<void> {
  const module = serverModule(context);
  const docsRoot = context.asAbsolutePath(path.join('docs', 'rules'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  // The server's window/logMessage (its rate-limited error log) lands here, with levels.
  const outputChannel = window.createOutputChannel('Kube Harden', { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: { configurationSection: 'kubeHarden' },
    initializationOptions: { docsRoot },
    outputChannel,
  };
  context.subscriptions.push(
    commands.registerCommand('kubeHarden.showRulePage', (ruleId?: unknown) => showRulePage(docsRoot, ruleId)),
    commands.registerCommand('kubeHarden.fixAllInFile', fixAllInFile),
  );
  createStatusBar(context);
  client = new LanguageClient('kubeHarden', 'Kube Harden', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
