// Bytes on disk -> the text kubectl would read. `kubectl apply -f` opens a file through
// golang.org/x/text's unicode.BOMOverride(unicode.UTF8.NewDecoder()) (cli-runtime
// pkg/resource/visitor.go): a UTF-16 LE or BE byte-order mark makes it UTF-16, a UTF-8 BOM is
// dropped, anything else is UTF-8 with invalid bytes read as U+FFFD. Nothing else is recognised:
// a UTF-32 file decodes to text full of NULs, which go-yaml refuses, so kubectl applies nothing.
import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
// The engine's reading entry, not its index: the indexing workers read files through this and
// should not load every rule to do it.
import { formatSize, tooLarge } from '../engine/reading';

export interface ManifestText {
  raw: Buffer;
  /** Without the byte-order mark: editors do not count it as a column. */
  text: string;
  bom: boolean;
  /**
   * False unless the bytes are valid UTF-8: rewriting them (fixes) would replace what could not
   * be decoded, or turn a UTF-16 file into UTF-8.
   */
  utf8: boolean;
}

export type ReadResult = ManifestText | { skipped: string };

/** Past this even a JSON file is not read to see whether it is Kubernetes. */
const HARD_LIMIT = 256 * 1024 * 1024;

export function decodeManifest(raw: Buffer): ReadResult {
  const b0 = raw[0], b1 = raw[1];
  if ((b0 === 0xff && b1 === 0xfe && raw[2] === 0 && raw[3] === 0) || (b0 === 0 && b1 === 0 && raw[2] === 0xfe && raw[3] === 0xff)) {
    return { skipped: 'UTF-32 text, which kubectl does not read (save it as UTF-8)' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { raw, text: raw.subarray(2).toString('utf16le'), bom: true, utf8: false };
  if (b0 === 0xfe && b1 === 0xff) return { raw, text: swapBytes(raw.subarray(2)).toString('utf16le'), bom: true, utf8: false };
  // Validated without decoding a second time (a strict TextDecoder would build the text twice).
  const utf8 = isUtf8(raw);
  const decoded = raw.toString('utf8');
  const bom = decoded.charCodeAt(0) === 0xfeff;
  return { raw, text: bom ? decoded.slice(1) : decoded, bom, utf8 };
}

function swapBytes(bytes: Buffer): Buffer {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16();
}

/**
 * Reads a manifest unless it is larger than `maxBytes`. A larger file that starts like JSON is
 * still read (up to a hard bound) so that the engine can tell a lock file, which is not
 * Kubernetes, from a manifest too large to judge; the engine applies the limit to the rest.
 * Synchronous: the CLI reads one file after another with nothing to do meanwhile, and a trip
 * through the thread pool for each of open, stat, read and close costs more than the reading.
 */
export function readManifest(file: string, maxBytes: number): ReadResult {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { skipped: 'not a regular file' };
    if (stat.size > maxBytes && (stat.size > HARD_LIMIT || !startsLikeJson(fd))) {
      return { skipped: tooLarge(stat.size, maxBytes) };
    }
    return decodeManifest(readOpenFile(fd, stat.size));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The rest of an open file whose size fstat gave: one read into a buffer of that size and a byte
 * more (fs.readFileSync on a descriptor would fstat it again and read in steps). A file that
 * grew meanwhile, or one whose size the system does not know (`/proc`), is read to its end.
 */
export function readOpenFile(fd: number, size: number): Buffer {
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
  }
}

function startsLikeJson(fd: number): boolean {
  const head = Buffer.alloc(512);
  const bytesRead = fs.readSync(fd, head, 0, head.length, 0);
  const text = head.subarray(0, bytesRead).toString('utf8').replace(/^\ufeff/, '').trimStart();
  return text.startsWith('{') || text.startsWith('[');
}

/** A repository file is a few lines of settings: more is not a configuration, and is not read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A small file the tool reads for itself (a repository configuration): only a regular file, only
 * up to `maxBytes`, so a FIFO or a device named like it cannot hang the run nor a huge one fill
 * memory. Throws with a message for the user otherwise.
 */
export function readSmallFile(file: string, maxBytes: number): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > maxBytes) throw new Error(`too large (${formatSize(stat.size)}; at most ${formatSize(maxBytes)} is read)`);
    const decoded = decodeManifest(fs.readFileSync(fd));
    if ('skipped' in decoded) throw new Error(decoded.skipped);
    return decoded.text;
  } finally {
    fs.closeSync(fd);
  }
}
