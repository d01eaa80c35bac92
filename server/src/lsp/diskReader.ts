// Summaries of files on disk, read by a pool of worker threads (indexWorker.ts) so a slow parse
// never stalls the server and a large workspace is read on every core. Workers are started on
// demand and stopped when idle, so their heaps (parses on their way to garbage) are given back
// once indexing is over. Where no worker can run, files are read in-process, one per turn of the
// event loop.
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ObjectSummary } from '../engine/reading';
import { summarizeDiskFile } from './diskFiles';
import { CANCELLED, CONTROL_CELLS, LEFT, ReadJob, ReadOutcome, WorkerAnswer } from './indexProtocol';
import { yieldToEventLoop } from './slices';

export type { ReadOutcome } from './indexProtocol';

export interface ReadTarget { file: string; uri: string }

/** What a batch read is told of: a cancellation, at any time. */
export interface ReadSignal {
  readonly cancelled: boolean;
  onCancel(listener: () => void): void;
}

/** Each answer, in the order they arrive: indices into the list read. */
export type BatchListener = (batch: ReadonlyArray<readonly [index: number, outcome: ReadOutcome]>) => void;

export interface DiskReaderOptions {
  /** Told once when the workers cannot be used (reading goes on in-process). */
  onWorkerFailure?: (error: string) => void;
  /** A worker with nothing to do is stopped after this long (ms). */
  idleMs?: number;
  /** At most this many workers (default: the cores available). */
  maxWorkers?: number;
  /** The worker script (tests give one that fails). */
  workerScript?: string;
}

/**
 * A worker's young generation (MB). Its garbage is parse nodes that die as soon as a file is
 * summarised: a small young generation collects them as often and as cheaply, and keeps each
 * worker's memory down (by the default it grows to tens of megabytes per worker; measured on
 * the admission fixtures, the peak RSS of indexing drops from 146 to 132 MiB at no cost in time).
 */
const YOUNG_GENERATION_MB = 8;

/** A pass of fewer files than this per worker is not worth starting another worker for. */
const FILES_PER_WORKER = 8;

/** One readAll call. */
interface Job {
  targets: readonly ReadTarget[];
  answered: Uint8Array;
  /** Its parts still running (the first for every file, then one per batch of large files). */
  parts: Set<Part>;
  /** The worker that parses its large files. */
  largeWorker: Worker;
  onBatch: BatchListener;
  finish(): void;
}

/** Some of a job's files, shared by some workers through one control block. */
interface Part {
  id: number;
  job: Job;
  /** The job's index of each of the part's files. */
  indices: readonly number[];
  control: Int32Array;
  /** Workers still taking files of this part. */
  busy: Set<Worker>;
}

export class DiskReader {
  private readonly workers: Worker[] = [];
  private readonly jobs = new Set<Job>();
  private readonly parts = new Map<number, Part>();
  private nextPart = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private inProcess = false;
  private disposed = false;
  private readonly onWorkerFailure: (error: string) => void;
  private readonly idleMs: number;
  private readonly maxWorkers: number;
  private readonly workerScript: string;

  constructor(options: DiskReaderOptions = {}) {
    this.onWorkerFailure = options.onWorkerFailure ?? (() => {});
    this.idleMs = options.idleMs ?? 2000;
    this.maxWorkers = Math.max(1, options.maxWorkers ?? os.availableParallelism());
    this.workerScript = options.workerScript ?? path.join(__dirname, 'indexWorker.js');
  }

  /** Worker threads running now (tests watch them stop). */
  get workerCount(): number { return this.workers.length; }

  /** What the file contributes to the model, or why it could not be read. */
  async read(file: string, uri: string): Promise<ReadOutcome> {
    let outcome: ReadOutcome = { summaries: [] };
    await this.readAll([{ file, uri }], NEVER_CANCELLED, batch => { outcome = batch[0][1]; });
    return outcome;
  }

  /**
   * Reads every target, telling `onBatch` of the outcomes as they come. Resolves once every
   * file is answered, or at once when `signal` is cancelled or the reader disposed (then some
   * files are never answered).
   */
  readAll(targets: readonly ReadTarget[], signal: ReadSignal, onBatch: BatchListener): Promise<void> {
    if (this.disposed || signal.cancelled || targets.length === 0) return Promise.resolve();
    if (this.inProcess) return readInProcess(targets, targets.map((_, i) => i), signal, onBatch);
    const count = Math.min(this.maxWorkers, Math.ceil(targets.length / FILES_PER_WORKER));
    const workers = this.ensureWorkers(count);
    if (workers.length === 0) return readInProcess(targets, targets.map((_, i) => i), signal, onBatch);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;

    return new Promise<void>(resolve => {
      const job: Job = {
        targets, onBatch,
        answered: new Uint8Array(targets.length),
        parts: new Set(),
        largeWorker: workers[0],
        finish: () => {
          if (!this.jobs.delete(job)) return;
          for (const part of job.parts) this.endPart(part);
          // After a pass the workers' heaps are given back at once (the pass is over once they
          // are); after a single file (a save, a file event) the worker waits for the next.
          if (targets.length > 1 && this.jobs.size === 0) this.stopWorkers().then(resolve, resolve);
          else { this.idleWhenDone(); resolve(); }
        },
      };
      this.jobs.add(job);
      signal.onCancel(job.finish);
      this.startPart(job, targets.map((_, i) => i), workers);
    });
  }

