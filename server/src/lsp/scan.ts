// `kubeHarden.scanWorkspace`: lints every manifest of the workspace folders, closed files
// included, and publishes their diagnostics, so the Problems panel lists the whole repository.
// Open documents are the validator's: their editor text, not the disk, is what counts. A scanned
// file that changes on disk while closed is linted again; one that goes away is cleared. One
// whose findings read what changed elsewhere (a NetworkPolicy typed in an open editor, a patch
// of the overlay that renders it) is linted again too: the Problems panel never keeps a finding
// the workspace no longer supports.
import type { Diagnostic, PublishDiagnosticsParams, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { LintConfig, lintParsed, LintResult, ModelReads, modelReadsOf, modelReadsSee, ResolvedConfig, resolveConfig } from '../engine';
import { WorkspaceIndex } from '../engine';
import { toDiagnostics } from './diagnostics';
import { parseDiskText, readManifestText } from './diskFiles';
import { IndexingJob } from './indexing';
import { yieldToEventLoop } from './slices';
import { describeError, RateLimitedLog } from './log';
import { SettingsStore } from './settings';
import { diskUri, fsPathOf } from './uris';

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
  /** Every file rendered by the roots that reach `path` (Kustomize), `path` included. */
  reachedWith?(path: string): ReadonlySet<string>;
  /** The folder of the Helm chart whose rendering judges this file (a template, values, Chart.yaml), if any. */
  chartOf?(uri: string): string | undefined;
  /** The diagnostics the chart's render gives the file (undefined when it is not judged). */
  chartDiagnostics?(uri: string): Promise<Diagnostic[] | undefined>;
  /** How long changes elsewhere settle before dependants are linted again (ms; default 500). */
  debounceMs?: number;
}

/** What the scan keeps of a closed file it published: whether a change elsewhere may change its findings. */
interface Published {
  file: string;
  /** The model it was linted against, and the model's generation then. */
  index: WorkspaceIndex | undefined;
  generation: number;
  resolved: ResolvedConfig;
  /**
   * What its rules read of the model; `render` when it was judged through a Kustomize render, or
   * the chart folder whose render judged it: both read other files' text.
   */
  reads: ModelReads | undefined | 'render' | { chart: string };
  /** The files its diagnostics' related locations point into: an edit there moves them. */
  relatedTo: ReadonlySet<string>;
}

