// Runs in a worker thread: reads and summarises files from disk for the workspace model. A large
// manifest (an Argo CD or Istio install is megabytes of YAML) takes seconds to parse; here that
// time never blocks the language server's event loop.
//
// A job is a list of files shared by the workers of the pool: each takes the next file from a
// counter in shared memory, so the files are spread by how long they take, not by how many there
// are. Reads are synchronous (blocking this thread costs nothing) and answered in batches, one
// message per slice of work rather than one per file. Between slices the worker's own event loop
// turns, so a newer job (a file the user saved, while the folders are being indexed) is served
// next instead of after the whole pass.
//
// Parsing takes memory many times the size of the text (a 2 MB install is tens of megabytes of
// nodes until it is summarised), and a worker's heap stays grown for a while after. So only one
// worker of a job parses large files: the others leave them to it, and stay small.
import { parentPort } from 'node:worker_threads';
import { readManifestTextSync, summariesOf } from './diskFiles';
import { CANCELLED, LARGE_FILE, LEFT, NEXT, ReadJob, ReadOutcome, WorkerAnswer } from './indexProtocol';

/** Work between two turns of the worker's event loop, and so at most between two answers. */
const SLICE_MS = 20;
/** Files per answer at most: bounds the work of storing one answer on the main thread. */
const BATCH = 256;

/** The outcome of one file, never a throw (LEFT for a large file, unless `large`). */
function readOne(file: string, uri: string, large: boolean): ReadOutcome | typeof LEFT {
  try {
    const text = readManifestTextSync(file, large ? Infinity : LARGE_FILE);
    if (typeof text === 'object') return LEFT;
    return { summaries: summariesOf(file, uri, text) };
  } catch (e) {
    return { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

const jobs: ReadJob[] = [];
let scheduled = false;

function schedule(): void {
  if (scheduled || jobs.length === 0) return;
  scheduled = true;
  setImmediate(slice);
}

/** One slice of the newest job: files until the slice's time or the batch is spent. */
function slice(): void {
  scheduled = false;
  const current = jobs[jobs.length - 1];
  if (!current) return;
  const results: Array<[number, ReadOutcome | typeof LEFT]> = [];
  const start = performance.now();
  let finished = false;
  while (results.length < BATCH && performance.now() - start < SLICE_MS) {
    if (Atomics.load(current.control, CANCELLED) !== 0) { finished = true; break; }
    const i = Atomics.add(current.control, NEXT, 1);
    if (i >= current.files.length) { finished = true; break; }
    results.push([i, readOne(current.files[i], current.uris[i], current.large)]);
  }
  if (results.length > 0) parentPort!.postMessage({ job: current.job, results } satisfies WorkerAnswer);
  if (finished) {
    jobs.splice(jobs.indexOf(current), 1);
    parentPort!.postMessage({ job: current.job, done: true } satisfies WorkerAnswer);
  }
  schedule();
}

parentPort?.on('message', (job: ReadJob) => {
  jobs.push(job);
  schedule();
});
