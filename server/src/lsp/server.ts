// Wires the LSP connection to the engine. Transport-agnostic: main.ts picks stdio or IPC.
import {
  ClientCapabilities, CodeAction, Connection, DidChangeConfigurationNotification, InitializeParams, InitializeResult, TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CODE_ACTION_KINDS, CodeActionClient, CodeActionProvider } from './codeActions';
import { DEFAULT_DOCS_ROOT, docsLinker } from './diagnostics';
import { ParseCache } from './documents';
import { describeError, RateLimitedLog } from './log';
import { SECTION, SettingsStore } from './settings';
import { Validator } from './validation';

/** A handler that throws is logged and answered with `fallback`; the server keeps going. */
export function guarded<A extends unknown[], R>(log: RateLimitedLog, name: string, fallback: R, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (e) {
      log.error(`handler:${name}`, `${name} failed: ${describeError(e)}`);
      return fallback;
    }
  };
}

/** What the client can take for code actions (see CodeActionClient). */
export function codeActionClient(caps: ClientCapabilities): CodeActionClient {
  const ca = caps.textDocument?.codeAction;
  const literals = !!ca?.codeActionLiteralSupport;
  return {
    literals,
    lazyEdits: literals && ca?.dataSupport === true && (ca?.resolveSupport?.properties ?? []).includes('edit'),
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
  };
}

function serverVersion(): string {
  try {
    return String((require('../../package.json') as { version?: string }).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
}

export function startServer(connection: Connection, log: RateLimitedLog): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new ParseCache();
  let settings = new SettingsStore(undefined, log);
  let validator: Validator | undefined;
  let actions: CodeActionProvider | undefined;
  let registerConfigurationChange = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      const caps = params.capabilities;
      registerConfigurationChange = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      const options = (params.initializationOptions ?? {}) as { docsRoot?: unknown };
      const docsRoot = typeof options.docsRoot === 'string' && options.docsRoot ? options.docsRoot : DEFAULT_DOCS_ROOT;
      settings = new SettingsStore(
        caps.workspace?.configuration === true
          ? scopeUri => connection.workspace.getConfiguration({ scopeUri, section: SECTION })
          : undefined,
        log,
      );
      validator = new Validator({
        document: uri => documents.get(uri),
        all: () => documents.all(),
        cache,
        settings,
        publish: params => {
          connection.sendDiagnostics(params).catch(e => log.error('publish', `publishDiagnostics failed: ${describeError(e)}`));
        },
        docsHref: docsLinker(docsRoot),
        log,
      });
      actions = new CodeActionProvider({ document: uri => documents.get(uri), cache, settings, client: codeActionClient(caps), log });
    } catch (e) {
      log.error('handler:initialize', `initialize failed: ${describeError(e)}`);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
      },
      serverInfo: { name: 'kube-harden', version: serverVersion() },
    };
  });

  connection.onInitialized(guarded(log, 'initialized', undefined, () => {
    if (!registerConfigurationChange) return;
    connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION })
      .catch(e => log.error('register', `Registering for configuration changes failed: ${describeError(e)}`));
  }));

  connection.onDidChangeConfiguration(guarded(log, 'didChangeConfiguration', undefined, params => {
    settings.changed(params?.settings);
    validator?.revalidateAll();
  }));

  connection.onCodeAction(async params => {
    try {
      return (await actions?.provide(params)) ?? [];
    } catch (e) {
      log.error('handler:codeAction', `codeAction failed: ${describeError(e)}`);
      return [];
    }
  });

  connection.onCodeActionResolve(async (action: CodeAction) => {
    try {
      return (await actions?.resolve(action)) ?? action;
    } catch (e) {
      log.error('handler:codeActionResolve', `codeAction/resolve failed: ${describeError(e)}`);
      return action;
    }
  });

  connection.onShutdown(guarded(log, 'shutdown', undefined, () => validator?.dispose()));

  documents.onDidChangeContent(guarded(log, 'didChangeContent', undefined, e => validator?.contentChanged(e.document)));

  documents.onDidClose(guarded(log, 'didClose', undefined, e => {
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    validator?.closed(e.document.uri);
  }));

  documents.listen(connection);
  connection.listen();
}