export class WorkspaceScanner {
  /** Closed files this server published diagnostics for, by canonical URI. */
  private readonly published = new Map<string, Published>();
  private job: IndexingJob | undefined;
  /** Changes elsewhere not yet looked at: files whose facts changed, open files edited (canonical URIs). */
  private readonly changedFacts = new Set<string>();
  private readonly edited = new Set<string>();
  /** Settings changed since the last look: every published file is linted again. */
  private settingsStale = false;
  private timer: NodeJS.Timeout | undefined;
  /** Dependants waiting to be linted again, and whether a loop is linting them. */
  private readonly stale = new Set<string>();
  private relinting = false;
  private disposed = false;

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
    // Another file of a chart (a helper, a values file) renders its templates differently.
    if (this.deps.chartOf?.(uri) !== undefined) this.documentEdited(uri);
    for (const [known, p] of [...this.published]) {
      if ((known === uri || known.startsWith(`${uri}/`)) && !this.deps.isOpen(known)) await this.lintFile(p.file);
    }
  }

  /** The facts of these files (canonical URIs) changed in the model, or a render read them on disk. */
  factsChanged(uris: ReadonlySet<string>): void {
    if (this.disposed || this.published.size === 0) return;
    for (const u of uris) this.changedFacts.add(u);
    this.settle();
  }

  /**
   * An open document's text changed (canonical URI): files rendered with it may read differently,
   * and related locations into it may have moved.
   */
  documentEdited(uri: string): void {
    if (this.disposed || this.published.size === 0) return;
    this.edited.add(uri);
    this.settle();
  }

  /** Settings changed (the editor's, a repository file, the default namespace): every published file again. */
  settingsChanged(): void {
    if (this.disposed || this.published.size === 0) return;
    this.settingsStale = true;
    this.settle();
  }

  /** An open document closed: the validator cleared its diagnostics, the scan's are gone too. */
  documentClosed(uri: string): void {
    this.published.delete(uri);
  }

  dispose(): void {
    this.disposed = true;
    this.job?.cancel();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stale.clear();
  }

  /** Changes come in runs (typing, indexing): they are looked at once they settle. */
  private settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.markStale();
      void this.relintStale();
    }, this.deps.debounceMs ?? 500);
  }

  /** Which published files the changes since the last look may change. */
  private markStale(): void {
    const facts = [...this.changedFacts];
    const edited = [...this.edited];
    const all = this.settingsStale;
    this.changedFacts.clear();
    this.edited.clear();
    this.settingsStale = false;
    const rendered = new Set<string>();
    // A scan lints its files against a few generations of the model: each change is joined once.
    const changes = new Map<WorkspaceIndex, Map<number, ReturnType<WorkspaceIndex['changesSince']>>>();
    const changeSince = (index: WorkspaceIndex, generation: number) => {
      let byGeneration = changes.get(index);
      if (!byGeneration) changes.set(index, byGeneration = new Map());
      let change = byGeneration.get(generation);
      if (change === undefined) byGeneration.set(generation, change = index.changesSince(generation));
      return change;
    };
    const charts = new Set<string>();
    for (const uri of edited) {
      const path = fsPathOf(uri);
      if (path !== undefined) for (const f of this.deps.reachedWith?.(path) ?? []) rendered.add(f);
      const chart = this.deps.chartOf?.(uri);
      if (chart !== undefined) charts.add(chart);
    }
    for (const [uri, p] of this.published) {
      if (this.deps.isOpen(uri)) continue;
      if (all) { this.stale.add(uri); continue; }
      // Its related locations point into an edited file: they are found again where they are now.
      if (edited.some(e => p.relatedTo.has(e))) { this.stale.add(uri); continue; }
      // Its own facts changed alone: that is a change on disk, which fileChanged lints.
      const elsewhere = facts.some(u => u !== uri);
      if (p.reads === 'render') {
        if (elsewhere || rendered.has(p.file)) this.stale.add(uri);
        continue;
      }
      if (p.reads && 'chart' in p.reads) {
        if (charts.has(p.reads.chart)) this.stale.add(uri);
        continue;
      }
      if (!elsewhere) continue;
      const index = this.deps.indexFor(uri);
      const change = index && index === p.index ? changeSince(index, p.generation) : 'any';
      // `any` (a Namespace, a kustomization): the file may even be rendered now.
      if (change === 'any' || modelReadsSee(p.reads, change, p.resolved)) this.stale.add(uri);
    }
  }

  /** The stale files, one per turn of the event loop; a newer change adds to the same run. */
  private async relintStale(): Promise<void> {
    if (this.relinting) return;
    this.relinting = true;
    try {
      for (const uri of this.stale) {
        if (this.disposed) return;
        this.stale.delete(uri);
        const p = this.published.get(uri);
        if (p && !this.deps.isOpen(uri)) await this.lintFile(p.file);
        await yieldToEventLoop();
      }
    } finally {
      this.relinting = false;
    }
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
      const chart = this.deps.chartOf?.(uri);
      if (chart !== undefined && this.deps.chartDiagnostics) {
        const diagnostics = await this.deps.chartDiagnostics(uri);
        this.deps.settings.forget(uri);
        if (this.deps.isOpen(uri)) return undefined;
        if (diagnostics) {
          // Judged through the chart's render, as an open template is: never as the text it is.
          this.deps.publish({ uri, diagnostics });
          this.published.set(uri, { file, index: undefined, generation: -1, resolved, reads: { chart }, relatedTo: new Set() });
          return diagnostics.length;
        }
      }
      const index = this.deps.indexFor(uri);
      const generation = index?.generation ?? -1;
      const composed = this.deps.composedLint?.(file, text, resolved);
      const result = composed ?? lintParsed(parseDiskText(file, text), resolved, { uri, workspace: index });
      for (const f of result.failures) this.deps.log.error(`rule:${f.ruleId}`, `Rule ${f.ruleId} failed on ${uri}: ${f.error}`);
      this.deps.publish({ uri, diagnostics: toDiagnostics(result.findings, this.deps.docsHref) });
      const relatedTo = new Set<string>();
      for (const f of result.findings) for (const r of f.related) relatedTo.add(r.uri);
      this.published.set(uri, { file, index, generation, resolved, reads: composed ? 'render' : modelReadsOf(result), relatedTo });
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
