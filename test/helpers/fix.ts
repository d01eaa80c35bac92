// Harness for the fix primitives: an input manifest, the edits a primitive makes, and the exact
// text expected. Every output must parse (duplicate keys included as errors), keep the number of
// documents, and, where given, read back as the expected value; by default a second application
// on the output must change nothing (the primitive converges).
import * as assert from 'node:assert/strict';
import { applyEdits, parseFile } from '@kube-harden/server';
import type { TextEdit } from '@kube-harden/server';
import { Document, isMap, isSeq, parseAllDocuments, YAMLMap, YAMLSeq } from 'yaml';

export interface Subject {
  text: string;
  doc: Document;
  root: YAMLMap;
  /** The map at a path of keys and indexes below the document root (aliases not followed). */
  map(...path: Array<string | number>): YAMLMap;
  seq(...path: Array<string | number>): YAMLSeq;
}

export function subject(text: string, docIndex = 0): Subject {
  const parsed = parseFile(text);
  assert.equal(parsed.skipped, undefined, 'the input is parsed');
  for (const d of parsed.documents) assert.deepEqual(d.doc.errors.map(e => e.message), [], 'the input is valid YAML');
  const doc = parsed.documents[docIndex].doc;
  const at = (path: Array<string | number>) => (path.length === 0 ? doc.contents : doc.getIn(path, true));
  return {
    text,
    doc,
    get root() {
      assert.ok(isMap(doc.contents), 'the document is a map');
      return doc.contents;
    },
    map(...path) {
      const n = at(path);
      assert.ok(isMap(n), `a map at ${path.join('.')}`);
      return n;
    },
    seq(...path) {
      const n = at(path);
      assert.ok(isSeq(n), `a sequence at ${path.join('.')}`);
      return n;
    },
  };
}

export type Make = (s: Subject) => TextEdit[] | undefined;

export interface Expect {
  /** The output document (docIndex) as plain data. */
  js?: unknown;
  docIndex?: number;
  /** False for primitives that are not idempotent (append an item, remove item #i). */
  idempotent?: boolean;
}

export function parseStrict(text: string): Document[] {
  const docs = parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: true });
  assert.ok(Array.isArray(docs), 'the output parses');
  for (const d of docs) assert.deepEqual(d.errors.map(e => e.message), [], 'the output is valid YAML without duplicate keys');
  return docs;
}

export function expectEdit(input: string, make: Make, expected: string, opts: Expect = {}): TextEdit[] {
  const docIndex = opts.docIndex ?? 0;
  const s = subject(input, docIndex);
  const edits = make(s);
  assert.ok(edits, 'the primitive makes an edit (it did not decline)');
  assert.ok(edits.length > 0, 'the primitive changes something');
  const r = applyEdits(input, edits);
  assert.deepEqual(r.dropped, [], "a primitive's edits never overlap");
  assert.equal(r.text, expected);
  const docs = parseStrict(r.text);
  assert.equal(docs.length, parseAllDocuments(input).length, 'the number of documents is kept');
  if ('js' in opts) assert.deepEqual(docs[docIndex].toJS(), opts.js);
  if (opts.idempotent !== false) assert.deepEqual(make(subject(r.text, docIndex)), [], 'applied again, it changes nothing');
  return edits;
}

export function expectNoChange(input: string, make: Make, docIndex = 0): void {
  assert.deepEqual(make(subject(input, docIndex)), []);
}

export function expectDeclined(input: string, make: Make, docIndex = 0): void {
  assert.equal(make(subject(input, docIndex)), undefined);
}

export const crlf = (s: string) => s.replace(/\r?\n/g, '\r\n');
export const noFinalNewline = (s: string) => s.replace(/\r?\n$/, '');
