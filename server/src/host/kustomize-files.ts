// The disk-backed FileSource the Kustomize renderer reads through (CLI; the language server
// layers open documents over it). Synchronous: a render reads a handful of small files.
import * as fs from 'node:fs';
import type { FileSource } from '../engine';

/** Files larger than this are treated as unreadable rather than loaded into memory. */
const MAX_BYTES = 16 * 1024 * 1024;

export function diskFileSource(): FileSource {
  return {
    readFile(path) {
      try {
        const st = fs.statSync(path);
        if (!st.isFile() || st.size > MAX_BYTES) return undefined;
        return fs.readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    readBytes(path) {
      try {
        const st = fs.statSync(path);
        if (!st.isFile() || st.size > MAX_BYTES) return undefined;
        return new Uint8Array(fs.readFileSync(path));
      } catch {
        return undefined;
      }
    },
    listDir(path) {
      try { return fs.readdirSync(path).sort(); } catch { return undefined; }
    },
    kindOf(path) {
      try {
        const st = fs.statSync(path);
        return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
