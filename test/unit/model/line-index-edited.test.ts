import * as assert from 'node:assert/strict';
import { LineIndex } from '@kube-harden/server';

/** Every position of the text, as a LineIndex answers them. */
const positions = (index: LineIndex) => Array.from({ length: index.text.length + 1 }, (_, o) => index.positionAt(o)).map(p => `${p.line}:${p.character}`).join(' ');

describe('model: a line index built from the previous version', () => {
  const base = 'a: 1\nb: 2\r\nc: 3\rd: 4\n\n  e: 5\r\n';
  const cases: Array<[string, number, number, string]> = [
    ['a character typed in a line', 7, 7, 'x'],
    ['a line break typed', 3, 3, '\n'],
    ['a CR typed before an LF (CRLF now)', 4, 4, '\r'],
    ['the LF of a CRLF deleted (a lone CR)', 10, 11, ''],
    ['an LF typed after a lone CR (CRLF now)', 15, 15, '\n'],
    ['the text start', 0, 0, '# c\n'],
    ['the text end', base.length, base.length, 'f: 6'],
    ['everything replaced', 0, base.length, 'x\ny'],
    ['lines deleted', 3, 16, ''],
    ['nothing changed', 5, 5, ''],
  ];
  for (const [name, from, to, insert] of cases) {
    it(name, () => {
      const before = new LineIndex(base);
      before.positionAt(0); // its lines are computed (an index that never was is built afresh)
      const text = base.slice(0, from) + insert + base.slice(to);
      const edited = LineIndex.edited(before, text);
      assert.equal(positions(edited), positions(new LineIndex(text)));
      assert.equal(edited.lineCount, new LineIndex(text).lineCount);
    });
  }

  it('random edits of mixed line breaks agree with a fresh index', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pieces = ['a', 'b', ' ', '\n', '\r', '\r\n', 'key: v'];
    let text = Array.from({ length: 400 }, () => pieces[Math.floor(next() * pieces.length)]).join('');
    let index = new LineIndex(text);
    index.positionAt(0);
    for (let i = 0; i < 300; i++) {
      const from = Math.floor(next() * (text.length + 1));
      const to = Math.min(text.length, from + Math.floor(next() * 6));
      const insert = Array.from({ length: Math.floor(next() * 4) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      text = text.slice(0, from) + insert + text.slice(to);
      index = LineIndex.edited(index, text);
      assert.equal(positions(index), positions(new LineIndex(text)), `edit ${i}`);
    }
  });
});

describe('model: a line index built from a text', () => {
  it('finds lines after LF, CRLF and a lone CR, and after LF alone the same way', () => {
    // Texts without CR take a faster search than the one that handles CR: both must agree.
    assert.equal(positions(new LineIndex('a: 1\n\nb: 2\n  c')), '0:0 0:1 0:2 0:3 0:4 1:0 2:0 2:1 2:2 2:3 2:4 3:0 3:1 3:2 3:3');
    assert.equal(positions(new LineIndex('a\r\nb\rc\n')), '0:0 0:1 0:2 1:0 1:1 2:0 2:1 3:0');
    assert.equal(positions(new LineIndex('\n')), '0:0 1:0');
    assert.equal(positions(new LineIndex('')), '0:0');
    assert.equal(new LineIndex('x\ny\n').lineCount, 3);
  });
});
