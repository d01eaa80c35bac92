// The language server's workspace model: what every Kubernetes object in the workspace folders
// says (summaries only, never texts), kept current from three sources in order of precedence —
// open editor text, file events, the initial indexing of the folders. Whenever a file's facts
// change, the files that may depend on them are told (`factsChanged`) and linted again.
import * as fs from 'node:fs';
import { FileChangeType, FileEvent, WorkspaceFolder } from 'vscode-languageserver';
import { ParsedFile } from '../engine';
import { WorkspaceIndex } from '../engine';
import { ObjectSummary, summarizeFile } from '../engine';
import { Cancellable, isManifestPath, listManifests } from './diskFiles';
import { DiskReader, ReadOutcome } from './diskReader';
import { exclusionPatterns, ExclusionSettings, FolderExclusions } from './exclusions';
import { IndexingJob, ProgressFactory, runIndexing } from './indexing';
import { describeError, RateLimitedLog } from './log';
import { canonicalUri, diskUri, fsPathOf } from './uris';

export interface WorkspaceModelDeps {
  /** Open editor text overrides the disk: is this (canonical) URI open? */
  isOpen(uri: string): boolean;
  /** These files' facts changed (canonical URIs): other files may lint differently now. */
  factsChanged(uris: ReadonlySet<string>): void;
  /** files.exclude and kubeHarden.exclude as they apply to one folder. */
  exclusionSettings(folderUri: string): Promise<ExclusionSettings>;
  createProgress?: ProgressFactory;
  log: RateLimitedLog;
  /** Indexing more files than this shows progress (default 10). */
  progressThreshold?: number;
  /**
   * The default namespace for objects nothing places (see defaultNamespaceOf), read with the
   * first folder as scope (undefined without folders); undefined: it could not be read, the
   * current one stays.
   */
  defaultNamespace?(firstFolderUri: string | undefined): Promise<string | undefined>;
  /** The default namespace changed: every open document may lint differently now. */
  namespaceChanged?(): void;
  /** How long linting waits for the first indexing before going ahead without it (ms). */
  readyTimeoutMs?: number;
}

export class WorkspaceModel {
  readonly index = new WorkspaceIndex();
  private folders = new Map<string, FolderExclusions>();
  private patterns = new Map<string, string>();
  /** Files whose summaries in the index were read from disk (not open, with objects). */
  private readonly fromDisk = new Set<string>();
  /** The latest disk read of each file: an older read finishing later is dropped. */
  private readonly reads = new Map<string, number>();
  private nextRead = 1;
  /** The latest read of the default namespace: an older one answering later is dropped. */
  private namespaceRead = 0;
  private job: IndexingJob | undefined;
  private disposed = false;
  private isReady = false;
  private resolveReady!: () => void;
  private readonly ready = new Promise<void>(resolve => { this.resolveReady = resolve; });
  private readonly reader: DiskReader;

  constructor(private readonly deps: WorkspaceModelDeps) {
    this.reader = new DiskReader({ onWorkerFailure: error => deps.log.warn('indexing:worker', `Reading files in a worker thread failed, reading them on the main thread: ${error}`) });
  }

  /** The folders from `initialize` (only file: folders can be read). */
  setFolders(folders: readonly Pick<WorkspaceFolder, 'uri'>[]): void {
    this.folders = new Map();
    for (const f of folders) this.addFolder(f.uri);
    if (this.folders.size === 0) this.markReady();
  }

  get folderCount(): number { return this.folders.size; }

  /** The workspace folders' paths on disk (where the search for a repository file stops). */
  folderPaths(): string[] {
    return [...this.folders.keys()].flatMap(k => fsPathOf(k) ?? []);
  }

  /** Resolves once the first indexing is over (or `readyTimeoutMs` passed): linting waits for it. */
  whenReady(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    const timeout = this.deps.readyTimeoutMs ?? 2000;
    return Promise.race([this.ready, new Promise<void>(resolve => setTimeout(resolve, timeout).unref())]);
  }

