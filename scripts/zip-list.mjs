// Reads a zip file (a .vsix is one) from its central directory, without unzip.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { inflateRawSync } from 'node:zlib';

function endOfCentralDirectory(file, buf) {
  // The end-of-central-directory record is in the last 22 bytes + up to 64 KiB of comment.
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return { count: buf.readUInt16LE(i + 10), start: buf.readUInt32LE(i + 16) };
  }
  throw new Error(`${file} is not a zip file (no end of central directory)`);
}

/** Each central directory entry: name, uncompressed size, method, compressed size, local header. */
function* centralDirectory(file, buf) {
  const { count, start } = endOfCentralDirectory(file, buf);
  let at = start;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${n}`);
    const nameLen = buf.readUInt16LE(at + 28), extraLen = buf.readUInt16LE(at + 30), commentLen = buf.readUInt16LE(at + 32);
    yield {
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
      size: buf.readUInt32LE(at + 24),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      local: buf.readUInt32LE(at + 42),
    };
    at += 46 + nameLen + extraLen + commentLen;
  }
}

/** @returns {{ name: string, size: number }[]} the entries, `size` uncompressed. */
export function zipEntries(file) {
  return [...centralDirectory(file, readFileSync(file))].map(({ name, size }) => ({ name, size }));
}

/** Writes every file entry of the zip under `dir` (stored or deflated entries, as vsce writes). */
export function unzipTo(file, dir) {
  const buf = readFileSync(file);
  for (const { name, method, compressed, local } of centralDirectory(file, buf)) {
    if (name.endsWith('/')) continue;
    const target = resolve(dir, name);
    if (!target.startsWith(resolve(dir) + sep)) throw new Error(`${file}: entry ${name} points outside the target`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + compressed);
    mkdirSync(dirname(target), { recursive: true });
    if (method === 0) writeFileSync(target, data);
    else if (method === 8) writeFileSync(target, inflateRawSync(data));
    else throw new Error(`${file}: entry ${name} uses compression method ${method}`);
  }
}
