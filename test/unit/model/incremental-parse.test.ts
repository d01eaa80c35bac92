// parseFile splits a text at its document markers and parses each run alone, reusing the runs
// of the previous version that did not change. Both must be invisible: the documents, their
// node ranges, comments and errors are those of parsing the whole text at once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARSE_OPTIONS, parseFile } from '@kube-harden/server';
import type { ParsedFile } from '@kube-harden/server';
import { Document, isScalar, parseAllDocuments, visit } from 'yaml';
import { REAL_CORPUS } from '../../helpers/fixture-paths';

const CORPUS = REAL_CORPUS;

/** Everything offsets and content say about a document, as one comparable string per node. */
function signature(doc: Document): string[] {
  const out = [`doc ${JSON.stringify(doc.range)} before=${JSON.stringify(doc.commentBefore)} after=${JSON.stringify(doc.comment)} errors=${doc.errors.map(e => `${e.code}@${e.pos.join('-')}`).join(',')}`];
  visit(doc, {
    Node(_k, node) {
      out.push(`${node.constructor.name} ${JSON.stringify(node.range)} ${isScalar(node) ? JSON.stringify(node.value) : ''} ${JSON.stringify(node.commentBefore ?? '')}${JSON.stringify(node.comment ?? '')}`);
    },
  });
  return out;
}

function whole(text: string): string[][] {
  return parseAllDocuments(text, PARSE_OPTIONS).map(d => signature(d as Document));
}

function ofFile(f: ParsedFile): string[][] {
  return f.documents.map(d => signature(d.doc));
}

const TRICKY: Record<string, string> = {
  'leading comment before the first marker': '# license\n# more\n---\napiVersion: v1\nkind: Pod\n',
  'comments between documents': 'a: 1\n# after a\n---\n# before b\nb: 2\n',
  'empty documents': 'a: 1\n---\n---\n--- # just a comment\n---\nb: 2\n',
  'trailing marker': 'a: 1\n---\n',
  'marker with content on its line': '--- |\n  text\n--- !!map\nc: 3\n',
  'document end markers': 'a: 1\n...\n---\nb: 2\n...\n',
  'directive': '%YAML 1.1\n---\na: 1\n---\nb: 2\n',
  'CRLF': 'a: 1\r\n---\r\nb: [1, 2]\r\n---\r\nc: 3\r\n',
  'a broken document among good ones': 'a: 1\n---\nb: [1, 2\n---\nc: 3\n',
  'three dashes that are not a marker': 'a: 1\n---b: 2\n ---\nc: |\n  ---\n',
  'aliases within a document': 'a: &x {k: v}\nb: *x\n---\nc: *x\n',
  'no marker at all': 'apiVersion: v1\nkind: ConfigMap\n',
  'only comments': '# nothing\n# here\n',
  'empty': '',
};

