// The VS Code side: starts the language server over IPC and knows nothing about Kubernetes.
// It adds what only the editor has: a status bar item, a log channel, and commands that read
// the cursor or open a preview.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commands, ExtensionContext, window } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { fixAllInFile, showRulePage } from './commands';
import { CLIENT_ID, clientCommands, oneAtATime } from './registration';
import { createStatusBar } from './statusBar';
import { createTraceChannel } from './traceChannel';

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
  const traceOutputChannel = createTraceChannel();
  context.subscriptions.push(outputChannel, traceOutputChannel);
  // No `synchronize.configurationSection`: the server pulls settings with workspace/configuration
  // and registers for workspace/didChangeConfiguration itself, naming the sections it reads.
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
      // Chart templates and helpers, as the Helm extension names them: judged through the rendered chart.
      { scheme: 'file', language: 'helm' },
      { scheme: 'file', pattern: '**/templates/**/*.tpl' },
    ],
    initializationOptions: { docsRoot },
    outputChannel,
    traceOutputChannel,
  };
  const restartServer = oneAtATime(async () => {
    if (client) await restart(client);
  }, e => {
    const message = e instanceof Error ? e.message : String(e);
    outputChannel.error(`Restarting the language server failed: ${message}`);
    void window.showErrorMessage(`Kube Harden: restarting the language server failed: ${message}`);
  });
  const handlers = {
    showRulePage: (ruleId?: unknown) => showRulePage(docsRoot, ruleId),
    fixAllInFile,
    restartServer,
    showOutput: () => outputChannel.show(),
  };
  for (const c of clientCommands(handlers)) context.subscriptions.push(commands.registerCommand(c.id, c.run));
  createStatusBar(context);
  client = new LanguageClient(CLIENT_ID, 'Kube Harden', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(client);
}

/**
 * Restarts the server from any state: a start still under way finishes first (stopping a
 * starting client throws), and a server that is not running (it crashed too often, or never
 * came up) is simply started.
 */
async function restart(c: LanguageClient): Promise<void> {
  if (c.state === State.Starting) await c.start().catch(() => undefined);
  if (c.state === State.Running) await c.restart();
  else await c.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
