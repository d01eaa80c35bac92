// What a render read through its FileSource, answer by answer, so a later use of what it built
// can tell whether every read would still be answered the same (the editor's renders, kept builds).
import { FileSource } from './file-source';

export type Read = { op: 'readFile' | 'listDir' | 'kindOf'; path: string; answer: string | string[] | undefined };

/** The read as kept: a listing is copied (the source may hand out its own array). */
export function keptRead(op: Read['op'], path: string, answer: Read['answer']): Read {
  return { op, path, answer: Array.isArray(answer) ? answer.slice() : answer };
}

/** True when `source` answers every read as it did then (it is asked again). */
export function readsHold(reads: readonly Read[], source: FileSource): boolean {
  for (const r of reads) {
    const now = source[r.op](r.path);
    if (Array.isArray(now) || Array.isArray(r.answer)) {
      if (!Array.isArray(now) || !Array.isArray(r.answer) || now.length !== r.answer.length || now.some((n, i) => n !== (r.answer as string[])[i])) return false;
    } else if (now !== r.answer) return false;
  }
  return true;
}

/** Results kept with the reads that decided them (see readsKeep). */
export type ReadsMemo<T> = Map<string, { reads: Read[]; value: T }>;

/**
 * `compute(fs)` under `key`, kept with what it read: while `fs` answers every one of those reads
 * as then, the kept value is the answer (the same object: callers must not change it). A keystroke
 * in a resource or a patch leaves the kustomizations' answers as they were. `limit` entries are
 * kept, the least recently used go first.
 */
export function readsKeep<T>(memo: ReadsMemo<T>, limit: number, key: string, fs: FileSource, compute: (fs: FileSource) => T): T {
  const hit = memo.get(key);
  if (hit && readsHold(hit.reads, fs)) {
    memo.delete(key);
    memo.set(key, hit);
    return hit.value;
  }
  const reads: Read[] = [];
  const keep = <A extends Read['answer']>(op: Read['op'], path: string, answer: A): A => { reads.push(keptRead(op, path, answer)); return answer; };
  const recording: FileSource = {
    readFile: (path) => keep('readFile', path, fs.readFile(path)),
    listDir: (path) => keep('listDir', path, fs.listDir(path)),
    kindOf: (path) => keep('kindOf', path, fs.kindOf(path)),
  };
  const value = compute(recording);
  memo.delete(key);
  memo.set(key, { reads, value });
  if (memo.size > limit) memo.delete(memo.keys().next().value!);
  return value;
}
