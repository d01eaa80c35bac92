import * as assert from 'node:assert/strict';
import { styleFor } from '@kube-harden/server';
import { crlf, subject } from '../../helpers/fix';

const style = (text: string, ...path: Array<string | number>) => {
  const s = subject(text);
  return styleFor(s.text, s.doc, path.length ? (s.doc.getIn(path, true) as never) : undefined);
};

describe('fix: detecting the style of a file', () => {
  it('finds the indentation unit and list indentation of the document', () => {
    assert.deepEqual(style('spec:\n  containers:\n  - name: a\n'), { eol: '\n', indent: 2, seqIndent: 0, flowSeqs: false });
    assert.deepEqual(style('spec:\n    containers:\n        - name: a\n'), { eol: '\n', indent: 4, seqIndent: 4, flowSeqs: false });
    assert.deepEqual(style('spec:\n  containers:\n    - name: a\n'), { eol: '\n', indent: 2, seqIndent: 2, flowSeqs: false });
  });

  it('prefers the evidence of the map being edited', () => {
    const text = 'a:\n  b:\n    c: 1\n  d:\n  - x\nspec:\n    containers:\n        - name: a\n          resources:\n              cpu: 1\n';
    assert.equal(style(text).indent, 2);
    assert.equal(style(text, 'spec').indent, 4);
    assert.equal(style(text, 'spec').seqIndent, 4);
    // The container map only holds a map indented by 4 below its key.
    assert.equal(style(text, 'spec', 'containers', 0).indent, 4);
    assert.equal(style(text, 'a').seqIndent, 0);
  });

  it('takes the most frequent step, the smaller one on a tie', () => {
    assert.equal(style('a:\n   b: 1\nc:\n  d: 1\ne:\n  f: 1\n').indent, 2);
    assert.equal(style('a:\n    b: 1\nc:\n  d: 1\n').indent, 2);
  });

  it('falls back to the rest of the file, then to 2', () => {
    assert.equal(style('a: 1\n---\nb:\n    c: 1\n').indent, 4);
    assert.equal(style('a: 1\n').indent, 2);
    assert.equal(style('a: 1\n').seqIndent, 2);
  });

  it('sees CRLF line breaks and flow-style lists', () => {
    assert.equal(style(crlf('a:\n  b: 1\n')).eol, '\r\n');
    assert.equal(style('args: [a, b]\ndrop: [ALL]\nx:\n- y\n').flowSeqs, true);
    assert.equal(style('args: [a]\nx:\n- y\n').flowSeqs, false);
  });
});
