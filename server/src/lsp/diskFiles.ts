// The workspace folders on disk: which manifest files they hold (walked asynchronously, so the
// server keeps answering), and what one file contributes to the workspace model. Only the
// summaries are kept; the text and its parse are garbage as soon as a file is summarised.
import * as fs from 'node:fs';
import * as path from 'node:path';
// The engine's reading entry, not its index: the indexing workers load this file and need the
// parser and the summaries, not every rule (that would add a quarter second to each start).
import { MAX_TEXT_LENGTH, ObjectSummary, ParsedFile, parseFile, summarizeText } from '../engine/reading';
import { decodeManifest } from '../host/read-manifest';
import { entryKind, listFolderOnce } from '../host/dirent';
import { yieldToEventLoop } from './slices';
import { helmPlace } from '../host/helm';
import { FolderExclusions } from './exclusions';

const MANIFEST = /\.(ya?ml|json)$/i;

export function isManifestPath(file: string): boolean {
  return MANIFEST.test(file);
}

export interface Cancellable { readonly cancelled: boolean }

/** The walk's work between two turns of the event loop (ms). */
const LIST_SLICE_MS = 5;

/**
 * The manifest files under `exclusions.folder`, in a stable order (depth first, names by code
 * unit), skipping what is excluded. Symbolic links to directories are followed once (a link back
 * up the tree is not a loop). Walked in slices of the event loop's time; a cancelled job stops it
 * (its caller drops the list).
 */
export async function listManifests(exclusions: FolderExclusions, job: Cancellable): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  // The folders being listed, innermost last, each with its next entry.
  // `rel`: the folder's path relative to the walk's, '/'-separated, with a trailing '/' ('' at the top).
  const open: Array<{ dir: string; rel: string; entries: fs.Dirent[]; next: number }> = [];
  const enter = (dir: string, rel: string) => {
    try {
      const entries = listFolderOnce(dir, visited);
      if (entries) open.push({ dir, rel, entries, next: 0 });
    } catch {
      // unreadable folders hold nothing we can model
    }
  };
  enter(exclusions.folder, '');
  let sliceStart = performance.now();
  while (open.length > 0 && !job.cancelled) {
    if (performance.now() - sliceStart >= LIST_SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    const top = open[open.length - 1];
    if (top.next === top.entries.length) { open.pop(); continue; }
    const entry = top.entries[top.next++];
    const absolute = path.join(top.dir, entry.name);
    let kind: { isDir: boolean; isFile: boolean };
    try {
      kind = entryKind(absolute, entry);
    } catch {
      continue; // a link that points nowhere
    }
    const { isDir, isFile } = kind;
    if (!isDir && !(isFile && isManifestPath(entry.name))) continue;
    const rel = top.rel + entry.name;
    if (exclusions.excludesEntry(rel, absolute)) continue;
    if (isDir) enter(absolute, `${rel}/`);
    else files.push(absolute);
  }
  return files;
}

/**
 * The text of a manifest file on disk: '' when it is too large for the engine or unreadable,
 * undefined when it no longer exists.
 */
export async function readManifestText(file: string): Promise<string | undefined> {
  let raw: Buffer;
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile()) return undefined;
    // Not read at all: the engine would refuse it anyway, and reading it could exhaust memory.
    if (stat.size > MAX_TEXT_LENGTH) return '';
    raw = await fs.promises.readFile(file);
  } catch (e) {
    return unreadable(e);
  }
  return manifestText(raw);
}

/**
 * readManifestText for a worker thread, where blocking costs nothing and each file is one open,
 * fstat, read and close instead of a trip through the thread pool per call. Opened without
 * blocking, so a FIFO named like a manifest cannot hang the reader: it is not a file, and not read.
 * A file of more than `leaveAbove` bytes is left unread: its size is the answer.
 */
export function readManifestTextSync(file: string, leaveAbove = Infinity): string | undefined | { size: number } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_TEXT_LENGTH) return '';
    if (stat.size > leaveAbove) return { size: stat.size };
    // Read and decoded as UTF-8 in one call (Node's fastest read). A file that may be UTF-16 or
    // UTF-32 (its first byte 00, FE or FF decodes to NUL or U+FFFD) is read again as bytes.
    const text = fs.readFileSync(fd, 'utf8');
    const first = text.charCodeAt(0);
    if (first === 0 || first === 0xfffd) return manifestText(bytesFromStart(fd, stat.size));
    return first === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    return unreadable(e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** An open file's bytes from its start, wherever reading it has left the descriptor. */
function bytesFromStart(fd: number, size: number): Buffer {
  const raw = Buffer.allocUnsafe(size);
  let length = 0;
  for (let n = 1; n > 0 && length < size; length += n) n = fs.readSync(fd, raw, length, size - length, length);
  return raw.subarray(0, length);
}

/** A file that is gone contributes nothing and leaves the model; any other failure contributes nothing. */
function unreadable(e: unknown): '' | undefined {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : '';
}

/** As kubectl decodes it (UTF-16 with a BOM included); what it cannot read contributes nothing. */
function manifestText(raw: Buffer): string {
  const decoded = decodeManifest(raw);
  return 'text' in decoded ? decoded.text : '';
}

/** The file's parse, as the editor would parse it (chart templates are known by their place). */
export function parseDiskText(file: string, text: string): ParsedFile {
  return parseFile(text, helmPlace(file));
}

/**
 * What the text read from `file` contributes to the model (readManifestText's answer: undefined
 * when the file is gone, '' when it could not be read): its summaries, none when it holds no
 * object (or is a chart template, too large). Each document is summarised and dropped as soon as
 * it is parsed, so a large install's parse is never all in memory.
 */
export function summariesOf(file: string, uri: string, text: string | undefined): ObjectSummary[] | undefined {
  if (text === undefined) return undefined;
  return text ? summarizeText(uri, text, helmPlace(file)) : [];
}
