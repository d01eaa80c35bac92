import * as assert from 'node:assert/strict';
import { applyEdits, applyFixes, fixToFixedPoint, mergeEdits } from '@kube-harden/server';
import type { TextEdit } from '@kube-harden/server';

const at = (start: number, end: number, newText: string): TextEdit => ({ start, end, newText });

describe('fix: applying edits', () => {
  it('applies edits given in any order', () => {
    const r = applyEdits('abcdef', [at(4, 5, 'E'), at(0, 1, 'A'), at(2, 2, '+')]);
    assert.equal(r.text, 'Ab+cdEf');
    assert.deepEqual(r.dropped, []);
    assert.equal(r.applied.length, 3);
  });

  it('drops an edit that starts inside an earlier one and reports it', () => {
    const r = applyEdits('abcdef', [at(1, 4, 'X'), at(2, 5, 'Y'), at(3, 3, 'Z')]);
    assert.equal(r.text, 'aXef');
    assert.deepEqual(r.dropped, [at(2, 5, 'Y'), at(3, 3, 'Z')]);
  });

  it('keeps the order of insertions at one offset, and insertions at either end of a replacement', () => {
    assert.equal(applyEdits('ab', [at(1, 1, '1'), at(1, 1, '2')]).text, 'a12b');
    const r = applyEdits('abc', [at(2, 2, '>'), at(1, 2, 'B'), at(1, 1, '<')]);
    assert.equal(r.text, 'a<B>c');
    assert.deepEqual(r.dropped, []);
  });

  it('drops edits outside the text', () => {
    const r = applyEdits('abc', [at(2, 9, 'x'), at(-1, 0, 'y'), at(2, 1, 'z'), at(0, 0, '!')]);
    assert.equal(r.text, '!abc');
    assert.equal(r.dropped.length, 3);
  });

  it('merges the edits of one fix into one span', () => {
    assert.deepEqual(mergeEdits('0123456789', [at(7, 8, 'x'), at(2, 3, 'y')]), at(2, 8, 'y3456x'));
    assert.equal(mergeEdits('0123', [at(0, 2, 'a'), at(1, 3, 'b')]), undefined);
    assert.equal(mergeEdits('0123', []), undefined);
  });

  it('applies fixes whole, dropping one that overlaps or touches an applied one', () => {
    const text = 'k: v\n';
    const a = [at(4, 4, 'a'), at(0, 0, '#')];
    const b = [at(4, 4, 'b')]; // same insertion point as the end of fix a: two keys would collide
    const c = [at(1, 2, '=')];
    const r = applyFixes(text, [a, b, c]);
    assert.equal(r.text, '#k: va\n');
    assert.deepEqual(r.applied, [a]);
    assert.deepEqual(r.dropped, [c, b]);
    assert.equal(applyFixes(text, [b, [at(0, 1, 'K')]]).text, 'K: vb\n');
  });

  it('repeats fixes to a fixed point', () => {
    // Each pass upper-cases the first lower-case letter: one fix at a time, as dropped fixes would be.
    const step = (t: string) => {
      const i = t.search(/[a-z]/);
      return i < 0 ? [] : [[at(i, i + 1, t[i].toUpperCase())]];
    };
    assert.deepEqual(fixToFixedPoint('abc', step), { text: 'ABC', converged: true, passes: 3 });
    assert.deepEqual(fixToFixedPoint('ABC', step), { text: 'ABC', converged: true, passes: 0 });
  });

  it('reports a fix that keeps re-triggering instead of looping', () => {
    const grow = (t: string) => [[at(t.length, t.length, 'x')]];
    assert.deepEqual(fixToFixedPoint('', grow, 4), { text: 'xxxx', converged: false, passes: 4 });
    const broken = () => [[at(5, 9, 'x')]];
    assert.deepEqual(fixToFixedPoint('ab', broken), { text: 'ab', converged: false, passes: 0 });
    const noop = (t: string) => [[at(0, 1, t[0])]];
    assert.deepEqual(fixToFixedPoint('ab', noop), { text: 'ab', converged: true, passes: 0 });
  });
});