  /** Reads the exclusions, then (re)indexes every folder; a running indexing is cancelled. */
  async reindex(): Promise<void> {
    this.job?.cancel();
    const job = new IndexingJob();
    this.job = job;
    if (this.disposed) return;
    try {
      // Before any file: the first lints wait for this pass, and must see the namespace.
      if (await this.loadDefaultNamespace()) this.deps.namespaceChanged?.();
      await this.loadExclusions(job);
      if (job.cancelled) return;
      const changed = new Set<string>();
      // Each file's read is registered before any is read: a newer read (a file event, an
      // opened editor) that comes in meanwhile wins over the pass's.
      const started = new Map<string, { uri: string; read: number }>();
      const found = await runIndexing({
        job,
        folders: [...this.folders.values()],
        createProgress: this.deps.createProgress,
        progressThreshold: this.deps.progressThreshold ?? 10,
        read: (files, signal, onBatch) => {
          const targets = files.map(file => {
            const uri = diskUri(file);
            started.set(file, { uri, read: this.beginRead(uri) });
            return { file, uri };
          });
          return this.reader.readAll(targets, signal, onBatch);
        },
        store: (file, outcome) => {
          const s = started.get(file);
          if (!s) return;
          started.delete(file);
          if (this.applyRead(file, s.uri, s.read, outcome)) changed.add(s.uri);
        },
        onUserCancel: () => this.deps.log.warn('indexing:cancelled', 'Indexing of the workspace was cancelled: findings that depend on other files may be incomplete until the files change.'),
      });
      // Reads a cancelled pass never finished are forgotten.
      for (const { uri, read } of started.values()) if (this.reads.get(uri) === read) this.reads.delete(uri);
      if (found) await this.sweep(new Set([...found].map(diskUri)), changed, job);
      if (changed.size > 0 && !this.disposed) this.deps.factsChanged(changed);
    } catch (e) {
      this.deps.log.error('indexing', `Indexing the workspace failed: ${describeError(e)}`);
    } finally {
      if (this.job === job) this.job = undefined;
      // A cancelled first pass is as ready as the model will get until the next one.
      this.markReady();
    }
  }

  /** Settings changed: index again only when what is excluded changed. */
  async configurationChanged(): Promise<void> {
    if (this.disposed) return;
    if (await this.loadDefaultNamespace()) this.deps.namespaceChanged?.();
    if (this.disposed || this.folders.size === 0) return;
    const before = new Map(this.patterns);
    const probe = new IndexingJob();
    await this.loadExclusions(probe);
    const same = before.size === this.patterns.size && [...before].every(([k, v]) => this.patterns.get(k) === v);
    if (!same) await this.reindex();
  }

  foldersChanged(added: readonly Pick<WorkspaceFolder, 'uri'>[], removed: readonly Pick<WorkspaceFolder, 'uri'>[]): Promise<void> {
    for (const f of removed) this.folders.delete(canonicalUri(f.uri));
    for (const f of added) this.addFolder(f.uri);
    // The next pass reads the new folders and sweeps out what no folder holds any more.
    return this.reindex();
  }

  /** workspace/didChangeWatchedFiles: disk changes, unless the editor has the file open. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    const changed = new Set<string>();
    for (const change of changes) {
      const uri = canonicalUri(change.uri);
      const file = fsPathOf(uri);
      if (!file || this.disposed) continue;
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event: everything under it goes.
        for (const known of [...this.fromDisk]) {
          if ((known === uri || known.startsWith(`${uri}/`)) && !this.deps.isOpen(known)) this.forget(known, changed);
        }
        continue;
      }
      if (!isManifestPath(file) || this.deps.isOpen(uri)) continue;
      if (!this.includes(file)) { this.forget(uri, changed); continue; }
      if (await this.refresh(uri, file)) changed.add(uri);
    }
    if (changed.size > 0 && !this.disposed) this.deps.factsChanged(changed);
  }

  /**
   * A version of an open document was parsed: its objects replace the disk's. Returns their
   * summaries, keyed by the canonical URI the document is linted under, so the lint need not
   * make them again (undefined for an excluded file, which is linted on its own).
   */
  documentParsed(uri: string, parsed: ParsedFile, made?: readonly ObjectSummary[]): ObjectSummary[] | undefined {
    const key = canonicalUri(uri);
    if (this.disposed || this.isExcluded(key)) return undefined;
    this.reads.delete(key); // a disk read under way must not overwrite the editor's text
    this.fromDisk.delete(key);
    const summaries = made ? [...made] : summarizeFile(key, parsed);
    if (this.index.setFile(key, summaries)) this.deps.factsChanged(new Set([key]));
    return summaries;
  }

  /** The document was closed: the disk's version applies again (or nothing, if there is none). */
  async documentClosed(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    if (this.disposed) return;
    const file = fsPathOf(key);
    const changed = new Set<string>();
    if (file && isManifestPath(file) && this.includes(file)) {
      if (await this.refresh(key, file)) changed.add(key);
    } else if (this.index.removeFile(key)) {
      changed.add(key);
    }
    if (changed.size > 0 && !this.disposed) this.deps.factsChanged(changed);
  }

  /**
   * The model `uri` is linted against. Files the user excluded are not part of it and are
   * linted on their own.
   */
  indexFor(uri: string): WorkspaceIndex | undefined {
    return this.isExcluded(canonicalUri(uri)) ? undefined : this.index;
  }

  /** Every manifest file of the folders that the model includes (exclusions applied), sorted per folder. */
  async manifestFiles(job: Cancellable): Promise<string[]> {
    const files: string[] = [];
    for (const folder of [...this.folders.values()]) {
      if (job.cancelled) break;
      for (const f of await listManifests(folder, job)) if (this.folderOf(f) === folder) files.push(f);
    }
    return files;
  }

  /** Shutdown: the indexing stops, nothing more is read. */
  dispose(): void {
    this.disposed = true;
    this.job?.cancel();
    this.reader.dispose();
    this.markReady();
  }

  private markReady(): void {
    this.isReady = true;
    this.resolveReady();
  }

