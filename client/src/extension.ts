// The VS Code side: starts the language server over IPC and knows nothing about Kubernetes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExtensionContext } from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

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
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: { configurationSection: 'kubeHarden' },
    initializationOptions: { docsRoot: context.asAbsolutePath('docs/rules') },
  };
  client = new LanguageClient('kubeHarden', 'Kube Harden', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
