// Wires the LSP connection to the engine. Transport-agnostic: main.ts picks stdio or IPC.
import {
  ClientCapabilities, CodeAction, Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, InitializeParams,
  InitializeResult, PublishDiagnosticsParams, ResourceOperationKind, TextDocuments, TextDocumentSyncKind, WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CODE_ACTION_KINDS, CodeActionClient, CodeActionProvider } from './codeActions';
import { DEFAULT_DOCS_ROOT, docsLinker } from './diagnostics';
import { ParseCache } from './documents';
import { HoverDeps, provideHover } from './hover';
import { existsOnDisk } from './newFiles';
import { describeError, RateLimitedLog } from './log';
import { SCAN_WORKSPACE_COMMAND, WorkspaceScanner } from './scan';
import { defaultNamespaceOf, SECTION, SettingsStore } from './settings';
import { isConfigUri, RepoConfigs } from './repoConfig';
import { canonicalUri, diskUri } from './uris';
import { Validator } from './validation';
import { WorkspaceModel } from './workspace';

/** Every manifest the model reads, as a file watcher pattern. */
export const WATCHED_FILES = '**/*.{yaml,yml,json}';
/** The repository file (named apart: some clients' globs skip dot files under `*`). */
export const WATCHED_CONFIG_FILES = '**/.kube-harden.{yaml,yml}';

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
    // CreateFile travels in documentChanges only.
    createFiles: caps.workspace?.workspaceEdit?.documentChanges === true
      && (caps.workspace.workspaceEdit.resourceOperations ?? []).includes(ResourceOperationKind.Create),
  };
}

/** The folders to index: workspaceFolders, else the (deprecated) rootUri / rootPath. */
export function initialFolders(params: InitializeParams): Pick<WorkspaceFolder, 'uri'>[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  if (params.rootUri) return [{ uri: params.rootUri }];
  if (params.rootPath) return [{ uri: URI.file(params.rootPath).toString() }];
  return [];
}

