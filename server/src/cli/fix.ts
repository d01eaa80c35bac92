// `check --fix` / `--fix-unsafe`: the fixes of a file applied to a fixed point and written back in
// place. A file is never left half-written (a temporary file renamed over it), and a file that
// changed on disk after it was read (an editor saved it meanwhile) is not overwritten.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigInput, fixAll, FixSafety, LintOptions } from '../engine';
import { isHelmTemplatePath } from '../host/helm';
import { describe, SourceFile } from './files';
import { Io } from './io';

/** A file as read: the bytes (to see whether it changed since), and the text the engine gets. */
export interface FileContent {
  raw: Buffer;
  /** Without a byte-order mark: editors do not count it as a column. */
  text: string;
  bom: boolean;
  /** False when the bytes are not valid UTF-8: rewriting them would replace what cannot be decoded. */
  utf8: boolean;
}

export function decode(raw: Buffer): FileContent {
  let utf8 = true;
  try { new TextDecoder('utf-8', { fatal: true }).decode(raw); } catch { utf8 = false; }
  const decoded = raw.toString('utf8');
  const bom = decoded.charCodeAt(0) === 0xfeff;
  return { raw, text: bom ? decoded.slice(1) : decoded, bom, utf8 };
}

export interface FixOutcome {
  /** The text to report on: the fixed text when it was written, else the text as read. */
  text: string;
  /** Findings fixed (and written). */
  fixed: number;
  /** The file could not be written, or changed while it was being fixed: exit status 2. */
  failed: boolean;
}

export async function fixFile(file: SourceFile, content: FileContent, config: ConfigInput, safety: FixSafety, io: Io, lint?: LintOptions): Promise<FixOutcome> {
  const unchanged: FixOutcome = { text: content.text, fixed: 0, failed: false };
  if (!content.utf8) {
    io.err(`kube-harden: note: ${file.display}: not fixed (not valid UTF-8)\n`);
    return unchanged;
  }
  let result;
  try {
    result = fixAll(content.text, config, { safety, helmTemplate: isHelmTemplatePath(file.absolute), lint });
  } catch (e) {
    io.err(`kube-harden: internal error: ${file.display} could not be fixed: ${e instanceof Error ? e.message : String(e)}\n`);
    return unchanged;
  }
  for (const why of result.refused) io.err(`kube-harden: note: ${file.display}: fix not applied: ${why}\n`);
  if (!result.converged) {
    // Each pass's output was checked, but fixes that keep coming back are a bug: nothing is written.
    io.err(`kube-harden: internal error: ${file.display}: fixes did not settle after ${result.passes} passes; not written\n`);
    return { ...unchanged, failed: true };
  }
  if (result.text === content.text) return unchanged;
  const bytes = Buffer.from((content.bom ? '\ufeff' : '') + result.text, 'utf8');
  try {
    if (await replaceFile(file.absolute, content.raw, bytes) === 'changed') {
      io.err(`kube-harden: error: ${file.display}: changed on disk while it was being fixed; not written\n`);
      return { ...unchanged, failed: true };
    }
  } catch (e) {
    io.err(`kube-harden: error: ${file.display}: fixes not written: ${describe(e)}\n`);
    return { ...unchanged, failed: true };
  }
  return { text: result.text, fixed: result.fixed, failed: false };
}

/**
 * Replaces the content of `file` with `content` if it still holds `expected`. The new content
 * goes to a temporary file in the same directory (same file system: the rename is atomic), with
 * the original's mode, flushed to disk, then renamed over the original, so a reader sees the old
 * file or the new one, never a mix. The comparison just before the rename leaves only that
 * instant for a concurrent writer; a symbolic link is followed, so the link itself stays.
 */
export async function replaceFile(file: string, expected: Buffer, content: Buffer): Promise<'written' | 'changed'> {
  const target = await fs.promises.realpath(file);
  const stat = await fs.promises.stat(target);
  const mode = stat.mode & 0o7777;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.kube-harden-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const handle = await fs.promises.open(tmp, 'wx', mode);
    try {
      await handle.writeFile(content);
      // The mode given to open() passes through the umask: set it exactly. The owner can only
      // be kept where we may set it (as root, fixing someone else's file).
      await handle.chmod(mode);
      if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) await handle.chown(stat.uid, stat.gid).catch(() => {});
      await handle.sync();
    } finally {
      await handle.close();
    }
    const now = await fs.promises.readFile(target);
    if (!now.equals(expected)) return 'changed';
    await fs.promises.rename(tmp, target);
    renamed = true;
    return 'written';
  } finally {
    if (!renamed) await fs.promises.rm(tmp, { force: true });
  }
}
