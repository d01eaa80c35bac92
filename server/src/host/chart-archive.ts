// Packaged subcharts (charts/x.tgz) unpacked for the pure renderer: gzip through node:zlib, the
// tar format read here (ustar, with PAX and GNU long names), bounded like a chart folder.
import * as zlib from 'node:zlib';
import type { ChartFile } from '../engine';

export class ArchiveError extends Error {}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
}

/** Files of a gzipped tar, names as stored; throws ArchiveError past the bounds or on damage. */
export function readTgz(data: Buffer, limits: { maxFiles: number; maxBytes: number }): Array<{ name: string; text: string }> {
  let tar: Buffer;
  try { tar = zlib.gunzipSync(data, { maxOutputLength: limits.maxBytes }); } catch (e) {
    throw new ArchiveError(e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? `unpacks to more than ${limits.maxBytes} bytes` : `not a gzip archive: ${e instanceof Error ? e.message : String(e)}`);
  }
  const out: Array<{ name: string; text: string }> = [];
  let at = 0;
  let longName: string | undefined;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every(b => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size) || size < 0 || at + 512 + size > tar.length) throw new ArchiveError('damaged tar entry');
    const type = String.fromCharCode(header[156] || 48);
    const body = tar.subarray(at + 512, at + 512 + size);
    const prefix = field(header, 345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if (type === 'L') longName = body.toString('utf8').replace(/\0+$/, '');
    else if (type === 'x') {
      const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (m) longName = m[1];
    } else if (type === '0' || type === '7') {
      if (out.length >= limits.maxFiles) throw new ArchiveError(`more than ${limits.maxFiles} files`);
      name = name.replace(/^\.\//, '');
      out.push({ name, text: body.toString('utf8') });
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/**
 * The chart files an archive under `charts/` stands for: Helm's loader drops each entry's first
 * folder (the chart's name) and places the rest under the archive's own subchart folder.
 */
export function unpackSubchart(archivePath: string, data: Buffer, limits: { maxFiles: number; maxBytes: number }): ChartFile[] {
  const folder = archivePath.replace(/\.(tgz|tar\.gz)$/, '');
  return readTgz(data, limits)
    .map(e => ({ rest: e.name.split('/').slice(1).join('/'), text: e.text }))
    .filter(e => e.rest && !e.rest.split('/').includes('..'))
    .map(e => ({ path: `${folder}/${e.rest}`, text: e.text }));
}