  private startPart(job: Job, indices: readonly number[], workers: readonly Worker[]): void {
    const part: Part = { id: this.nextPart++, job, indices, control: new Int32Array(new SharedArrayBuffer(CONTROL_CELLS * Int32Array.BYTES_PER_ELEMENT)), busy: new Set(workers) };
    this.parts.set(part.id, part);
    job.parts.add(part);
    const files = indices.map(i => job.targets[i].file);
    const uris = indices.map(i => job.targets[i].uri);
    for (const w of workers) w.postMessage({ job: part.id, files, uris, control: part.control, large: w === job.largeWorker } satisfies ReadJob);
  }

  /** Workers still at it stop at their next file; what they answer after is dropped. */
  private endPart(part: Part): void {
    Atomics.store(part.control, CANCELLED, 1);
    this.parts.delete(part.id);
    part.job.parts.delete(part);
  }

  /** Starts the workers a pass will use, so they load while the folders are listed. */
  prepare(): void {
    if (this.disposed || this.inProcess) return;
    this.ensureWorkers(this.maxWorkers);
    this.idleWhenDone();
  }

  /** Shutdown: the workers stop; reads under way resolve, unanswered. */
  dispose(): void {
    this.disposed = true;
    void this.stopWorkers();
    for (const job of [...this.jobs]) job.finish();
  }

  private ensureWorkers(count: number): Worker[] {
    while (this.workers.length < count) {
      let worker: Worker;
      try {
        worker = new Worker(this.workerScript, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      } catch (e) {
        this.failed(undefined, e instanceof Error ? e.message : String(e));
        return [];
      }
      worker.unref(); // never what keeps the server process alive
      worker.on('message', (m: WorkerAnswer) => this.answered(worker, m));
      worker.on('error', e => this.failed(worker, e instanceof Error ? (e.stack ?? e.message) : String(e)));
      worker.on('exit', code => this.failed(worker, `worker exited with code ${code}`));
      this.workers.push(worker);
    }
    return this.workers.slice(0, count);
  }

  private answered(worker: Worker, m: WorkerAnswer): void {
    const part = this.parts.get(m.job);
    if (!part) return; // finished or cancelled meanwhile
    const { job } = part;
    if ('done' in m) {
      part.busy.delete(worker);
      if (part.busy.size > 0) return;
      // Every file was taken, and every worker that took one has answered it.
      this.endPart(part);
      if (job.parts.size === 0) job.finish();
      return;
    }
    const left: number[] = [];
    const batch: Array<[number, ReadOutcome]> = [];
    for (const [k, outcome] of m.results) {
      const i = part.indices[k];
      if (outcome === LEFT) { left.push(i); continue; }
      job.answered[i] = 1;
      batch.push([i, outcome]);
    }
    // Before the part can end: the job is not over while its large files are being read.
    if (left.length > 0) this.startPart(job, left, [job.largeWorker]);
    if (batch.length > 0) job.onBatch(batch);
  }

  /**
   * A worker failed: what the pool had not answered is read in-process, and so is everything
   * after (a worker that died on a file would die on it again).
   */
  private failed(worker: Worker | undefined, error: string): void {
    if (this.disposed || (worker && !this.workers.includes(worker))) return;
    this.inProcess = true;
    void this.stopWorkers();
    this.onWorkerFailure(error);
    for (const job of [...this.jobs]) {
      for (const part of job.parts) this.endPart(part);
      // Over once the job is: cancelled, disposed.
      const jobs = this.jobs;
      const signal: ReadSignal = { get cancelled() { return !jobs.has(job); }, onCancel() {} };
      const missing = [...job.answered.keys()].filter(i => !job.answered[i]);
      readInProcess(job.targets, missing, signal, job.onBatch).then(job.finish, job.finish);
    }
  }

  private idleWhenDone(): void {
    if (this.jobs.size > 0 || this.idleTimer || this.disposed) return;
    this.idleTimer = setTimeout(() => { this.idleTimer = undefined; if (this.jobs.size === 0) void this.stopWorkers(); }, this.idleMs);
    this.idleTimer.unref();
  }

  /** Resolves once every worker's thread has ended. */
  private async stopWorkers(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    await Promise.all(this.workers.splice(0).map(w => w.terminate().catch(() => {})));
  }
}

const NEVER_CANCELLED: ReadSignal = { cancelled: false, onCancel() {} };

/**
 * In-process, one file per turn of the event loop. The summaries' strings may be slices of the
 * file's text and keep all of it alive: a JSON round trip gives them their own (the workers'
 * structured clone does the same).
 */
async function readInProcess(targets: readonly ReadTarget[], indices: readonly number[], signal: ReadSignal, onBatch: BatchListener): Promise<void> {
  for (const i of indices) {
    if (signal.cancelled) return;
    let outcome: ReadOutcome;
    try {
      const summaries = await summarizeDiskFile(targets[i].file, targets[i].uri);
      outcome = { summaries: summaries && (JSON.parse(JSON.stringify(summaries)) as ObjectSummary[]) };
    } catch (e) {
      outcome = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    if (signal.cancelled) return;
    onBatch([[i, outcome]]);
    await yieldToEventLoop();
  }
}
