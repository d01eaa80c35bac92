// Summaries of files on disk, read by the server's own event loop and, for large files, by a
// worker thread (indexWorker.ts). Most manifests are small: the event loop reads them itself, in
// slices of a few milliseconds between requests, at the speed of a bare parse, with no thread to
// start, warm up and copy answers from. A file too large to parse within a slice (an install
// manifest of megabytes takes seconds) is left to a worker, started on demand and stopped when
// idle, so its heap (parses on their way to garbage) is given back once the pass is over. Where
// no worker can run, the event loop reads every file itself.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CANCELLED, CONTROL_CELLS, LEFT, ReadJob, ReadOutcome, WorkerAnswer } from './indexProtocol';
import { ReadPace, readSlice, SliceResult } from './readSlice';
import { SlicePace } from './slicePace';
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
  /** Workers started for the large files of a pass (default 1; the first parses every large file). */
  maxWorkers?: number;
  /** The worker script (tests give one that fails). */
  workerScript?: string;
}

/**
 * The event loop's reading between two of its turns (ms). Storing what was read (indexing.ts)
 * may follow in the same turn: together they stay under 10 ms, so no request waits longer.
 */
const MAIN_SLICE_MS = 5;
/**
 * The sizes of file the event loop reads itself (slicePace.ts): those it parses within 3 ms,
 * 2 to 16 KB (most manifests are smaller). Larger ones are left to a worker.
 */
const MAIN_FILE_BUDGET_MS = 3;
const MAIN_FILE_MIN = 2 * 1024;
export const MAIN_FILE_MAX = 16 * 1024;
/**
 * The summaries' strings may be slices of the file's text and keep all of it alive: the event
 * loop copies the summaries of a text longer than this (a worker's answer arrives as a copy). A
 * shorter text weighs about what its summaries do, and copying them cost the indexing of the Pod
 * Security fixtures (4,537 files of about 430 bytes) 2% of its time, to save as little memory.
 */
const MAIN_COPY_ABOVE = 2 * 1024;
/** Files per slice at most, on any thread: bounds the work of storing one answer. */
const BATCH = 256;

/**
 * A worker's young generation (MB). Its garbage is parse nodes that die as soon as a file is
 * summarised: a small young generation collects them as often and as cheaply, and keeps the
 * worker's memory down (by the default it grows to tens of megabytes).
 */
const YOUNG_GENERATION_MB = 8;

/**
 * A worker's old generation (MB): far above what it holds (one document's parse at a time, and
 * its summaries), yet giving it a bound at all makes V8 start the heap smaller and collect it
 * sooner. By the default, sized from the machine's memory, the worker let the garbage of the
 * real-world corpus's installs pile up: the process peaked at 157 to 180 MiB, with this at 138.
 */
const OLD_GENERATION_MB = 1024;

/** The server's own event loop, as a participant in a read. */
const MAIN = 'main';
type Participant = Worker | typeof MAIN;

/** One readAll call. */
interface Job {
  targets: readonly ReadTarget[];
  answered: Uint8Array;
  /** Its parts still running (the first for every file, then one per batch of files left). */
  parts: Set<Part>;
  /** The part every participant shares (joined by workers as they start). */
  first: Part | undefined;
  onBatch: BatchListener;
  finish(): void;
}

/** Some of a job's files, shared by some participants through one control block. */
interface Part {
  id: number;
  job: Job;
  /** The job's index of each of the part's files. */
  indices: readonly number[];
  files: string[];
  uris: string[];
  control: Int32Array;
  /** Participants still taking files of this part. */
  busy: Set<Participant>;
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
  /** How fast the event loop parses, so which files it reads itself. */
  private readonly pace = new SlicePace(MAIN_FILE_BUDGET_MS, MAIN_FILE_MIN, MAIN_FILE_MAX);

  constructor(options: DiskReaderOptions = {}) {
    this.onWorkerFailure = options.onWorkerFailure ?? (() => {});
    this.idleMs = options.idleMs ?? 2000;
    this.maxWorkers = Math.max(1, options.maxWorkers ?? 1);
    this.workerScript = options.workerScript ?? path.join(__dirname, 'indexWorker.js');
  }

