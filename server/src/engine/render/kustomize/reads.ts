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
