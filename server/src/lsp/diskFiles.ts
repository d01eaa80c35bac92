// The workspace folders on disk: which manifest files they hold (walked asynchronously, so the
// server keeps answering), and what one file contributes to the workspace model. Only the
// summaries are kept; the text and its parse are garbage as soon as a file is summarised.
import * as fs from 'node:fs';
import * as path from 'node:path';
// The engine's reading entry, not its index: the indexing workers load this file and need the
// parser and the summaries, not every rule (that would add a quarter second to each start).
import { MAX_TEXT_LENGTH, ObjectSummary, ParsedFile, parseFile, summarizeFile } from '../engine/reading';
import { decodeManifest, readOpenFile } from '../host/read-manifest';
import { entryKind } from '../host/dirent';
import { isHelmTemplatePath } from '../host/helm';
import { FolderExclusions } from './exclusions';

const MANIFEST = /\.(ya?ml|json)$/i;

export function isManifestPath(file: string): boolean {
  return MANIFEST.test(file);
}

export interface Cancellable { readonly cancelled: boolean }

/**
 * The manifest files under `exclusions.folder`, in a stable order, skipping what is excluded.
 * Symbolic links to directories are followed once (a link back up the tree is not a loop).
 */
export async function listManifests(exclusions: FolderExclusions, job: Cancellable): Promise<string[]> {
  const files: string[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = await fs.promises.realpath(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders hold nothing we can model
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (job.cancelled) return;
      const absolute = path.join(dir, entry.name);
      const kind = await entryKind(absolute, entry).catch(() => undefined);
      if (!kind) continue; // a link that points nowhere
      const { isDir, isFile } = kind;
      if (!isDir && !(isFile && isManifestPath(entry.name))) continue;
      if (exclusions.excludes(absolute, true)) continue;
      if (isDir) await walk(absolute);
      else files.push(absolute);
    }
  };
  await walk(exclusions.folder);
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
    return manifestText(readOpenFile(fd, stat.size));
  } catch (e) {
    return unreadable(e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A file that is gone contributes nothing and leaves the model; any other failure contributes nothing. */
function unreadable(e: unknown): '' | undefined {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : '';
}

/** As kubectl decodes it (UTF-16 with a BOM included); what it cannot read contributes nothing. */
function manifestText(raw: Buffer): string {
  // Only a file starting with 00, FE or FF can be UTF-16 or UTF-32 (decodeManifest tells them
  // apart). Any other is UTF-8, decoded as decodeManifest does, without its check that every
  // byte is valid UTF-8: that is a second decoding of the file, and the model never rewrites it.
  const b0 = raw[0];
  if (b0 === 0x00 || b0 === 0xfe || b0 === 0xff) {
    const decoded = decodeManifest(raw);
    return 'text' in decoded ? decoded.text : '';
  }
  const text = raw.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The file's parse, as the editor would parse it (chart templates are known by their place). */
export function parseDiskText(file: string, text: string): ParsedFile {
  return parseFile(text, { helmTemplate: isHelmTemplatePath(file) });
}

/**
 * What the file on disk contributes to the model: its summaries, none when it holds no object
 * (or is a chart template, too large, unreadable), or undefined when it no longer exists.
 */
export async function summarizeDiskFile(file: string, uri: string): Promise<ObjectSummary[] | undefined> {
  return summariesOf(file, uri, await readManifestText(file));
}

/**
 * What the text read from `file` contributes (readManifestText's answer: undefined when the file
 * is gone, '' when it could not be read).
 */
export function summariesOf(file: string, uri: string, text: string | undefined): ObjectSummary[] | undefined {
  if (text === undefined) return undefined;
  return text ? summarizeFile(uri, parseDiskText(file, text)) : [];
}
