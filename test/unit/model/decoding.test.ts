// Bytes -> text as kubectl's FileVisitor decodes them (x/text BOMOverride over UTF-8), and the
// small-file reader used for the repository configuration.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { decodeManifest, readManifest, readOpenFile, readSmallFile } from '@kube-harden/server/out/host/read-manifest';

const TEXT = 'kind: Pod # é ✓ 😀\n';

describe('decoding manifests as kubectl does', () => {
  it('reads UTF-8, dropping a BOM and remembering it', () => {
    assert.deepEqual(decodeManifest(Buffer.from('\ufeff' + TEXT, 'utf8')), { raw: Buffer.from('\ufeff' + TEXT, 'utf8'), text: TEXT, bom: true, utf8: true });
    const plain = decodeManifest(Buffer.from(TEXT, 'utf8'));
    assert.deepEqual(['text' in plain && plain.text, 'bom' in plain && plain.bom], [TEXT, false]);
  });

  it('reads invalid UTF-8 with U+FFFD, as x/text does, and marks it not rewritable', () => {
    const d = decodeManifest(Buffer.from([0x61, 0xff, 0x62]));
    assert.ok(!('skipped' in d));
    assert.deepEqual([d.text, d.utf8], ['a\ufffdb', false]);
  });

  it('marks overlong forms, encoded surrogates and cut-off sequences as not UTF-8', () => {
    // "/" written in two bytes; U+D800 written as if it were a character; "é" missing its last byte.
    for (const bytes of [[0x61, 0xc0, 0xaf], [0x61, 0xed, 0xa0, 0x80], [0x61, 0xc3]]) {
      const d = decodeManifest(Buffer.from(bytes));
      assert.ok(!('skipped' in d));
      assert.equal(d.utf8, false, JSON.stringify(bytes));
    }
    const fine = decodeManifest(Buffer.from('a: "é 😀"', 'utf8'));
    assert.ok(!('skipped' in fine));
    assert.equal(fine.utf8, true);
  });

  it('reads UTF-16 LE and BE after their BOM, never to be rewritten as UTF-8', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]);
    for (const raw of [le, be]) {
      const d = decodeManifest(raw);
      assert.ok(!('skipped' in d));
      assert.deepEqual([d.text, d.bom, d.utf8], [TEXT, true, false]);
    }
  });

  it('refuses UTF-32, which kubectl cannot read', () => {
    const le = Buffer.from([0xff, 0xfe, 0, 0, 0x6b, 0, 0, 0]);
    const be = Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x6b]);
    for (const raw of [le, be]) assert.deepEqual(decodeManifest(raw), { skipped: 'UTF-32 text, which kubectl does not read (save it as UTF-8)' });
  });
});

describe('reading files', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-read-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('skips a file over the limit without reading it, unless it starts like JSON', async () => {
    const yamlFile = path.join(dir, 'big.yaml');
    fs.writeFileSync(yamlFile, 'a: 1\n'.repeat(400));
    assert.deepEqual(await readManifest(yamlFile, 1024), { skipped: 'file too large (2 KiB; the limit is 1 KiB, see maxFileSize)' });
    const jsonFile = path.join(dir, 'big.json');
    fs.writeFileSync(jsonFile, `{"a": "${'x'.repeat(4000)}"}`);
    const json = await readManifest(jsonFile, 1024);
    assert.ok('text' in json && json.text.length === 4009);
  });

  it('reads the repository file only when it is a small regular file', function () {
    const small = path.join(dir, 'small.yaml');
    fs.writeFileSync(small, 'level: baseline\n');
    assert.equal(readSmallFile(small, 1024), 'level: baseline\n');
    assert.throws(() => readSmallFile(small, 4), /too large \(16 bytes; at most 4 bytes is read\)/);
    assert.throws(() => readSmallFile(dir, 1024), /not a regular file|EISDIR/);
    if (process.platform === 'win32') return;
    const fifo = path.join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    // No writer: a blocking open would hang here.
    assert.throws(() => readSmallFile(fifo, 1024), /not a regular file/);
  });

  it('reads an open file to its end whatever size it was said to have', () => {
    const file = path.join(dir, 'sized.yaml');
    // Past one pooled buffer (8 KiB), so a file that outgrows its buffer is copied more than once.
    const text = 'kind: ConfigMap\n' + 'data:\n' + Array.from({ length: 900 }, (_, i) => `  k${i}: value-${i}\n`).join('');
    fs.writeFileSync(file, text);
    const size = fs.statSync(file).size;
    // Its size (what fstat said), none (a /proc file), less (a file that grew since), more (one that shrank).
    for (const said of [size, 0, 10, size + 100]) {
      const fd = fs.openSync(file, 'r');
      try {
        assert.equal(readOpenFile(fd, said).toString('utf8'), text, `said ${said}`);
      } finally {
        fs.closeSync(fd);
      }
    }
  });
});
