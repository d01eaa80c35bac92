// Writing fixed text back to a file the user gave us, without surprising them: only inside the
// tree they named, never over a file they made read-only, never half-written, keeping owner,
// group and mode, and keeping hard links linked. A file changed on disk since it was read (an
// editor saved it meanwhile) is left alone.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WriteOutcome =
  | { status: 'written' }
  /** The bytes on disk are no longer those that were read. */
  | { status: 'changed' }
  /** Not written, for a reason the user should hear (read-only, outside the tree). */
  | { status: 'refused'; reason: string };

/**
 * The identities of the file a path reaches (links followed): its real path, and its device and
 * inode. Either one matching means the same file: a rename gives a replaced file a new inode but
 * keeps its real path, and hard links share the inode under different paths.
 */
export async function fileIdentities(file: string): Promise<string[]> {
  const [real, s] = await Promise.all([fs.promises.realpath(file), fs.promises.stat(file)]);
  return [`path:${real}`, `inode:${s.dev}:${s.ino}`];
}

/**
 * Why `file` (found while walking `root`) may not be written, or undefined: a symbolic link (of
 * the file or a folder on the way) that leads out of `root` would make a fix of this tree rewrite
 * a file elsewhere.
 */
export async function outsideTree(file: string, root: string): Promise<string | undefined> {
  const [real, realRoot] = await Promise.all([fs.promises.realpath(file), fs.promises.realpath(root)]);
  const rel = path.relative(realRoot, real);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? `a symbolic link to ${real}, outside ${root}` : undefined;
}

/**
 * A file whose mode grants nobody write access was made read-only on purpose (`chmod a-w`, a
 * checked-out read-only tree): a fix does not override that, even when the process could (root).
 * Otherwise the process's own access decides.
 */
async function readOnlyReason(target: string, stat: fs.Stats): Promise<string | undefined> {
  if ((stat.mode & 0o222) === 0) return 'the file is read-only';
  try {
    await fs.promises.access(target, fs.constants.W_OK);
    return undefined;
  } catch {
    return 'permission denied';
  }
}

/**
 * Replaces the content of `file` with `content` if it still holds `expected`.
 *
 * A file with one link: the new content goes to a temporary file in the same directory (same
 * file system: the rename is atomic) with the original's mode, owner and group, flushed, then
 * renamed over the original, so a reader sees the old file or the new one, never a mix.
 *
 * A file with several hard links: a rename would detach this name from the others, so the
 * content is written through the same inode instead (truncate and write; the bytes are compared
 * just before). A symbolic link is followed: the link stays, its target gets the content.
 */
export async function replaceFile(file: string, expected: Buffer, content: Buffer): Promise<WriteOutcome> {
  const target = await fs.promises.realpath(file);
  const stat = await fs.promises.stat(target);
  const denied = await readOnlyReason(target, stat);
  if (denied) return { status: 'refused', reason: denied };
  if (stat.nlink > 1) return writeInPlace(target, expected, content);
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
    if (!now.equals(expected)) return { status: 'changed' };
    await fs.promises.rename(tmp, target);
    renamed = true;
    return { status: 'written' };
  } finally {
    if (!renamed) await fs.promises.rm(tmp, { force: true });
  }
}

async function writeInPlace(target: string, expected: Buffer, content: Buffer): Promise<WriteOutcome> {
  const handle = await fs.promises.open(target, 'r+');
  try {
    const now = await handle.readFile();
    if (!now.equals(expected)) return { status: 'changed' };
    await handle.truncate(0);
    await handle.write(content, 0, content.length, 0);
    await handle.sync();
    return { status: 'written' };
  } finally {
    await handle.close();
  }
}
