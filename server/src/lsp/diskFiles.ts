// The workspace folders on disk: which manifest files they hold (walked asynchronously, so the
// server keeps answering), and what one file contributes to the workspace model. Only the
// summaries are kept; the text and its parse are garbage as soon as a file is summarised.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParsedFile, parseFile } from '../engine';
import { MAX_TEXT_LENGTH, ObjectSummary, summarizeFile } from '../engine';
import { decodeManifest } from '../host/read-manifest';
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
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : '';
  }
  // As kubectl decodes it (UTF-16 with a BOM included); what it cannot read contributes nothing.
  const decoded = decodeManifest(raw);
  return 'text' in decoded ? decoded.text : '';
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
  const text = await readManifestText(file);
  if (text === undefined) return undefined;
  return text ? summarizeFile(uri, parseDiskText(file, text)) : [];
}
