// Wires the LSP connection to the engine. Transport-agnostic: main.ts picks stdio or IPC.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ClientCapabilities, CodeAction, Connection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, InitializeParams,
  FileEvent, InitializeResult, MessageType, PublishDiagnosticsParams, ResourceOperationKind, ShowMessageNotification, TextDocumentContentChangeEvent,
  TextDocuments, TextDocumentSyncKind, WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CODE_ACTION_KINDS, CodeActionClient, CodeActionProvider } from './codeActions';
import { DEFAULT_DOCS_ROOT, docsLinker } from './diagnostics';
import { ParseCache } from './documents';
import { FolderWatcher } from './folderWatcher';
import { chooseEncoding, editToClient, LineOf, linesOf, PositionCodec } from './positionEncoding';
import { HoverDeps, provideHover } from './hover';
import { existsOnDisk } from './newFiles';
import { describeError, RateLimitedLog } from './log';
import { SCAN_WORKSPACE_COMMAND, WorkspaceScanner } from './scan';
import { defaultNamespaceOf, SECTION, SettingsStore } from './settings';
import { isConfigUri, RepoConfigs } from './repoConfig';
import { canonicalUri, diskUri, fsPathOf } from './uris';
import { Validator } from './validation';
import { KustomizeComposer } from './composed/kustomize';
import { kustomizeActions } from './composed/kustomize-actions';
import { resolveConfig } from '../engine';
import { WorkspaceModel } from './workspace';
import { chartPlace, HelmCharts } from './composed/helm';

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
  let codec = new PositionCodec();
  // Incremental changes arrive in the client's position encoding; each applies to the text the
  // previous one left, so they are converted one at a time.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
      if (codec.identity) return TextDocument.update(doc, changes, version);
      let current = doc;
      for (const change of changes) {
        const converted = 'range' in change ? { ...change, range: codec.rangeFromClient(change.range, linesOf(current.getText())) } : change;
        current = TextDocument.update(current, [converted], version);
      }
      return current;
    },
  });
  /** The lines of an open document, or of a file on disk (diagnostics of the workspace scan). */
  const lineOfUri = (uri: string): LineOf | undefined => {
    const open = documents.get(uri);
    if (open) return linesOf(open.getText());
    try {
      return linesOf(fs.readFileSync(URI.parse(uri).fsPath, 'utf8'));
    } catch {
      return undefined;
    }
  };
  let watcher: FolderWatcher | undefined;
  const openUris = new Set<string>();
  let settings = new SettingsStore(undefined, log);
  let validator: Validator | undefined;
  let actions: CodeActionProvider | undefined;
  let hover: HoverDeps | undefined;
  let scanner: WorkspaceScanner | undefined;
  let charts: HelmCharts | undefined;
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
    factsChanged: uris => { validator?.factsChanged(uris); scanner?.factsChanged(uris); },
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
    namespaceChanged: () => { validator?.revalidateAll(); scanner?.settingsChanged(); },
    createProgress: () => connection.window.createWorkDoneProgress(),
    log,
  });
  const cache = new ParseCache(undefined, model);
  // Related locations into a file whose objects only moved follow them (no fact changed, nothing is linted).
  model.index.onRelocated = (uri, moves) => validator?.relocated(uri, moves);
  // Files a kustomization reaches are judged as rendered, open documents read before the disk.
  const kustomize = new KustomizeComposer({ openText: file => openDocument(diskUri(file))?.getText(), index: () => model.index, parsed: doc => cache.get(doc) });
  const openDocument = (uri: string) => documents.get(uri) ?? documents.all().find(d => canonicalUri(d.uri) === uri);
  const repoChanged = () => {
    repo.invalidate();
    settings.repoChanged();
    validator?.repoConfigChanged();
    scanner?.settingsChanged();
    model.configurationChanged().catch(e => log.error('indexing', `Re-indexing after a repository file change failed: ${describeError(e)}`));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    try {
      const caps = params.capabilities;
      registerConfigurationChange = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      registerWatchedFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      folderEvents = caps.workspace?.workspaceFolders === true;
      pullConfiguration = caps.workspace?.configuration === true;
      codec = new PositionCodec(chooseEncoding(caps.general?.positionEncodings));
      model.setFolders(initialFolders(params));
      const options = (params.initializationOptions ?? {}) as { docsRoot?: unknown; debounceMs?: unknown };
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
        const lineOf = codec.identity ? undefined : lineOfUri(params.uri);
        const out = lineOf ? {
          ...params,
          diagnostics: params.diagnostics.map(d => ({
            ...d,
            range: codec.rangeToClient(d.range, lineOf),
            ...(d.relatedInformation ? { relatedInformation: d.relatedInformation.map(r => {
              const other = r.location.uri === params.uri ? lineOf : lineOfUri(r.location.uri);
              return other ? { ...r, location: { ...r.location, range: codec.rangeToClient(r.location.range, other) } } : r;
            }) } : {}),
          })),
        } : params;
        connection.sendDiagnostics(out).catch(e => log.error('publish', `publishDiagnostics failed: ${describeError(e)}`));
      };
      const debounceMs = typeof options.debounceMs === 'number' && options.debounceMs >= 0 && options.debounceMs <= 10_000 ? options.debounceMs : undefined;
      charts = new HelmCharts({ document: uri => documents.get(uri), all: () => documents.all(), settings, publish, docsHref, log, debounceMs: debounceMs ?? 200, namedValues: dir => repo.helmValuesFor(dir),
        inflated: (dir, config) => kustomize.judge(path.join(dir, 'Chart.yaml'), config) !== undefined, ready: () => model.whenReady() });
      const debounce = debounceMs === undefined ? {} : { debounceMs };
      validator = new Validator({
        composed: charts,
        document: uri => documents.get(uri),
        all: () => documents.all(),
        cache,
        settings,
        publish,
        docsHref,
        log,
        composers: [kustomize],
        ready: () => model.whenReady(),
        // The longest wait after a keystroke; 0 lints at every change (benchmarks, tests).
        ...debounce,
      });
      scanner = new WorkspaceScanner({
        manifestFiles: job => model.manifestFiles(job),
        isOpen: uri => openUris.has(uri),
        indexFor: uri => model.indexFor(uri),
        composedLint: (file, text, resolved) => kustomize.lintClosed(file, text, resolved),
        reachedWith: path => kustomize.reachedWith(path),
        chartOf: uri => chartPlace(uri)?.dir,
        chartDiagnostics: uri => charts?.diagnosticsOf(uri) ?? Promise.resolve(undefined),
        ...debounce,
        ready: () => model.whenReady(),
        settings,
        publish,
        docsHref,
        createProgress: () => connection.window.createWorkDoneProgress(),
        log,
      });
      hover = { document: uri => documents.get(uri), cache, settings, docsHref, composers: [kustomize] };
      actions = new CodeActionProvider({
        document: uri => documents.get(uri), cache, settings, client: codeActionClient(caps), log, composed: charts,
        fileTaken: uri => existsOnDisk(uri) || !!documents.get(uri) || model.index.summariesOf(canonicalUri(uri)).length > 0,
        composedActions: (doc, config, diagnostics) => kustomizeActions({
          composer: kustomize, client: codeActionClient(caps), document: openDocument,
          taken: file => !!openDocument(diskUri(file)) || model.index.summariesOf(diskUri(file)).length > 0,
        }, doc, resolveConfig(config), diagnostics),
      });
    } catch (e) {
      log.error('handler:initialize', `initialize failed: ${describeError(e)}`);
    }
    return {
      capabilities: {
        positionEncoding: codec.encoding,
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
    } else {
      // The client cannot watch files: the server does, so changes made outside the editor count.
      watcher = new FolderWatcher({ changed: watchedFilesChanged, log: message => log.warn('watcher', message) });
      watcher.setFolders(model.folderPaths());
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(guarded(log, 'didChangeWorkspaceFolders', undefined, e => {
        model.foldersChanged(e.added, e.removed)
          .then(() => watcher?.setFolders(model.folderPaths()))
          .catch(err => log.error('folders', `Re-indexing after a folder change failed: ${describeError(err)}`));
      }));
    }
    model.reindex().catch(e => log.error('indexing', `Indexing the workspace failed: ${describeError(e)}`));
  }));

  connection.onDidChangeConfiguration(guarded(log, 'didChangeConfiguration', undefined, params => {
    const pushedSettings: unknown = params?.settings;
    if (pushedSettings && typeof pushedSettings === 'object') pushed = pushedSettings as Record<string, unknown>;
    settings.changed(params?.settings);
    validator?.revalidateAll();
    scanner?.settingsChanged();
    model.configurationChanged().catch(e => log.error('indexing', `Re-indexing after a settings change failed: ${describeError(e)}`));
  }));

  const watchedFilesChanged = (changes: FileEvent[]) => {
    // A render read a changed file: the files judged through it are linted again (unchanged results are not re-published).
    if (kustomize.diskChanged(changes.flatMap(c => fsPathOf(c.uri) ?? []))) {
      const uris = new Set(changes.map(c => canonicalUri(c.uri)));
      validator?.factsChanged(uris);
      scanner?.factsChanged(uris);
    }
    if (changes.some(c => isConfigUri(c.uri))) repoChanged();
    charts?.filesChanged(changes.map(c => c.uri));
    model.filesChanged(changes).catch(e => log.error('watchedFiles', `Updating the workspace model failed: ${describeError(e)}`));
    for (const c of changes) {
      scanner?.fileChanged(canonicalUri(c.uri)).catch(e => log.error('scan', `Re-linting ${c.uri} failed: ${describeError(e)}`));
    }
  };
  connection.onDidChangeWatchedFiles(guarded(log, 'didChangeWatchedFiles', undefined, params => watchedFilesChanged(params.changes)));

  /** A code action's edit in the client's position encoding. */
  const actionToClient = (a: CodeAction): CodeAction => (a.edit ? { ...a, edit: editToClient(codec, a.edit, lineOfUri) } : a);

  connection.onCodeAction(async (params, token) => {
    try {
      if (!codec.identity) {
        const lineOf = lineOfUri(params.textDocument.uri);
        if (lineOf) {
          params = {
            ...params,
            range: codec.rangeFromClient(params.range, lineOf),
            context: { ...params.context, diagnostics: params.context.diagnostics.map(d => ({ ...d, range: codec.rangeFromClient(d.range, lineOf) })) },
          };
        }
      }
      return ((await actions?.provide(params, () => token.isCancellationRequested)) ?? []).map(actionToClient);
    } catch (e) {
      log.error('handler:codeAction', `codeAction failed: ${describeError(e)}`);
      return [];
    }
  });

  connection.onExecuteCommand(async params => {
    if (params.command !== SCAN_WORKSPACE_COMMAND || !scanner) return null;
    try {
      const result = await scanner.scan();
      // A notification, not window/showMessageRequest: there is nothing to choose, and a request
      // blocks some editors (Neovim) in a prompt until it is answered.
      if (!result.cancelled) {
        connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: `Kube Harden scanned ${result.files} manifest ${result.files === 1 ? 'file' : 'files'} of the workspace and published their findings as diagnostics.`,
        }).catch(e => log.error('showMessage', `window/showMessage failed: ${describeError(e)}`));
      }
      return result;
    } catch (e) {
      log.error('handler:executeCommand', `${params.command} failed: ${describeError(e)}`);
      return null;
    }
  });

  connection.onHover(async (params, token) => {
    try {
      // After the workspace is indexed: a binding in a file never opened counts.
      await model.whenReady();
      if (!hover) return null;
      const lineOf = codec.identity ? undefined : lineOfUri(params.textDocument.uri);
      const result = await provideHover(hover, lineOf ? { ...params, position: codec.fromClient(params.position, lineOf) } : params, () => token.isCancellationRequested);
      return result && lineOf && result.range ? { ...result, range: codec.rangeToClient(result.range, lineOf) } : result;
    } catch (e) {
      log.error('handler:hover', `hover failed: ${describeError(e)}`);
      return null;
    }
  });

  connection.onCodeActionResolve(async (action: CodeAction, token) => {
    try {
      const lineOf = codec.identity || !action.diagnostics?.length ? undefined : lineOfUri((action.data as { uri?: string } | undefined)?.uri ?? '');
      const incoming = lineOf ? { ...action, diagnostics: action.diagnostics!.map(d => ({ ...d, range: codec.rangeFromClient(d.range, lineOf) })) } : action;
      const resolved = (await actions?.resolve(incoming, () => token.isCancellationRequested)) ?? incoming;
      // The diagnostics go back as the client sent them.
      return actionToClient({ ...resolved, ...(action.diagnostics ? { diagnostics: action.diagnostics } : {}) });
    } catch (e) {
      log.error('handler:codeActionResolve', `codeAction/resolve failed: ${describeError(e)}`);
      return action;
    }
  });

  connection.onShutdown(guarded(log, 'shutdown', undefined, () => {
    watcher?.dispose();
    model.dispose();
    validator?.dispose();
    charts?.dispose();
    scanner?.dispose();
  }));

  documents.onDidOpen(guarded(log, 'didOpen', undefined, e => { openUris.add(canonicalUri(e.document.uri)); }));

  documents.onDidChangeContent(guarded(log, 'didChangeContent', undefined, e => {
    validator?.contentChanged(e.document);
    scanner?.documentEdited(canonicalUri(e.document.uri));
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