function excludeOf(section: unknown): unknown {
  return section && typeof section === 'object' ? (section as { exclude?: unknown }).exclude : undefined;
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
  const openUris = new Set<string>();
  let settings = new SettingsStore(undefined, log);
  let validator: Validator | undefined;
  let actions: CodeActionProvider | undefined;
  let hover: HoverDeps | undefined;
  let scanner: WorkspaceScanner | undefined;
  let registerConfigurationChange = false;
  let registerWatchedFiles = false;
  let folderEvents = false;
  let pullConfiguration = false;
  let pushed: Record<string, unknown> = {};
  const repo: RepoConfigs = new RepoConfigs({
    folders: (): string[] => model.folderPaths(),
    openText: file => {
      const uri = diskUri(file);
      return documents.all().find(d => canonicalUri(d.uri) === uri)?.getText();
    },
  });
  const model: WorkspaceModel = new WorkspaceModel({
    isOpen: uri => openUris.has(uri),
    factsChanged: uris => validator?.factsChanged(uris),
    exclusionSettings: async scopeUri => {
      const [files, own] = pullConfiguration
        ? await connection.workspace.getConfiguration([{ scopeUri, section: 'files' }, { scopeUri, section: SECTION }]) as unknown[]
        : [pushed.files, pushed[SECTION]];
      // The repository file at the folder's root adds its `exclude` (relative to that folder).
      const ownExclude = excludeOf(own);
      const fromRepo: string[] = repo.excludeAtRoot(scopeUri);
      const exclude: unknown = fromRepo.length ? [...(Array.isArray(ownExclude) ? ownExclude : []), ...fromRepo] : ownExclude;
      return { filesExclude: excludeOf(files), exclude };
    },
    defaultNamespace: async firstFolderUri => {
      // Window-scoped: without a folder there is no scope to give, and VS Code answers alike.
      const own: unknown = pullConfiguration
        ? await connection.workspace.getConfiguration(firstFolderUri ? { scopeUri: firstFolderUri, section: SECTION } : { section: SECTION })
        : pushed[SECTION];
      const fromRepo = firstFolderUri ? repo.inputAtRoot(firstFolderUri) : undefined;
      return defaultNamespaceOf(own ?? pushed[SECTION], problem => log.warn(`settings:${problem}`, `Ignoring invalid setting: ${problem}`), fromRepo);
    },
    namespaceChanged: () => validator?.revalidateAll(),
    createProgress: () => connection.window.createWorkDoneProgress(),
    log,
  });
  const cache = new ParseCache(undefined, model);
  const repoChanged = () => {
    repo.invalidate();
    settings.repoChanged();
    validator?.repoConfigChanged();
    model.configurationChanged().catch(e => log.error('indexing', `Re-indexing after a repository file change failed: ${describeError(e)}`));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      const caps = params.capabilities;
      registerConfigurationChange = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      registerWatchedFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      folderEvents = caps.workspace?.workspaceFolders === true;
      pullConfiguration = caps.workspace?.configuration === true;
      model.setFolders(initialFolders(params));
      const options = (params.initializationOptions ?? {}) as { docsRoot?: unknown };
      const docsRoot = typeof options.docsRoot === 'string' && options.docsRoot ? options.docsRoot : DEFAULT_DOCS_ROOT;
      settings = new SettingsStore(
        caps.workspace?.configuration === true
          ? scopeUri => connection.workspace.getConfiguration({ scopeUri, section: SECTION })
          : undefined,
        log,
        uri => repo.inputFor(uri),
      );
      const docsHref = docsLinker(docsRoot);
      const publish = (params: PublishDiagnosticsParams) => {
        connection.sendDiagnostics(params).catch(e => log.error('publish', `publishDiagnostics failed: ${describeError(e)}`));
      };
      validator = new Validator({
        document: uri => documents.get(uri),
        all: () => documents.all(),
        cache,
        settings,
        publish,
        docsHref,
        log,
        ready: () => model.whenReady(),
      });
      scanner = new WorkspaceScanner({
        manifestFiles: job => model.manifestFiles(job),
        isOpen: uri => openUris.has(uri),
        indexFor: uri => model.indexFor(uri),
        ready: () => model.whenReady(),
        settings,
        publish,
        docsHref,
        createProgress: () => connection.window.createWorkDoneProgress(),
        log,
      });
      hover = { document: uri => documents.get(uri), cache, settings, docsHref };
      actions = new CodeActionProvider({
        document: uri => documents.get(uri), cache, settings, client: codeActionClient(caps), log,
        fileTaken: uri => existsOnDisk(uri) || !!documents.get(uri) || model.index.summariesOf(canonicalUri(uri)).length > 0,
      });
    } catch (e) {
      log.error('handler:initialize', `initialize failed: ${describeError(e)}`);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
        hoverProvider: true,
        executeCommandProvider: { commands: [SCAN_WORKSPACE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kube-harden', version: serverVersion() },
    };
  });

  connection.onInitialized(guarded(log, 'initialized', undefined, () => {
    if (registerConfigurationChange) {
      // `files` too: files.exclude decides what the workspace model holds.
      connection.client.register(DidChangeConfigurationNotification.type, { section: [SECTION, 'files'] })
        .catch(e => log.error('register', `Registering for configuration changes failed: ${describeError(e)}`));
    }
    if (registerWatchedFiles) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES }, { globPattern: WATCHED_CONFIG_FILES }] })
        .catch(e => log.error('register', `Registering file watchers failed: ${describeError(e)}`));
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(guarded(log, 'didChangeWorkspaceFolders', undefined, e => {
        model.foldersChanged(e.added, e.removed).catch(err => log.error('folders', `Re-indexing after a folder change failed: ${describeError(err)}`));
      }));
    }
    model.reindex().catch(e => log.error('indexing', `Indexing the workspace failed: ${describeError(e)}`));
  }));

  connection.onDidChangeConfiguration(guarded(log, 'didChangeConfiguration', undefined, params => {
    const pushedSettings: unknown = params?.settings;
    if (pushedSettings && typeof pushedSettings === 'object') pushed = pushedSettings as Record<string, unknown>;
    settings.changed(params?.settings);
    validator?.revalidateAll();
    model.configurationChanged().catch(e => log.error('indexing', `Re-indexing after a settings change failed: ${describeError(e)}`));
  }));

  connection.onDidChangeWatchedFiles(guarded(log, 'didChangeWatchedFiles', undefined, params => {
    if (params.changes.some(c => isConfigUri(c.uri))) repoChanged();
    model.filesChanged(params.changes).catch(e => log.error('watchedFiles', `Updating the workspace model failed: ${describeError(e)}`));
    for (const c of params.changes) {
      scanner?.fileChanged(canonicalUri(c.uri)).catch(e => log.error('scan', `Re-linting ${c.uri} failed: ${describeError(e)}`));
    }
  }));

  connection.onCodeAction(async params => {
    try {
      return (await actions?.provide(params)) ?? [];
    } catch (e) {
      log.error('handler:codeAction', `codeAction failed: ${describeError(e)}`);
      return [];
    }
  });

  connection.onExecuteCommand(async params => {
    if (params.command !== SCAN_WORKSPACE_COMMAND || !scanner) return null;
    try {
      const result = await scanner.scan();
      if (!result.cancelled) {
        connection.window.showInformationMessage(`Kube Harden scanned ${result.files} manifest file(s) of the workspace: the Problems panel lists their findings.`);
      }
      return result;
    } catch (e) {
      log.error('handler:executeCommand', `${params.command} failed: ${describeError(e)}`);
      return null;
    }
  });

  connection.onHover(async params => {
    try {
      // After the workspace is indexed: a binding in a file never opened counts.
      await model.whenReady();
      return hover ? await provideHover(hover, params) : null;
    } catch (e) {
      log.error('handler:hover', `hover failed: ${describeError(e)}`);
      return null;
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

  connection.onShutdown(guarded(log, 'shutdown', undefined, () => {
    model.dispose();
    validator?.dispose();
    scanner?.dispose();
  }));

  documents.onDidOpen(guarded(log, 'didOpen', undefined, e => { openUris.add(canonicalUri(e.document.uri)); }));

  documents.onDidChangeContent(guarded(log, 'didChangeContent', undefined, e => {
    validator?.contentChanged(e.document);
    if (isConfigUri(e.document.uri)) repoChanged();
  }));

  documents.onDidClose(guarded(log, 'didClose', undefined, e => {
    // What applies now is the file on disk, which may differ from the closed editor's text.
    if (isConfigUri(e.document.uri)) setImmediate(repoChanged);
    cache.delete(e.document.uri);
    settings.forget(e.document.uri);
    validator?.closed(e.document.uri);
    scanner?.documentClosed(canonicalUri(e.document.uri));
    openUris.delete(canonicalUri(e.document.uri));
    model.documentClosed(e.document.uri).catch(err => log.error('didClose', `Reading ${e.document.uri} back from disk failed: ${describeError(err)}`));
  }));

  documents.listen(connection);
  connection.listen();
}
