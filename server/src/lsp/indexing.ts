// One pass over the workspace folders: every manifest file read and summarised, one file per
// slice (the event loop runs between files, so requests, edits and shutdown are answered),
// with progress shown for more than a handful of files. A job is cancelled by a newer one, by
// shutdown, or by the user through the progress notification.
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { FolderExclusions } from './exclusions';
import { listManifests } from './diskFiles';
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
  /** Reads one file into the model; resolves when done. */
  indexFile(file: string): Promise<void>;
  /** The user cancelled through the progress notification. */
  onUserCancel?(): void;
}

const IN_FLIGHT = 4;

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
    let next = 0;
    let done = 0;
    let lastPercent = 0;
    // A few files in flight, so reading (in the worker) and storing (here) overlap; each file
    // is still its own slice of the event loop.
    const lane = async () => {
      while (!job.cancelled && next < files.length) {
        await pass.indexFile(files[next++]);
        done++;
        const percent = Math.floor((done * 100) / files.length);
        if (progress && percent > lastPercent && !job.cancelled) {
          lastPercent = percent;
          progress.report(percent, `${done}/${files.length} files`);
        }
        await yieldToEventLoop();
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, lane));
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