describe('parseFile: documents parsed run by run', () => {
  for (const [name, text] of Object.entries(TRICKY)) {
    it(`gives what a whole parse gives: ${name}`, () => {
      assert.deepEqual(ofFile(parseFile(text)), whole(text));
    });
  }

  // Invalid YAML: a marker inside a quoted scalar ends it (c-forbidden). The broken document's
  // error details differ from a whole parse (where the quote's end is looked for), not which
  // documents are broken, and broken documents are not linted.
  it('finds the same documents broken when a marker cuts a quoted scalar', () => {
    const text = 'a: "x\n---\ny"\n---\nb: 2\n';
    const fresh = parseAllDocuments(text, { version: '1.1' }).map(d => d.errors.length > 0);
    assert.deepEqual(parseFile(text).documents.map(d => d.hasErrors), fresh);
    assert.deepEqual(fresh, [true, false, false]);
  });

  it('gives what a whole parse gives on every real-world manifest', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    this.timeout(120_000);
    const files = fs.readdirSync(CORPUS).filter(f => f.endsWith('.yaml'));
    assert.ok(files.length > 20);
    for (const f of files) {
      const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
      if (/^[ \t]*\{\{-?\s*(if|range|define)/m.test(text)) continue;
      assert.deepEqual(ofFile(parseFile(text)), whole(text), f);
    }
  });
});

describe('parseFile: reusing the previous version', () => {
  const docs = [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p # the pod\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n',
  ];
  const base = docs.join('---\n');

  /** The edited text parsed with the previous parse equals a fresh parse; returns both parses. */
  function check(before: string, after: string): { prev: ParsedFile; next: ParsedFile; prevDocs: Document[] } {
    const prev = parseFile(before);
    const prevDocs = prev.documents.map(d => d.doc);
    const next = parseFile(after, { previous: prev });
    assert.deepEqual(ofFile(next), ofFile(parseFile(after)));
    assert.deepEqual(next.documents.map(d => d.objects.map(o => `${o.docIndex} ${o.kind} ${o.name}`)), parseFile(after).documents.map(d => d.objects.map(o => `${o.docIndex} ${o.kind} ${o.name}`)));
    return { prev, next, prevDocs };
  }

  it('re-parses only the edited document and moves the ones after it', () => {
    const after = base.replace('name: p', 'name: pod-renamed');
    const { next, prevDocs } = check(base, after);
    assert.equal(next.documents[0].doc, prevDocs[0], 'the document before the edit is reused');
    assert.notEqual(next.documents[1].doc, prevDocs[1], 'the edited document is parsed again');
    assert.equal(next.documents[2].doc, prevDocs[2], 'the document after the edit is reused, at its new offsets');
    const name = next.documents[2].objects[0].name;
    assert.equal(name, 'c');
    const r = (next.documents[2].doc.contents as { range: number[] }).range;
    assert.equal(after.slice(r[0], r[0] + 'apiVersion'.length), 'apiVersion');
  });

  it('follows documents added, removed and reordered', () => {
    check(base, docs[0] + '---\n' + docs[2]);
    check(base, docs[2] + '---\n' + docs[0] + '---\n' + docs[1]);
    check(base, base + '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n');
    check(base, '# header\n' + base);
    check(base, docs[0] + '---\n' + docs[0] + '---\n' + docs[0]);
  });

  it('follows a document broken and mended again', () => {
    const broken = base.replace('data:\n  k: v', 'data:\n  k: [v');
    check(base, broken);
    check(broken, base);
  });

  it('follows every single-character edit of a small file', () => {
    for (let at = 0; at <= base.length; at++) {
      check(base, base.slice(0, at) + 'x' + base.slice(at));
      if (at < base.length) check(base, base.slice(0, at) + base.slice(at + 1));
      // Replaced in place: the text keeps its length, so only the edited span tells the runs apart.
      if (at < base.length) check(base, base.slice(0, at) + (base[at] === 'x' ? 'y' : 'x') + base.slice(at + 1));
      if (at < base.length) check(base, base.slice(0, at) + '\n---\n' + base.slice(at));
    }
  });

  it('follows 300 random edits in a row, each parsed from the one before (CRLF, directives, markers)', () => {
    const pieces = ['---\n', '--- # cut\n', '%YAML 1.1\n', '# note\n', 'k: v\r\n', 'x: "a\rb"\n', ' - i\n', '...\n', 'name: q\n', '\n'];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let text = docs.join('---\r\n') + '%YAML 1.1\n---\n' + docs[1];
    let prev = parseFile(text);
    for (let n = 0; n < 300; n++) {
      const at = Math.floor(next() * (text.length + 1));
      const cut = next() < 0.3 ? Math.floor(next() * 12) : 0;
      const insert = next() < 0.5 ? pieces[Math.floor(next() * pieces.length)] : cut === 1 && next() < 0.5 ? '\n' : 'z';
      const after = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
      const fresh = parseFile(after);
      const parsed = parseFile(after, { previous: prev });
      assert.deepEqual(ofFile(parsed), ofFile(fresh), JSON.stringify({ text, after }));
      text = after;
      prev = parsed;
    }
  });

  it('reuses all but one document of a large install manifest after an edit', function () {
    const file = path.join(CORPUS, 'argocd-install.yaml');
    if (!fs.existsSync(file)) this.skip();
    this.timeout(120_000);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('kind: Deployment');
    const after = text.slice(0, at) + '# edited\n' + text.slice(at);
    const { next, prevDocs } = check(text, after);
    const reused = next.documents.filter((d, i) => d.doc === prevDocs[i]).length;
    assert.equal(reused, next.documents.length - 1);
  });
});
