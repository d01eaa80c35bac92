// `kubeHarden.scanWorkspace`: lints every manifest of the workspace folders, closed files
// included, and publishes their diagnostics, so the Problems panel lists the whole repository.
// Open documents are the validator's: their editor text, not the disk, is what counts. A scanned
// file that changes on disk while closed is linted again; one that goes away is cleared.
import type { PublishDiagnosticsParams, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { LintConfig, lintParsed, LintResult, ResolvedConfig, resolveConfig } from '../engine';
import { WorkspaceIndex } from '../engine';
import { toDiagnostics } from './diagnostics';
import { parseDiskText, readManifestText } from './diskFiles';
import { IndexingJob } from './indexing';
import { yieldToEventLoop } from './slices';
import { describeError, RateLimitedLog } from './log';
import { SettingsStore } from './settings';
import { diskUri } from './uris';

export const SCAN_WORKSPACE_COMMAND = 'kubeHarden.scanWorkspace';

export interface ScanResult {
  /** Manifest files of the folders (open ones included). */
  files: number;
  /** Closed files linted and published by this scan. */
  linted: number;
  /** Findings in the closed files linted. */
  findings: number;
  cancelled: boolean;
}

export interface ScanDeps {
  manifestFiles(job: IndexingJob): Promise<string[]>;
  /** Open in the editor (canonical URI): the validator publishes for it. */
  isOpen(uri: string): boolean;
  indexFor(uri: string): WorkspaceIndex | undefined;
  /** Resolves once the workspace model is worth linting against. */
  ready(): Promise<void>;
  settings: SettingsStore;
  publish(params: PublishDiagnosticsParams): void;
  docsHref(ruleId: string): string;
  createProgress?: () => Promise<WorkDoneProgressServerReporter>;
  log: RateLimitedLog;
  resolve?: (config: LintConfig) => ResolvedConfig;
  /** The findings of a closed file judged through what renders it (Kustomize); undefined when nothing does. */
  composedLint?(file: string, text: string, resolved: ResolvedConfig): LintResult | undefined;
}

export class WorkspaceScanner {
  /** Closed files this server published diagnostics for (canonical URI -> path). */
  private readonly published = new Map<string, string>();
  private job: IndexingJob | undefined;

  constructor(private readonly deps: ScanDeps) {}

  async scan(): Promise<ScanResult> {
    this.job?.cancel();
    const job = new IndexingJob();
    this.job = job;
    const result: ScanResult = { files: 0, linted: 0, findings: 0, cancelled: false };
    const progress = await this.startProgress(job);
    try {
      await this.deps.ready();
      const files = await this.deps.manifestFiles(job);
      result.files = files.length;
      for (const [i, file] of files.entries()) {
        if (job.cancelled) break;
        const n = await this.lintFile(file);
        if (n !== undefined) { result.linted++; result.findings += n; }
        progress?.report(Math.floor(((i + 1) * 100) / files.length), `${i + 1}/${files.length} files`);
        // One file per slice of the event loop: edits and hovers are answered meanwhile.
        await yieldToEventLoop();
      }
    } finally {
      progress?.done();
      if (this.job === job) this.job = undefined;
    }
    result.cancelled = job.cancelled;
    return result;
  }

  /**
   * A file event: a scanned closed file is linted again, or cleared when gone (a deleted folder
   * is one event for everything under it).
   */
  async fileChanged(uri: string): Promise<void> {
    for (const [known, file] of [...this.published]) {
      if ((known === uri || known.startsWith(`${uri}/`)) && !this.deps.isOpen(known)) await this.lintFile(file);
    }
  }

  /** An open document closed: the validator cleared its diagnostics, the scan's are gone too. */
  documentClosed(uri: string): void {
    this.published.delete(uri);
  }

  dispose(): void {
    this.job?.cancel();
  }

  /** Lints one closed file and publishes; the number of findings, or undefined when skipped. */
  private async lintFile(file: string): Promise<number | undefined> {
    const uri = diskUri(file);
    if (this.deps.isOpen(uri)) return undefined;
    try {
      const [settings, text] = await Promise.all([this.deps.settings.get(uri), readManifestText(file)]);
      // Not kept for closed files: a scan of a large repository would fill the cache for nothing.
      this.deps.settings.forget(uri);
      if (this.deps.isOpen(uri)) return undefined;
      if (text === undefined || !settings.enable) {
        this.clear(uri);
        return undefined;
      }
      const resolved = (this.deps.resolve ?? resolveConfig)(settings.config);
      const result = this.deps.composedLint?.(file, text, resolved) ?? lintParsed(parseDiskText(file, text), resolved, { uri, workspace: this.deps.indexFor(uri) });
      for (const f of result.failures) this.deps.log.error(`rule:${f.ruleId}`, `Rule ${f.ruleId} failed on ${uri}: ${f.error}`);
      this.deps.publish({ uri, diagnostics: toDiagnostics(result.findings, this.deps.docsHref) });
      this.published.set(uri, file);
      return result.findings.length;
    } catch (e) {
      this.deps.log.error('scan', `Scanning ${file} failed: ${describeError(e)}`);
      return undefined;
    }
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) this.deps.publish({ uri, diagnostics: [] });
  }

  private async startProgress(job: IndexingJob): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!this.deps.createProgress) return undefined;
    let progress: WorkDoneProgressServerReporter;
    try {
      progress = await this.deps.createProgress();
    } catch {
      return undefined; // the client refused window/workDoneProgress/create: scan without it
    }
    progress.token.onCancellationRequested(() => job.cancel());
    progress.begin('Kube Harden: scanning the workspace', 0, undefined, true);
    return progress;
  }
}
