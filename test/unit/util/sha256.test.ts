// The engine's SHA-256 against the FIPS 180-4 examples and node:crypto at the padding edges.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256, sha256Hex } from '@kube-harden/server/out/engine/util/sha256';

const nodeHex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto on every length around the 64-byte block and its padding', () => {
    for (let n = 0; n <= 200; n++) {
      const data = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      assert.equal(Buffer.from(sha256(data)).toString('hex'), nodeHex(data), `length ${n}`);
    }
  });

  it('hashes text as UTF-8', () => {
    const text = 'grüße 👋 — ü';
    assert.equal(sha256Hex(text), nodeHex(Buffer.from(text, 'utf8')));
  });

  it('returns 32 bytes', () => {
    assert.equal(sha256(new Uint8Array([1, 2, 3])).length, 32);
  });
});
