// The renderer parses a changed file by runs of documents, taking the unchanged runs from its last
// parse: what it hands out must be what a parse of the whole text gives, node for node and range
// for range, on every YAML file of the krusty cases and the real manifests, before and after edits.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearParseCache, offerEditorParse, parseStats, parseWholeText, parseYamlDocs, readAlike } from '@kube-harden/server/out/engine/render/kustomize/parse';
import { parseFile } from '@kube-harden/server/out/engine/model/parse';
import { loadCases } from './krusty-cases';

const real = join(__dirname, '../../../../fixtures/real');

/** The file's parse as a whole, or its error's message. */
function whole(text: string, file: string, uniqueKeys: boolean): unknown {
  try { return parseWholeText(text, file, uniqueKeys); } catch (e) { return (e as Error).message; }
}

function cached(text: string, file: string, uniqueKeys: boolean): unknown {
  try { return parseYamlDocs(text, file, uniqueKeys); } catch (e) { return (e as Error).message; }
}

function texts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const c of loadCases()) for (const [p, t] of Object.entries(c.files)) if (/\.ya?ml$|Kustomization$/.test(p)) out.push([`/${c.name}/${p}`, t]);
  // The real manifests below 100 KiB (the larger ones are more of the same, slower to compare).
  for (const n of readdirSync(real).filter(n => /\.ya?ml$/.test(n))) {
    const text = readFileSync(join(real, n), 'utf8');
    if (text.length < 100 * 1024) out.push([`/real/${n}`, text]);
  }
  return out;
}

