// Quoted scalars read as go-yaml reads them (model/go-yaml-stream.ts): continuation lines end a
// quoted scalar only at a document marker, whatever their indentation; everything else is `yaml`'s.
import * as assert from 'node:assert/strict';
import { LineCounter, parseAllDocuments } from 'yaml';
import { GO_QUOTED_SCALARS, goYamlValue, parseGoYamlStream } from '@kube-harden/server/out/engine/model/go-yaml-stream';
import { lint, parseFile, skipsOf } from '@kube-harden/server';

const read = (text: string) => parseGoYamlStream(text, { version: '1.1' }).map(d => ({ errors: d.errors.map(e => e.code), value: d.toJS() as unknown }));

describe('go-yaml quoted scalars', () => {
  it('replaces the lexer check of this yaml version', () => assert.equal(GO_QUOTED_SCALARS, true));

  it('reads a double-quoted scalar continued below its item, as go-yaml does', () => {
    const text = 'a:\n  - "one\ntwo"\n  - x\n';
    // The stock parse refuses it: the document would go unjudged.
    assert.equal(parseAllDocuments(text)[0].errors[0]?.code, 'MISSING_CHAR');
    assert.deepEqual(read(text), [{ errors: [], value: { a: ['one two', 'x'] } }]);
  });

  it('reads a single-quoted scalar, with an escaped quote, continued at column 0', () => {
    assert.deepEqual(read("k:\n  v: 'it''s\nfine'\n  w: 1\n"), [{ errors: [], value: { k: { v: "it's fine", w: 1 } } }]);
  });

  it('drops an escaped line break with the next line\'s leading blanks', () => {
    assert.deepEqual(read('- - "a \\\n b"\n'), [{ errors: [], value: [['a b']] }]);
  });

  it('still ends a quoted scalar at a document marker (go-yaml: found unexpected document indicator)', () => {
    for (const marker of ['---', '...']) {
      const docs = read(`a: "x\n${marker}\ny"\n`);
      assert.equal(docs[0].errors.length > 0, true, marker);
    }
    // A marker only when a blank, a line end or the end follows it.
    assert.deepEqual(read('a: "x\n---y"\n'), [{ errors: [], value: { a: 'x ---y' } }]);
  });

  it('leaves plain scalars to the stock check: a less indented line ends them', () => {
    const text = 'a:\n  b: one\n two\n';
    const stock = parseAllDocuments(text, { version: '1.1' }) as ReturnType<typeof parseGoYamlStream>;
    assert.deepEqual(read(text), stock.map(d => ({ errors: d.errors.map(e => e.code), value: d.toJS() as unknown })));
    assert.notEqual(read(text)[0].errors.length, 0);
    assert.deepEqual(read('a:\n  b: one\n   two\n'), [{ errors: [], value: { a: { b: 'one two' } } }]);
  });

  it('gives the documents parseAllDocuments gives, with their ranges, on a text it reads alike', () => {
    const text = 'a: 1\n---\nb: "two\n  lines"\n...\n- c\n';
    const ours = parseGoYamlStream(text, { version: '1.1' });
    const stock = parseAllDocuments(text, { version: '1.1' }) as ReturnType<typeof parseGoYamlStream>;
    assert.deepEqual(ours.map(d => [d.range, d.toJS()]), stock.map(d => [d.range, d.toJS()]));
    assert.deepEqual(parseGoYamlStream('', {}), []);
    // A line counter sees every line start, the first one too, as with parseAllDocuments.
    const [ourLines, stockLines] = [new LineCounter(), new LineCounter()];
    parseGoYamlStream(text, { lineCounter: ourLines });
    parseAllDocuments(text, { lineCounter: stockLines });
    assert.deepEqual(ourLines.lineStarts, stockLines.lineStarts);
    assert.deepEqual(ourLines.linePos(text.indexOf('lines')), { line: 4, col: 3 });
  });

  it('values: the first document only, as sigs.k8s.io/yaml Unmarshal; its first error thrown', () => {
    assert.deepEqual(goYamlValue('a: 1\n---\nb: [\n'), { a: 1 });
    assert.equal(goYamlValue(''), null);
    assert.throws(() => goYamlValue('a: [1\n'), (e: Error & { pos?: number[] }) => Array.isArray(e.pos));
    assert.deepEqual(goYamlValue('x:\n  - "a\nb"\n'), { x: ['a b'] });
  });

  it('the engine judges such a document, and puts findings after the scalar on their lines', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    args:\n      - "--a \\\n  --b"\n    securityContext:\n      privileged: true\n';
    assert.deepEqual(skipsOf(parseFile(text)), []);
    const privileged = lint(text).findings.filter(f => f.ruleId === 'disallow-privileged-containers');
    assert.deepEqual(privileged.map(f => [f.range.start, text.slice(f.offsets[0], f.offsets[1])]), [[{ line: 12, character: 18 }, 'true']]);
  });
});
