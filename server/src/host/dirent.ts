// What a directory entry is, a symbolic link followed: the CLI's walk and the language server's
// indexing both descend into linked folders and read linked files.
import * as fs from 'node:fs';

/** Throws when a link points nowhere (the caller decides whether that is worth saying). */
export async function entryKind(absolute: string, entry: fs.Dirent): Promise<{ isDir: boolean; isFile: boolean }> {
  if (!entry.isSymbolicLink()) return { isDir: entry.isDirectory(), isFile: entry.isFile() };
  const target = await fs.promises.stat(absolute);
  return { isDir: target.isDirectory(), isFile: target.isFile() };
}
