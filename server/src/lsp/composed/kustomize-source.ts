// The files the Kustomize renderer reads in the editor: the text of open documents first (unsaved
// edits count), then the disk, read as kubectl reads it (BOMs, UTF-16) and within the engine's
// size limit. Disk reads are kept until a file event says the disk changed, so a keystroke
// re-reads only what is open. A recording layer lists what one render read, so the render can be
// reused while none of it changed.
import * as fs from 'node:fs';
import { FileSource, keptRead, KustomizeRead as Read, kustomizeReadsHold as readsHold, MAX_TEXT_LENGTH } from '../../engine';
import { decodeManifest } from '../../host/read-manifest';

// Whether recorded reads still hold is the renderer's own question too (kept builds): one answer.
export { readsHold };

/** Synchronous: the renderer is, and a root reads a handful of small files. */
export class EditorFileSource implements FileSource {
  private readonly texts = new Map<string, string | undefined>();
  private readonly kinds = new Map<string, 'file' | 'dir' | undefined>();
  private readonly listings = new Map<string, string[] | undefined>();

  /** `openText`: the text of the open document at this absolute path, if one is open. */
  constructor(private readonly openText: (path: string) => string | undefined) {}

  /** Something changed on disk (a file event): everything is read again. */
  diskChanged(): void {
    this.texts.clear();
    this.kinds.clear();
    this.listings.clear();
  }

  readFile(path: string): string | undefined {
    const open = this.openText(path);
    if (open !== undefined) return open;
    if (!this.texts.has(path)) this.texts.set(path, readDisk(path));
    return this.texts.get(path);
  }

  /**
   * A file's bytes (a generator's input that is not UTF-8 is kept as bytes): an open document is
   * text, so only the disk's. Not kept: asked only for generator files, once per render.
   */
  readBytes(path: string): Uint8Array | undefined {
    if (this.openText(path) !== undefined) return undefined;
    try {
      const st = fs.statSync(path);
      return st.isFile() && st.size <= MAX_TEXT_LENGTH ? new Uint8Array(fs.readFileSync(path)) : undefined;
    } catch {
      return undefined;
    }
  }

  listDir(path: string): string[] | undefined {
    if (!this.listings.has(path)) {
      let names: string[] | undefined;
      try { names = fs.readdirSync(path).sort(); } catch { names = undefined; }
      this.listings.set(path, names);
    }
    return this.listings.get(path)?.slice();
  }

  kindOf(path: string): 'file' | 'dir' | undefined {
    // An open document may not be saved yet: it is a file all the same.
    if (this.openText(path) !== undefined) return 'file';
    if (!this.kinds.has(path)) {
      let kind: 'file' | 'dir' | undefined;
      try {
        const st = fs.statSync(path);
        kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
      } catch { kind = undefined; }
      this.kinds.set(path, kind);
    }
    return this.kinds.get(path);
  }
}

function readDisk(path: string): string | undefined {
  try {
    const st = fs.statSync(path);
    if (!st.isFile() || st.size > MAX_TEXT_LENGTH) return undefined;
    const decoded = decodeManifest(fs.readFileSync(path));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}

/** A FileSource over another that keeps every answer it gave, to tell later whether they still hold. */
export class RecordingSource implements FileSource {
  readonly reads: Read[] = [];
  constructor(private readonly inner: FileSource) {}

  readFile(path: string): string | undefined { return this.keep('readFile', path, this.inner.readFile(path)); }
  /** The bytes follow the text: recorded as a read of the text, which changes when they do. */
  readBytes(path: string): Uint8Array | undefined { this.readFile(path); return this.inner.readBytes?.(path); }
  listDir(path: string): string[] | undefined { return this.keep('listDir', path, this.inner.listDir(path)); }
  kindOf(path: string): 'file' | 'dir' | undefined { return this.keep('kindOf', path, this.inner.kindOf(path)); }

  private keep<T extends Read['answer']>(op: Read['op'], path: string, answer: T): T {
    this.reads.push(keptRead(op, path, answer));
    return answer;
  }
}

/**
 * The recorded reads updated to what `source` answers now, when every read answers the same
 * except file texts that `alike(path, before, after)` accepts; undefined otherwise.
 */
export function readsAlike(reads: readonly Read[], source: FileSource, alike: (path: string, before: string, after: string) => boolean): Read[] | undefined {
  const out: Read[] = [];
  for (const r of reads) {
    if (readsHold([r], source)) { out.push(r); continue; }
    const now = source.readFile(r.path);
    if (r.op !== 'readFile' || typeof r.answer !== 'string' || now === undefined || !alike(r.path, r.answer, now)) return undefined;
    out.push({ ...r, answer: now });
  }
  return out;
}