  get indexing(): boolean { return this.job !== undefined; }

  private addFolder(uri: string): void {
    const key = canonicalUri(uri);
    const dir = fsPathOf(key);
    if (dir && !this.folders.has(key)) this.folders.set(key, new FolderExclusions(dir, []));
  }

  /**
   * Reads the default namespace into the index; true when it changed. Read once for the whole
   * model, with the first folder as scope: the index is one for every folder, so a per-folder
   * value could not be honoured (the setting is window-scoped for that reason), and the first
   * folder is the scope clients other than VS Code are likeliest to answer for.
   */
  private async loadDefaultNamespace(): Promise<boolean> {
    if (!this.deps.defaultNamespace) return false;
    const read = ++this.namespaceRead;
    let ns: string | undefined;
    try {
      ns = await this.deps.defaultNamespace(this.folders.keys().next().value);
    } catch (e) {
      this.deps.log.error('settings:defaultNamespace', `Reading kubeHarden.defaultNamespace failed, keeping "${this.index.options.defaultNamespace}": ${describeError(e)}`);
    }
    if (ns === undefined || read !== this.namespaceRead || this.disposed) return false;
    const { changed, problem } = this.index.setDefaultNamespace(ns);
    if (problem) this.deps.log.warn(`settings:defaultNamespace:${ns}`, `Ignoring invalid setting: ${problem}`);
    return changed;
  }

  private async loadExclusions(job: IndexingJob): Promise<void> {
    for (const uri of [...this.folders.keys()]) {
      let settings: ExclusionSettings = {};
      try {
        settings = await this.deps.exclusionSettings(uri);
      } catch (e) {
        this.deps.log.error('settings:exclude', `Reading the exclusion settings failed, excluding only .git and node_modules: ${describeError(e)}`);
      }
      if (job.cancelled || !this.folders.has(uri)) return;
      const patterns = exclusionPatterns(settings, problem => this.deps.log.warn(`settings:${problem}`, `Ignoring invalid setting: ${problem}`));
      this.folders.set(uri, new FolderExclusions(this.folders.get(uri)!.folder, patterns));
      this.patterns.set(uri, JSON.stringify(patterns));
    }
  }

  /** The innermost workspace folder holding `file`. */
  private folderOf(file: string): FolderExclusions | undefined {
    let best: FolderExclusions | undefined;
    for (const f of this.folders.values()) if (f.contains(file) && (!best || f.folder.length > best.folder.length)) best = f;
    return best;
  }

  /** In a workspace folder and not excluded: the disk version belongs in the model. */
  private includes(file: string): boolean {
    const folder = this.folderOf(file);
    return !!folder && !folder.excludes(file);
  }

  private isExcluded(uri: string): boolean {
    const file = fsPathOf(uri);
    const folder = file ? this.folderOf(file) : undefined;
    return !!folder && folder.excludes(file!);
  }

  /** Reads `file` from disk into the model; true when its facts changed. */
  private async refresh(uri: string, file: string): Promise<boolean> {
    const read = this.beginRead(uri);
    return this.applyRead(file, uri, read, await this.reader.read(file, uri));
  }

  /** A read of `uri` starts: the one whose outcome counts, until a newer one starts. */
  private beginRead(uri: string): number {
    const read = this.nextRead++;
    this.reads.set(uri, read);
    return read;
  }

  /** Stores what a read found, unless a newer read or the editor's text took over; true when facts changed. */
  private applyRead(file: string, uri: string, read: number, outcome: ReadOutcome): boolean {
    if (this.disposed) return false;
    let summaries: ObjectSummary[] | undefined;
    if ('error' in outcome) {
      this.deps.log.error('indexing:file', `Reading ${file} into the workspace model failed: ${outcome.error}`);
      summaries = [];
    } else {
      summaries = outcome.summaries;
    }
    if (this.reads.get(uri) !== read || this.deps.isOpen(uri)) return false;
    this.reads.delete(uri);
    if (!summaries) return this.forget(uri);
    if (summaries.length > 0) this.fromDisk.add(uri); else this.fromDisk.delete(uri);
    return this.index.setFile(uri, summaries);
  }

  private forget(uri: string, changed?: Set<string>): boolean {
    this.reads.delete(uri);
    this.fromDisk.delete(uri);
    const removed = this.index.removeFile(uri);
    if (removed) changed?.add(uri);
    return removed;
  }

  /** After a full pass: files no folder holds any more (removed folder, new exclusion, deleted). */
  private async sweep(found: ReadonlySet<string>, changed: Set<string>, job: IndexingJob): Promise<void> {
    for (const uri of [...this.fromDisk]) {
      if (job.cancelled) return;
      if (found.has(uri) || this.deps.isOpen(uri)) continue;
      const file = fsPathOf(uri);
      // Created by a file event after the folders were listed: still there, still wanted.
      if (file && this.includes(file) && await exists(file)) continue;
      this.forget(uri, changed);
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try { await fs.promises.access(file); return true; } catch { return false; }
}
