// Drives the language server over stdio exactly as Neovim or Helix would: a child process
// speaking JSON-RPC, initialized with client capabilities and workspace folders, answering
// workspace/configuration, client/registerCapability and window/workDoneProgress/create.
// Every wait has a deadline and fails with what was received, never a fixed sleep.
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  ClientCapabilities, ConfigurationParams, ConfigurationRequest, DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, FileEvent, InitializedNotification,
  InitializeRequest, InitializeResult, LogMessageNotification, LogMessageParams, ProgressToken, PublishDiagnosticsNotification,
  PublishDiagnosticsParams, Registration, RegistrationRequest, ShowMessageNotification, ShowMessageParams, ShowMessageRequest,
  ShowMessageRequestParams, ShutdownRequest, TextDocumentContentChangeEvent,
  WorkDoneProgressBegin, WorkDoneProgressCancelNotification, WorkDoneProgressCreateRequest, WorkDoneProgressEnd,
  WorkDoneProgressReport, WorkspaceFolder,
} from 'vscode-languageserver-protocol';

export const SERVER_BIN = path.resolve(__dirname, '../../../server/bin/kube-harden-ls.js');
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface LspClientOptions {
  /** Advertise workspace/configuration (default true). */
  configuration?: boolean;
  /** What the client answers for workspace/configuration, keyed by section. */
  settings?: Record<string, unknown>;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** Sent as `workspaceFolders` (default none). */
  workspaceFolders?: WorkspaceFolder[];
  /** Sent as `rootUri` (default null). */
  rootUri?: string;
  /** Advertise window.workDoneProgress (default false). */
  progress?: boolean;
  /** The script started with `--stdio` (default SERVER_BIN; e.g. the bundle dist/server.js). */
  serverModule?: string;
}

export interface ProgressEvent {
  token: ProgressToken;
  value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;
}

export interface DiagnosticsQuery {
  /** Only publishes received at or after this mark (see `mark()`). */
  since?: number;
  version?: number;
  where?: (p: PublishDiagnosticsParams) => boolean;
  timeoutMs?: number;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  /** window/showMessage notifications, and window/showMessageRequest requests (answered with no choice). */
  readonly messages: ShowMessageParams[] = [];
  readonly messageRequests: ShowMessageRequestParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: Registration[] = [];
  /** Tokens the server asked to create with window/workDoneProgress/create. */
  readonly progressTokens: ProgressToken[] = [];
  readonly progress: ProgressEvent[] = [];
  settings: Record<string, unknown>;
  initializeResult: InitializeResult | undefined;
  private stderr = '';
  private exitCode: number | null | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcessWithoutNullStreams, readonly connection: MessageConnection, private readonly options: LspClientOptions) {
    this.settings = options.settings ?? {};
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => { this.stderr = (this.stderr + chunk).slice(-20_000); });
    this.exited = new Promise(resolve => proc.on('exit', code => { this.exitCode = code; this.notify(); resolve(code); }));
    connection.onNotification(PublishDiagnosticsNotification.type, p => { this.published.push(p); this.notify(); });
    connection.onNotification(LogMessageNotification.type, p => { this.logs.push(p); this.notify(); });
    connection.onNotification(ShowMessageNotification.type, p => { this.messages.push(p); this.notify(); });
    connection.onRequest(ShowMessageRequest.type, p => { this.messageRequests.push(p); this.notify(); return null; });
    connection.onRequest(ConfigurationRequest.type, params => {
      this.configurationRequests.push(params);
      this.notify();
      return params.items.map(item => (item.section ? this.settings[item.section] ?? null : this.settings));
    });
    connection.onRequest(RegistrationRequest.type, params => { this.registrations.push(...params.registrations); this.notify(); });
    connection.onRequest(WorkDoneProgressCreateRequest.type, params => { this.progressTokens.push(params.token); this.notify(); });
    // Progress for tokens nobody registered a handler for (all of the server's own) lands here.
    connection.onUnhandledProgress(p => { this.progress.push(p as ProgressEvent); this.notify(); });
    connection.listen();
  }

  /** Spawns `kube-harden-ls --stdio` and completes initialize / initialized. */
  static async start(options: LspClientOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [options.serverModule ?? SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, connection, options);
    await client.initialize();
    return client;
  }

  private async initialize(): Promise<void> {
    const capabilities: ClientCapabilities = this.options.capabilities ?? {
      workspace: {
        configuration: this.options.configuration !== false, didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true,
      },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
      },
      window: { workDoneProgress: this.options.progress === true },
    };
    this.initializeResult = await this.withDeadline(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: this.options.rootUri ?? null, capabilities, initializationOptions: this.options.initializationOptions,
        workspaceFolders: this.options.workspaceFolders ?? null,
      }),
      'initialize response',
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** A position in the stream of received notifications, to wait for what comes after it. */
  mark(): number { return this.published.length; }

  open(uri: string, text: string, options: { languageId?: string; version?: number } = {}): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: options.languageId ?? 'yaml', version: options.version ?? 1, text },
    });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown): Promise<void> {
    return this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  changeWorkspaceFolders(added: WorkspaceFolder[], removed: WorkspaceFolder[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added, removed } });
  }

  /** The user pressed "cancel" on a progress notification. */
  cancelProgress(token: ProgressToken): Promise<void> {
    return this.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.withDeadline(this.connection.sendRequest<R>(method, params), `response to ${method}`);
  }

  /** The first diagnostics published for `uri` that match the query, waiting if none yet. */
  waitForDiagnostics(uri: string, query: DiagnosticsQuery = {}): Promise<PublishDiagnosticsParams> {
    const what = `publishDiagnostics for ${uri}${query.version !== undefined ? ` version ${query.version}` : ''}`;
    return this.waitFor(() => this.published.slice(query.since ?? 0).find(p =>
      p.uri === uri && (query.version === undefined || p.version === query.version) && (!query.where || query.where(p))), what, query.timeoutMs);
  }

  /** Resolves with the first truthy value of `probe`, re-checked on every message from the server. */
  waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        let value: T | undefined | false;
        try { value = probe(); } catch (e) { finish(); reject(e); return; }
        if (value) { finish(); resolve(value); return; }
        if (this.exitCode !== undefined) { finish(); reject(new Error(`server exited (${this.exitCode}) while waiting for ${what}\n${this.stderr}`)); }
      };
      const timer = setTimeout(() => {
        finish();
        const seen = this.published.map(p => `${p.uri}@${p.version}: ${p.diagnostics.length}`).join('\n  ');
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; published so far:\n  ${seen}\nstderr: ${this.stderr}`));
      }, timeoutMs);
      const finish = () => { clearTimeout(timer); this.listeners.delete(check); };
      this.listeners.add(check);
      check();
    });
  }

  /** shutdown + exit, as a well-behaved editor does; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    try {
      await this.request(ShutdownRequest.method);
      await this.connection.sendNotification(ExitNotification.type);
      return await this.withDeadline(this.exited, 'server exit');
    } finally {
      this.connection.dispose();
      if (this.exitCode === undefined) this.proc.kill();
    }
  }

  get serverStderr(): string { return this.stderr; }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  private withDeadline<T>(p: Promise<T>, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nstderr: ${this.stderr}`)), timeoutMs);
    });
    return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
  }
}
