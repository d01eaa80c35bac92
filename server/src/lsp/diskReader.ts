// Summaries of files on disk, read in a worker thread (indexWorker.ts) so a slow parse never
// stalls the server, one file at a time. The worker is started on demand and stopped when idle,
// so its heap (parses on their way to garbage) is given back once indexing is over. Where no
// worker can run, files are read in-process.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ObjectSummary } from '../engine';
import { summarizeDiskFile } from './diskFiles';
import type { ReadRequest, ReadResponse } from './indexWorker';

type Summaries = ObjectSummary[] | undefined;

interface Pending { request: ReadRequest; resolve(s: Summaries): void; reject(e: Error): void }

export class DiskReader {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private inProcess = false;
  private disposed = false;

  /** `onWorkerFailure`: told once when the worker cannot be used (reading goes on in-process). */
  constructor(private readonly onWorkerFailure: (error: string) => void = () => {}, private readonly idleMs = 2000) {}

  /** What the file contributes to the model; undefined when it does not exist. */
  read(file: string, uri: string): Promise<Summaries> {
    if (this.disposed) return Promise.resolve([]);
    const worker = this.inProcess ? undefined : this.ensureWorker();
    if (!worker) return readInProcess(file, uri);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const request: ReadRequest = { id: this.nextId++, file, uri };
    return new Promise<Summaries>((resolve, reject) => {
      this.pending.set(request.id, { request, resolve, reject });
      worker.postMessage(request);
    });
  }

  /** Shutdown: the worker stops; reads under way resolve with nothing. */
  dispose(): void {
    this.disposed = true;
    this.stopWorker();
    for (const p of this.pending.values()) p.resolve([]);
    this.pending.clear();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(path.join(__dirname, 'indexWorker.js'));
      worker.unref(); // never what keeps the server process alive
      worker.on('message', (m: ReadResponse) => this.answered(m));
      worker.on('error', e => this.failed(worker, e instanceof Error ? (e.stack ?? e.message) : String(e)));
      worker.on('exit', code => { if (this.worker === worker) this.failed(worker, `worker exited with code ${code}`); });
      this.worker = worker;
      return worker;
    } catch (e) {
      this.failed(undefined, e instanceof Error ? e.message : String(e));
      return undefined;
    }
  }

  private answered(m: ReadResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if ('error' in m) p.reject(new Error(m.error));
    else p.resolve(m.summaries);
    if (this.pending.size === 0 && !this.idleTimer) {
      this.idleTimer = setTimeout(() => { this.idleTimer = undefined; if (this.pending.size === 0) this.stopWorker(); }, this.idleMs);
      this.idleTimer.unref();
    }
  }

  /** The worker is gone: what it had not answered is read in-process, and so is everything after. */
  private failed(worker: Worker | undefined, error: string): void {
    if (this.disposed || (worker && this.worker !== worker)) return;
    this.worker = undefined;
    this.inProcess = true;
    this.onWorkerFailure(error);
    for (const p of this.pending.values()) readInProcess(p.request.file, p.request.uri).then(p.resolve, p.reject);
    this.pending.clear();
  }

  private stopWorker(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate().catch(() => {});
  }
}

/**
 * In-process, the summaries' strings may be slices of the file's text and keep all of it alive:
 * a JSON round trip gives them their own (the worker's structured clone does the same).
 */
async function readInProcess(file: string, uri: string): Promise<Summaries> {
  const summaries = await summarizeDiskFile(file, uri);
  return summaries && (JSON.parse(JSON.stringify(summaries)) as ObjectSummary[]);
}
