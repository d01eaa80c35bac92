// One pass over the workspace folders: every manifest file read and summarised (by the reader's
// workers, many files per answer), and stored into the model here in slices bounded in time, so
// requests, edits and shutdown are answered while thousands of files come in. Progress is shown
// for more than a handful of files. A job is cancelled by a newer one, by shutdown, or by the
// user through the progress notification.
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { FolderExclusions } from './exclusions';
import { listManifests } from './diskFiles';
import type { BatchListener, ReadOutcome } from './diskReader';
import { appendAll } from '../engine';
import { yieldToEventLoop } from './slices';

export class IndexingJob {
  private cancelledFlag = false;
  private readonly listeners: Array<() => void> = [];

  get cancelled(): boolean { return this.cancelledFlag; }

  cancel(): void {
    if (this.cancelledFlag) return;
    this.cancelledFlag = true;
    for (const l of this.listeners.splice(0)) l();
  }

  onCancel(listener: () => void): void {
    if (this.cancelledFlag) listener(); else this.listeners.push(listener);
  }
}

export type ProgressFactory = () => Promise<WorkDoneProgressServerReporter>;

export interface IndexingPass {
  job: IndexingJob;
  folders: readonly FolderExclusions[];
  createProgress?: ProgressFactory;
  /** More files than this show progress. */
  progressThreshold: number;
  /**
   * Reads the files, telling `onBatch` of each outcome by the file's index; resolves once every
   * file is answered, or early when the job is cancelled.
   */
  read(files: readonly string[], job: IndexingJob, onBatch: BatchListener): Promise<void>;
  /** Stores one file's outcome into the model. */
  store(file: string, outcome: ReadOutcome): void;
  /** The user cancelled through the progress notification. */
  onUserCancel?(): void;
  /** Storing between two turns of the event loop (ms; default STORE_SLICE_MS). */
  storeSliceMs?: number;
}

/**
 * Storing between two turns of the event loop (ms): a few hundred answers. A reader's slice on
 * this thread (diskReader.ts) may run in the same turn, so the two together stay short.
 */
const STORE_SLICE_MS = 3;

/** Runs the pass; resolves with the files found, or undefined when the job was cancelled. */
export async function runIndexing(pass: IndexingPass): Promise<Set<string> | undefined> {
  const { job } = pass;
  const files: string[] = [];
  for (const folder of pass.folders) {
    if (job.cancelled) return undefined;
    appendAll(files, await listManifests(folder, job));
  }
  if (job.cancelled) return undefined;

  const progress = files.length > pass.progressThreshold && pass.createProgress ? await startProgress(pass, files.length) : undefined;
  try {
    // Answers queue up as they arrive and are stored a slice at a time: reading (in the
    // workers) and storing (here) overlap, and no slice holds the event loop for long.
    const queue: Array<readonly [number, ReadOutcome]> = [];
    let head = 0;
    let reading = true;
    let wake: (() => void) | undefined;
    const wakeUp = () => { const w = wake; wake = undefined; w?.(); };
    job.onCancel(wakeUp);
    pass.read(files, job, batch => { appendAll(queue, batch); wakeUp(); })
      .finally(() => { reading = false; wakeUp(); })
      .catch(() => {}); // the reader answers failures per file; a rejection would only mean it stopped
    let done = 0;
    let lastPercent = 0;
    while (!job.cancelled) {
      if (head === queue.length) {
        if (!reading) break;
        await new Promise<void>(resolve => { wake = resolve; });
        // Woken from within the reader's own slice of the event loop (it reads small files on
        // this thread): storing waits for the next turn instead of lengthening that slice.
        await yieldToEventLoop();
        continue;
      }
      const start = performance.now();
      const slice = pass.storeSliceMs ?? STORE_SLICE_MS;
      while (head < queue.length && !job.cancelled && performance.now() - start < slice) {
        const [i, outcome] = queue[head++];
        pass.store(files[i], outcome);
        done++;
      }
      if (head === queue.length) { queue.length = 0; head = 0; }
      const percent = Math.floor((done * 100) / files.length);
      if (progress && percent > lastPercent && !job.cancelled) {
        lastPercent = percent;
        progress.report(percent, `${done}/${files.length} files`);
      }
      await yieldToEventLoop();
    }
    return job.cancelled ? undefined : new Set(files);
  } finally {
    progress?.done();
  }
}

async function startProgress(pass: IndexingPass, total: number): Promise<WorkDoneProgressServerReporter | undefined> {
  let progress: WorkDoneProgressServerReporter;
  try {
    progress = await pass.createProgress!();
  } catch {
    return undefined; // the client refused window/workDoneProgress/create: index without it
  }
  if (pass.job.cancelled) {
    progress.done();
    return undefined;
  }
  progress.token.onCancellationRequested(() => {
    if (pass.job.cancelled) return;
    pass.job.cancel();
    pass.onUserCancel?.();
  });
  progress.begin('Kube Harden: indexing Kubernetes manifests', 0, `0/${total} files`, true);
  return progress;
}