  /** Worker threads running now (tests watch them start and stop). */
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
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    return new Promise<void>(resolve => {
      const job: Job = {
        targets, onBatch,
        answered: new Uint8Array(targets.length),
        parts: new Set(),
        first: undefined,
        finish: () => {
          if (!this.jobs.delete(job)) return;
          for (const part of job.parts) this.endPart(part);
          // After a pass the workers' heaps are given back at once (the pass is over once they
          // are); after a single file (a save, a file event) a worker waits for the next.
          if (targets.length > 1 && this.jobs.size === 0 && this.workers.length > 0) this.stopWorkers().then(resolve, resolve);
          else { this.idleWhenDone(); resolve(); }
        },
      };
      this.jobs.add(job);
      signal.onCancel(job.finish);
      // Workers still running (from a recent read) share the pass from the start.
      job.first = this.startPart(job, targets.map((_, i) => i), [MAIN, ...this.workers]);
    });
  }

  private startPart(job: Job, indices: readonly number[], participants: readonly Participant[]): Part {
    const part: Part = {
      id: this.nextPart++, job, indices,
      files: indices.map(i => job.targets[i].file),
      uris: indices.map(i => job.targets[i].uri),
      control: new Int32Array(new SharedArrayBuffer(CONTROL_CELLS * Int32Array.BYTES_PER_ELEMENT)),
      busy: new Set(),
    };
    this.parts.set(part.id, part);
    job.parts.add(part);
    for (const p of participants) this.join(part, p);
    return part;
  }

  /** `participant` takes files of `part` from now on. */
  private join(part: Part, participant: Participant): void {
    part.busy.add(participant);
    if (participant === MAIN) { void this.readOnMainThread(part); return; }
    const large = participant === this.workers[0];
    participant.postMessage({ job: part.id, files: part.files, uris: part.uris, control: part.control, large } satisfies ReadJob);
  }

  /** The event loop's share of a part: small files, a slice per turn; larger ones are left to a worker. */
  private async readOnMainThread(part: Part): Promise<void> {
    // Where no worker runs, there is no one to leave a file to.
    const pace = this.inProcess ? ANY_FILE : this.pace;
    for (;;) {
      // Each slice in its own turn of the event loop, the first too: not within the caller's.
      await yieldToEventLoop();
      if (!this.parts.has(part.id)) return;
      const { results, finished } = readSlice(part, pace, MAIN_SLICE_MS, BATCH, MAIN_COPY_ABOVE);
      if (results.length > 0) this.answered(MAIN, { job: part.id, results });
      if (finished) { this.answered(MAIN, { job: part.id, done: true }); return; }
    }
  }

  /** Participants still at it stop at their next file; what they answer after is dropped. */
  private endPart(part: Part): void {
    Atomics.store(part.control, CANCELLED, 1);
    this.parts.delete(part.id);
    part.job.parts.delete(part);
  }

  /** Shutdown: the workers stop; reads under way resolve, unanswered. */
  dispose(): void {
    this.disposed = true;
    void this.stopWorkers();
    for (const job of [...this.jobs]) job.finish();
  }

  /** The workers, started if need be; none when they cannot run. */
  private ensureWorkers(): Worker[] {
    if (this.inProcess || this.disposed) return [];
    while (this.workers.length < this.maxWorkers) {
      let worker: Worker;
      try {
        worker = new Worker(this.workerScript, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB } });
      } catch (e) {
        this.failed(undefined, e instanceof Error ? e.message : String(e));
        return [];
      }
      worker.unref(); // never what keeps the server process alive
      worker.on('message', (m: WorkerAnswer) => this.answered(worker, m));
      worker.on('error', e => this.failed(worker, e instanceof Error ? (e.stack ?? e.message) : String(e)));
      worker.on('exit', code => this.failed(worker, `worker exited with code ${code}`));
      this.workers.push(worker);
      // A worker started for a job's large files shares the rest of its files too.
      for (const job of this.jobs) if (job.first && this.parts.has(job.first.id)) this.join(job.first, worker);
    }
    return this.workers;
  }

  private answered(participant: Participant, m: WorkerAnswer): void {
    const part = this.parts.get(m.job);
    if (!part) return; // finished or cancelled meanwhile
    const { job } = part;
    if ('done' in m) {
      part.busy.delete(participant);
      if (part.busy.size > 0) return;
      // Every file was taken, and every participant that took one has answered it.
      this.endPart(part);
      if (job.parts.size === 0) job.finish();
      return;
    }
    const left: number[] = [];
    const batch: Array<[number, ReadOutcome]> = [];
    for (const [k, outcome] of m.results as SliceResult) {
      const i = part.indices[k];
      if (outcome === LEFT) { left.push(i); continue; }
      job.answered[i] = 1;
      batch.push([i, outcome]);
    }
    // Before the part can end (its `done` comes later): the job is not over while its large
    // files are being read. A worker that cannot start reads them in-process instead (failed).
    if (left.length > 0 && this.ensureWorkers().length > 0 && this.jobs.has(job)) this.startPart(job, left, [this.workers[0]]);
    if (batch.length > 0) job.onBatch(batch);
  }

  /**
   * A worker failed: what the participants had not answered is read in-process, and so is
   * everything after (a worker that died on a file would die on it again).
   */
  private failed(worker: Worker | undefined, error: string): void {
    if (this.disposed || this.inProcess || (worker && !this.workers.includes(worker))) return;
    this.inProcess = true;
    void this.stopWorkers();
    this.onWorkerFailure(error);
    for (const job of [...this.jobs]) {
      for (const part of job.parts) this.endPart(part);
      const missing = [...job.answered.keys()].filter(i => !job.answered[i]);
      job.first = undefined;
      if (missing.length > 0) this.startPart(job, missing, [MAIN]);
      else job.finish();
    }
  }

  private idleWhenDone(): void {
    if (this.jobs.size > 0 || this.idleTimer || this.disposed || this.workers.length === 0) return;
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
const ANY_FILE: ReadPace = { limit: Infinity };
