// Runs in a worker thread: reads and summarises files from disk for the workspace model. A large
// manifest (an Argo CD or Istio install is megabytes of YAML) takes seconds to parse; here that
// time never blocks the language server's event loop.
//
// A job is a list of files shared by the participants of a read (readSlice.ts). Reads are
// synchronous (blocking this thread costs nothing) and answered in batches, one message per
// slice of work rather than one per file. Between slices the worker's own event loop turns, so
// a newer job (a file the user saved, while the folders are being indexed) is served next
// instead of after the whole pass.
//
// Parsing takes memory many times the size of the text (a 2 MB install is tens of megabytes of
// nodes until it is summarised), and a worker's heap stays grown for a while after. So only one
// worker of a job parses large files: the others leave them to it, and stay small.
import { parentPort } from 'node:worker_threads';
import { LARGE_FILE, ReadJob, WorkerAnswer } from './indexProtocol';
import { ReadPace, readSlice } from './readSlice';

/** Work between two turns of the worker's event loop, and so at most between two answers. */
const SLICE_MS = 20;
/** Files per answer at most: bounds the work of storing one answer on the main thread. */
const BATCH = 256;

/** A worker's pace: the large-file worker reads anything, the others leave large files to it. */
const ANY: ReadPace = { limit: Infinity };
const NOT_LARGE: ReadPace = { limit: LARGE_FILE };

const jobs: ReadJob[] = [];
let scheduled = false;

function schedule(): void {
  if (scheduled || jobs.length === 0) return;
  scheduled = true;
  setImmediate(slice);
}

/** One slice of the newest job. */
function slice(): void {
  scheduled = false;
  const current = jobs[jobs.length - 1];
  if (!current) return;
  const { results, finished } = readSlice(current, current.large ? ANY : NOT_LARGE, SLICE_MS, BATCH);
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
