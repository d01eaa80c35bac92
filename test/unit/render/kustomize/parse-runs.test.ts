// The renderer parses a changed file by runs of documents, taking the unchanged runs from its last
// parse: what it hands out must be what a parse of the whole text gives, node for node and range
// for range, on every YAML file of the krusty cases and the real manifests, before and after edits.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearParseCache, parseStats, parseWholeText, parseYamlDocs, readAlike } from '@kube-harden/server/out/engine/render/kustomize/parse';
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
});
