// Packaged subcharts: the host unpacks charts/*.tgz (gzip + tar) within bounds.
import * as assert from 'node:assert/strict';
import * as zlib from 'node:zlib';
import { readTgz, unpackSubchart } from '@kube-harden/server/out/host/chart-archive';

/** A ustar archive of the given files, built by hand (the format is the point of the test). */
function tar(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100);
    h.write('0000644\0', 100); h.write('0000000\0', 108); h.write('0000000\0', 116);
    h.write(body.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\u000000', 257);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

describe('packaged subcharts', () => {
  const limits = { maxFiles: 100, maxBytes: 1 << 20 };
  it('places the entries under the archive\'s subchart folder, dropping their first folder', () => {
    const data = zlib.gzipSync(tar({ 'common/Chart.yaml': 'name: common\n', 'common/templates/_a.tpl': 'x', 'common/../evil': 'no' }));
    assert.deepEqual(unpackSubchart('charts/common-0.0.5.tgz', data, limits), [
      { path: 'charts/common-0.0.5/Chart.yaml', text: 'name: common\n' },
      { path: 'charts/common-0.0.5/templates/_a.tpl', text: 'x' },
    ]);
  });
  it('refuses damaged, non-gzip, too many files and too large archives', () => {
    assert.throws(() => readTgz(Buffer.from('plain text'), limits), /not a gzip archive/);
    const many = zlib.gzipSync(tar({ 'c/a': '1', 'c/b': '2', 'c/c': '3' }));
    assert.throws(() => readTgz(many, { maxFiles: 2, maxBytes: 1 << 20 }), /more than 2 files/);
    assert.throws(() => readTgz(zlib.gzipSync(Buffer.alloc(1 << 16, 1)), { maxFiles: 10, maxBytes: 1024 }), /unpacks to more than 1024 bytes/);
    const t = tar({ 'c/a': 'x'.repeat(600) });
    assert.throws(() => readTgz(zlib.gzipSync(t.subarray(0, 700)), limits), /damaged tar entry/);
  });
});
