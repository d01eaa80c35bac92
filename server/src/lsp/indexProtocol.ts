// What the language server and its indexing workers (indexWorker.ts) say to each other: a job
// of files with a control block in shared memory, and the answers. Apart from the worker's
// script so the server can use it without loading that script, which listens for jobs.
import type { ObjectSummary } from '../engine/reading';

/** control[NEXT]: the next file to take; control[CANCELLED]: non-zero once the job is abandoned. */
export const NEXT = 0;
export const CANCELLED = 1;
export const CONTROL_CELLS = 2;

/** Files larger than this (bytes) are parsed by the job's large-file worker only. */
export const LARGE_FILE = 256 * 1024;

export interface ReadJob {
  job: number;
  files: string[];
  uris: string[];
  /** CONTROL_CELLS Int32 cells on a SharedArrayBuffer, shared with the other workers. */
  control: Int32Array;
  /** This worker parses large files; otherwise it answers LEFT for them. */
  large: boolean;
}

/** What one file contributes (undefined: it no longer exists), or why it could not be read. */
export type ReadOutcome = { summaries: ObjectSummary[] | undefined } | { error: string };

/** A large file left for the large-file worker. */
export const LEFT = 'left';

export type WorkerAnswer =
  | { job: number; results: Array<[index: number, outcome: ReadOutcome | typeof LEFT]> }
  /** This worker takes no more files of the job (all taken, or cancelled). */
  | { job: number; done: true };
