// One slice of a read job, run by whichever thread takes part in it: an indexing worker
// (indexWorker.ts) or the server's own event loop (diskReader.ts). Each participant takes the
// next file from a counter in shared memory, so the files are spread by how long they take, not
// by how many there are, and a file is read by one participant only.
import { readManifestTextSync, summariesOf } from './diskFiles';
import { CANCELLED, LEFT, NEXT, ReadOutcome } from './indexProtocol';

export interface SliceSource {
  files: readonly string[];
  uris: readonly string[];
  /** The job's control block (indexProtocol.ts), shared by its participants. */
  control: Int32Array;
}

/** Which files a participant reads: those up to `limit` bytes; it learns from each read if it will. */
export interface ReadPace {
  readonly limit: number;
  observe?(chars: number, ms: number): void;
}

export type SliceResult = Array<[index: number, outcome: ReadOutcome | typeof LEFT]>;

/**
 * The outcome of one file, never a throw; LEFT for a file of more than `pace.limit` bytes.
 * `copyAbove`: the summaries of a text longer than this are copied (see diskReader.ts).
 */
export function readOne(file: string, uri: string, pace: ReadPace, copyAbove = Infinity): ReadOutcome | typeof LEFT {
  try {
    const text = readManifestTextSync(file, pace.limit);
    if (typeof text === 'object') return LEFT;
    const start = performance.now();
    const summaries = summariesOf(file, uri, text);
    pace.observe?.(text?.length ?? 0, performance.now() - start);
    return { summaries: summaries && text && text.length > copyAbove ? structuredClone(summaries) : summaries };
  } catch (e) {
    return { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/**
 * Files of `source` until `ms` have passed or `batch` files are answered. `finished`: no file is
 * left to take (or the job was abandoned), so this participant is done with the job.
 */
export function readSlice(source: SliceSource, pace: ReadPace, ms: number, batch: number, copyAbove = Infinity): { results: SliceResult; finished: boolean } {
  const results: SliceResult = [];
  const start = performance.now();
  while (results.length < batch && performance.now() - start < ms) {
    if (Atomics.load(source.control, CANCELLED) !== 0) return { results, finished: true };
    const i = Atomics.add(source.control, NEXT, 1);
    if (i >= source.files.length) return { results, finished: true };
    results.push([i, readOne(source.files[i], source.uris[i], pace, copyAbove)]);
  }
  return { results, finished: false };
}
