// UTF-16 <-> UTF-8 columns: ASCII, two-, three- and four-byte characters (a surrogate pair is one
// code point of 4 bytes and 2 UTF-16 units), positions past the line's end, and the identity codec.
import * as assert from 'node:assert/strict';
import { chooseEncoding, linesOf, PositionCodec } from '@kube-harden/server/out/lsp/positionEncoding';

describe('position encodings', () => {
  const utf8 = new PositionCodec('utf-8');
  // "a" 1 byte, "é" 2, "€" 3, "😀" 4 (2 UTF-16 units), then "b".
  const lineOf = linesOf('first line\na é € 😀 b\n');

  it('chooses utf-8 only when the client offers it', () => {
    assert.equal(chooseEncoding(['utf-8', 'utf-16']), 'utf-8');
    assert.equal(chooseEncoding(['utf-32', 'utf-16']), 'utf-16');
    assert.equal(chooseEncoding(undefined), 'utf-16');
  });

  it('counts bytes for the client and code units for the server', () => {
    const cases: Array<[number, number]> = [[0, 0], [2, 2], [3, 4], [4, 5], [5, 8], [6, 9], [8, 13], [9, 14], [10, 15]];
    for (const [units, bytes] of cases) {
      assert.deepEqual(utf8.toClient({ line: 1, character: units }, lineOf), { line: 1, character: bytes }, `units ${units}`);
      assert.deepEqual(utf8.fromClient({ line: 1, character: bytes }, lineOf), { line: 1, character: units }, `bytes ${bytes}`);
    }
  });

  it('rounds a byte inside a character down, and keeps an overshoot past the end', () => {
    assert.deepEqual(utf8.fromClient({ line: 1, character: 3 }, lineOf), { line: 1, character: 2 });
    assert.deepEqual(utf8.fromClient({ line: 1, character: 11 }, lineOf), { line: 1, character: 6 });
    assert.deepEqual(utf8.fromClient({ line: 1, character: 20 }, lineOf), { line: 1, character: 15 });
    assert.deepEqual(utf8.toClient({ line: 1, character: 12 }, lineOf), { line: 1, character: 17 });
  });

  it('leaves positions alone in utf-16 and on lines it cannot read', () => {
    const p = { line: 1, character: 5 };
    assert.equal(new PositionCodec().toClient(p, lineOf), p);
    assert.deepEqual(utf8.toClient({ line: 9, character: 3 }, lineOf), { line: 9, character: 3 });
  });
});