describe('kustomize renderer: parsing a file by runs of documents', () => {
  beforeEach(clearParseCache);

  it('reads every fixture file as its whole text does, first and after an edit of one document', () => {
    let multi = 0;
    for (const [file, text] of texts()) {
      for (const uniqueKeys of [true, false]) {
        assert.deepEqual(cached(text, file, uniqueKeys), whole(text, file, uniqueKeys), file);
        // A line typed into the middle document (the runs after it move).
        const marks = [...text.matchAll(/\n---[ \t]*\n/g)].map(m => m.index! + 1);
        if (marks.length === 0) continue;
        multi++;
        const at = text.indexOf('\n', marks[marks.length >> 1] + 4) + 1;
        const edited = `${text.slice(0, at)}# typed\nx-typed: 1\n${text.slice(at)}`;
        assert.deepEqual(cached(edited, file, uniqueKeys), whole(edited, file, uniqueKeys), `${file}, edited`);
        // A syntax error in that document: the error of the whole text, at its line.
        const broken = `${text.slice(0, at)}"unclosed\n${text.slice(at)}`;
        assert.deepEqual(cached(broken, file, uniqueKeys), whole(broken, file, uniqueKeys), `${file}, broken`);
        assert.deepEqual(cached(text, file, uniqueKeys), whole(text, file, uniqueKeys), `${file}, back`);
      }
    }
    assert.ok(multi > 20, `${multi} multi-document files`);
  });

  it('parses only the runs an edit changed', () => {
    const docs = Array.from({ length: 5 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v${i}\n`);
    const text = docs.join('---\n');
    parseYamlDocs(text, '/f.yaml');
    const before = parseStats.runs;
    const edited = text.replace('k: v2', 'k: v2-and-more');
    const got = parseYamlDocs(edited, '/f.yaml');
    assert.equal(parseStats.runs - before, 1);
    assert.deepEqual(got, parseWholeText(edited, '/f.yaml', true));
    // The handed-out trees are copies: changing them leaves the next parse as it was.
    (got[3].node as { kind: 'map'; entries: unknown[] }).entries.length = 0;
    assert.deepEqual(parseYamlDocs(edited, '/f.yaml'), parseWholeText(edited, '/f.yaml', true));
  });

  it('tells a text read the same as another: lines at its end that hold no node', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n';
    assert.equal(readAlike('/f.yaml', text, `${text}# a comment\n`), true);
    assert.equal(readAlike('/f.yaml', `${text}# a comment\n`, text), true, 'taken back');
    assert.equal(readAlike('/f.yaml', text, `${text}\n\n`), true);
    // A node added, a document added, a comment that moves what follows it, a value changed, a syntax error.
    assert.equal(readAlike('/f.yaml', text, `${text}data:\n  k: v\n`), false);
    assert.equal(readAlike('/f.yaml', text, `${text}---\nkind: X\n`), false);
    assert.equal(readAlike('/f.yaml', text, text.replace('---\n', '# c\n---\n')), false);
    assert.equal(readAlike('/f.yaml', text, text.replace('name: b', 'name: c')), false);
    assert.equal(readAlike('/f.yaml', text, `${text}  "unclosed\n`), false);
  });

  it('tells comment lines typed at the end without a parse, only where every node reads the same', function () {
    // Four parses of each fixture file: slow on a loaded machine.
    this.timeout(60000);
    // Against a parse of both texts, on every fixture file: each verdict without a parse must be a
    // parse's, and the cache must then hold the new text as a whole parse reads it.
    const endings = ['# x\n', '# a\n# b', '    # indented\n'];
    let unparsed = 0, cases = 0;
    // The files below 30 KiB (the larger real manifests are more of the same, slower to parse four times).
    for (const [file, original] of texts().filter(([, t]) => t.length < 30 * 1024)) {
      const text = original.endsWith('\n') ? original : `${original}\n`;
      if (typeof whole(text, file, true) === 'string') continue;
      for (const ending of endings) {
        for (const [before, after] of [[text, text + ending], [text + ending, text]]) {
          clearParseCache();
          parseYamlDocs(before, file);
          const runs = parseStats.runs;
          const alike = readAlike(file, before, after);
          cases++;
          if (parseStats.runs !== runs) continue;
          unparsed++;
          assert.equal(alike, true, `${file}: without a parse only a yes`);
          const held = cached(after, file, true);
          assert.equal(parseStats.runs, runs, 'the cache holds the new text');
          assert.deepEqual(held, whole(after, file, true), `${file}: cache after ${JSON.stringify(ending)}`);
          assert.deepEqual(whole(after, file, true), whole(before, file, true), `${file}: ${JSON.stringify(ending)} read the same`);
        }
      }
    }
    // Comment lines at column 0 after a document with content are most cases; indented ones never.
    assert.ok(unparsed > cases / 4, `${unparsed} of ${cases} without a parse`);
  });

  it('parses where a comment line may be content or grow a range', () => {
    const count = (before: string, after: string) => {
      clearParseCache();
      parseYamlDocs(before, '/f.yaml');
      const runs = parseStats.runs;
      const alike = readAlike('/f.yaml', before, after);
      return { alike, parsed: parseStats.runs - runs };
    };
    const map = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
    assert.deepEqual(count(map, `${map}# typed\n`), { alike: true, parsed: 0 });
    assert.deepEqual(count(`${map}# typed\n`, map), { alike: true, parsed: 0 });
    // Else the new text's changed run is parsed (the old one is the cache's): inside a block
    // scalar at column 0 (a top-level literal), the line is content.
    assert.deepEqual(count('--- |\ntext\n', '--- |\ntext\n# typed\n'), { alike: false, parsed: 1 });
    // An indented comment is inside the map before it (its range grows): parsed, and different.
    assert.deepEqual(count('a:\n  b: c\n', 'a:\n  b: c\n      # typed\n'), { alike: false, parsed: 1 });
    // After an empty document the comment is in its range.
    assert.deepEqual(count(`${map}---\n`, `${map}---\n# typed\n`), { alike: false, parsed: 1 });
    // A block scalar in the last document: parsed even where it reads the same.
    assert.deepEqual(count('data:\n  k: |\n    v\n', 'data:\n  k: |\n    v\n# typed\n'), { alike: true, parsed: 1 });
  });

  describe('from the editor\'s parse (YAML 1.1) of the text', () => {
    /** The renderer's documents for `text` with the editor's parse offered, and how many runs came from it. */
    function offered(text: string, file: string): { got: unknown; fromEditor: number } {
      clearParseCache();
      const editor = parseFile(text);
      offerEditorParse(file, editor.chunks && { text, chunks: editor.chunks });
      const before = parseStats.fromEditor;
      try {
        return { got: cached(text, file, true), fromEditor: parseStats.fromEditor - before };
      } finally {
        offerEditorParse(file, undefined);
      }
    }

    it('reads every fixture file as a YAML 1.2 parse does, most of them without one', function () {
      this.timeout(60000);
      let taken = 0, files = 0;
      for (const [file, text] of texts()) {
        files++;
        const { got, fromEditor } = offered(text, file);
        assert.deepEqual(got, whole(text, file, true), file);
        if (fromEditor > 0) taken++;
        // A document typed in: the new text's changed run, from the new parse.
        const marks = [...text.matchAll(/\n---[ \t]*\n/g)].map(m => m.index! + 1);
        const at = marks.length ? text.indexOf('\n', marks[marks.length >> 1] + 4) + 1 : text.indexOf('\n') + 1;
        if (at <= 0) continue;
        const edited = `${text.slice(0, at)}x-typed: 1\n${text.slice(at)}`;
        assert.deepEqual(offered(edited, file).got, whole(edited, file, true), `${file}, edited`);
      }
      assert.ok(taken > files * 0.8, `${taken} of ${files} files from the editor's parse`);
    });

    it('parses where YAML 1.1 and 1.2 may read a node differently, and reads the rest as 1.2 does', () => {
      const cases: Array<[string, number]> = [
        // Plain scalars the versions type differently: values are kept as written either way.
        ['a: yes\nb: on\nc: 0777\nd: 1:20\ne: 0o17\nf: 1e3\ng: ~\nh: 2001-12-14\n', 1],
        ['a: "yes"\nb: \'0777\'\nc: |\n  text\nd: >-\n  folded\n  text\n', 1],
        ['a: &x {b: 1}\nc: *x\n', 1],
        ['a: plain\n  on two lines\n', 1],
        // Explicit tags, merge keys, keys that are no plain strings, a key written twice.
        ['a: !!binary aGVsbG8=\n', 0],
        ['a: !!str 1\n', 0],
        ['a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n', 0],
        ['yes: 1\nno: 2\n', 0],
        ['1000: a\n1e3: b\n', 0],
        // Strings to 1.1, one number twice to 1.2 (which refuses the second).
        ['1e3: a\n1.0e3: b\n', 0],
        ['"a": 1\na: 2\n', 0],
        ['a: 1\na: 2\n', 0],
        ['? [a]\n: 1\n', 0],
        // A multi-line plain scalar: a string to both (the editor reads a timestamp as the text
        // it is written as, as go-yaml does).
        ['a: 1\n  2\n', 1],
        ['a: 2001-12-14\n  21:59:43.10 -5\n', 1],
        // A syntax error: the renderer's own error, at its place.
        ['a: "unclosed\n', 0],
      ];
      for (const [text, fromEditor] of cases) {
        const got = offered(text, '/c.yaml');
        assert.deepEqual(got.got, whole(text, '/c.yaml', true), text);
        assert.equal(got.fromEditor, fromEditor, text);
      }
    });

    it('takes nothing from a parse of another text, or once withdrawn', () => {
      const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
      clearParseCache();
      const editor = parseFile(text);
      offerEditorParse('/f.yaml', { text, chunks: editor.chunks! });
      const before = parseStats.fromEditor;
      const other = text.replace('name: a', 'name: b');
      assert.deepEqual(cached(other, '/f.yaml', true), whole(other, '/f.yaml', true));
      assert.equal(parseStats.fromEditor, before);
      offerEditorParse('/f.yaml', undefined);
      clearParseCache();
      assert.deepEqual(cached(text, '/f.yaml', true), whole(text, '/f.yaml', true));
      assert.equal(parseStats.fromEditor, before);
    });
  });
});
