// A rendered object's parse derived from its previous one (page-edit.ts) must be the parse of the
// new text, node for node. Over the objects the krusty cases render, each of several values is
// changed to texts of every style the emitter writes (plain, quoted, folded, literal, empty
// collections, what YAML 1.1 reads as another type), alone and two at a time: whenever a parse
// is derived it is compared with parseFile's, every node's class, kind, fields and ranges; and
// the changes that cannot be derived (a value that takes more lines, a key, an identity) are not.
import * as assert from 'node:assert/strict';
import { isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import { parseFile, ParsedFile } from '@kube-harden/server/out/engine/model/parse';
import { emitDocument } from '@kube-harden/server/out/engine/render/kustomize/emit';
import { editedPage } from '@kube-harden/server/out/engine/kustomize-lint/page-edit';
import { loadCases } from '../render/kustomize/krusty-cases';

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };
type Path = Array<string | number>;

const NODE_TYPE = Object.getOwnPropertySymbols(new Scalar(null))[0];

/** Every field of every node the same (class, kind, ranges, values, types, sources), walked side by side. */
function assertSameNode(a: unknown, b: unknown, where: string): void {
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') { assert.deepEqual(a, b, where); return; }
  assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(b), `${where}: class`);
  assert.equal((a as Record<symbol, unknown>)[NODE_TYPE], (b as Record<symbol, unknown>)[NODE_TYPE], `${where}: kind`);
  const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
  assert.deepEqual(ka, kb, `${where}: fields`);
  for (const k of ka) {
    const x: unknown = (a as Record<string, unknown>)[k], y: unknown = (b as Record<string, unknown>)[k];
    if (k === 'items') {
      assert.equal((x as unknown[]).length, (y as unknown[]).length, `${where}: items`);
      (x as unknown[]).forEach((item, i) => assertSameNode(item, (y as unknown[])[i], `${where}[${i}]`));
    } else if (k === 'key' || k === 'value') assertSameNode(x, y, `${where}.${k}`);
    else assert.deepEqual(x, y, `${where}: ${k}`);
  }
  if (isMap(a) || isSeq(a)) assert.equal((a as { schema: unknown }).schema !== undefined, (b as { schema: unknown }).schema !== undefined, `${where}: schema`);
}

function assertSameParse(derived: ParsedFile, parsed: ParsedFile, what: string): void {
  assert.equal(derived.text, parsed.text);
  assert.equal(derived.documents.length, parsed.documents.length, what);
  const [d, p] = [derived.documents[0], parsed.documents[0]];
  assert.deepEqual([d.index, d.hasErrors, d.skipped], [p.index, p.hasErrors, p.skipped], what);
  assert.deepEqual(d.doc.range, p.doc.range, `${what}: document range`);
  assert.deepEqual([d.doc.errors, d.doc.warnings], [p.doc.errors, p.doc.warnings], what);
  assertSameNode(d.doc.contents, p.doc.contents, what);
  assert.equal(d.objects.length, p.objects.length);
  const fields = (o: ParsedFile['documents'][number]['objects'][number]) => { const { node, doc, ...rest } = o; return { ...rest, root: node === doc.contents }; };
  assert.deepEqual(d.objects.map(fields), p.objects.map(fields), what);
  assert.ok(d.objects.every(o => o.doc === d.doc));
  assert.equal(derived.lines.lineCount, parsed.lines.lineCount, what);
  for (let o = 0; o <= parsed.text.length; o += 97) assert.deepEqual(derived.lines.positionAt(o), parsed.lines.positionAt(o), `${what}: position of ${o}`);
}

/** The paths of the scalar values (not keys) of a plain object, in emit order (any order does). */
function leaves(v: Plain, at: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...at, i]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...at, k]));
  return [at];
}

function withValue(v: Plain, path: Path, value: Plain): Plain {
  if (path.length === 0) return value;
  const copy: Plain = Array.isArray(v) ? [...v] : { ...(v as Record<string, Plain>) };
  (copy as Record<string | number, Plain>)[path[0]] = withValue((v as Record<string | number, Plain>)[path[0]], path.slice(1), value);
  return copy;
}

const at = (v: Plain, path: Path): Plain => path.reduce<Plain>((x, k) => (x as Record<string | number, Plain>)[k], v);

/** Values of every style, as functions of the old value (a keystroke appends to it). */
const REPLACEMENTS: Array<[string, (old: Plain) => Plain]> = [
  ['a character typed', old => `${String(old)}x`],
  ['a digit typed', old => `${String(old)}7`],
  ['a number', () => 1000],
  ['a negative float', () => -2.5],
  ['true', () => true],
  ['null', () => null],
  ['a YAML 1.1 boolean as a string', () => 'yes'],
  ['an octal as a string', () => '0o17'],
  ['an empty string', () => ''],
  ['a colon and space', old => `${String(old)}: x`],
  ['a quote', old => `it's ${String(old)}`],
  ['a double quote and a backslash', () => 'a "b" \\c'],
  ['a comment sign', () => 'a #b'],
  ['an alias sign', () => '*a'],
  ['a dash', () => '- a'],
  ['a long text (folded)', () => 'word '.repeat(30).trim()],
  ['two lines (literal)', () => 'one\ntwo\n'],
  ['an empty map', () => ({})],
  ['an empty list', () => []],
  ['a map', () => ({ a: 'b' })],
  ['a unicode text', () => 'naïve ünïcode ✓'],
  ['a line separator', () => 'a\u2028b'],
];

/** Identity fields decide the object's name in the model: never derived. */
const IDENTITY = new Set(['apiVersion', 'kind', 'metadata.name', 'metadata.namespace']);

/** Distinct objects of the krusty cases' expected outputs (a deterministic selection). */
function objects(limit: number): Plain[] {
  const seen = new Set<string>();
  const out: Plain[] = [];
  for (const c of loadCases()) {
    if (!c.expected) continue;
    for (const d of parseFile(c.expected).documents) {
      const value = d.doc.toJS() as Plain;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const text = emitDocument(value as never);
      if (seen.has(text) || text.length < 200) continue;
      seen.add(text);
      out.push(value);
    }
  }
  // Spread over the cases: every n-th.
  const step = Math.max(1, Math.floor(out.length / limit));
  return out.filter((_, i) => i % step === 0).slice(0, limit);
}

describe('kustomize-lint: a rendered object parsed from its previous parse', () => {
  const sample = objects(60);

  it('gives parseFile\'s parse of the new text whenever it derives one, and derives the value edits', () => {
    const derivedBy = new Map<string, number>();
    const tried = new Map<string, number>();
    for (const value of sample) {
      const text = emitDocument(value as never);
      const paths = leaves(value);
      // A few values of each object, spread over it (the start, the middle, the end).
      const picked = [...new Set([0, 1, Math.floor(paths.length / 3), Math.floor(paths.length / 2), paths.length - 2, paths.length - 1])].filter(i => i >= 0 && i < paths.length).map(i => paths[i]);
      for (const path of picked) {
        for (const [name, make] of REPLACEMENTS) {
          const changed = withValue(value, path, make(at(value, path)));
          const next = emitDocument(changed as never);
          if (next === text) continue;
          const identity = IDENTITY.has(path.join('.'));
          // A value of several lines (a literal block, a folded long text) is parsed again.
          const old = at(value, path);
          const oneLine = typeof old !== 'string' || (!old.includes('\n') && !emitDocument({ v: old }).includes('\n  '));
          if (!identity && oneLine) tried.set(name, (tried.get(name) ?? 0) + 1);
          const derived = editedPage(parseFile(text), next);
          if (!derived) continue;
          assert.ok(!identity, `${path.join('.')}: an identity field is parsed again`);
          derivedBy.set(name, (derivedBy.get(name) ?? 0) + 1);
          assertSameParse(derived, parseFile(next), `${path.join('.')} = ${name}`);
        }
      }
    }
    // A one-line value changed to another one-line scalar, of any style: derived, every time.
    for (const name of ['a character typed', 'a digit typed', 'a number', 'a negative float', 'true', 'null', 'a YAML 1.1 boolean as a string', 'an octal as a string',
      'an empty string', 'a colon and space', 'a quote', 'a double quote and a backslash', 'a comment sign', 'an alias sign', 'a dash', 'a unicode text']) {
      assert.ok((tried.get(name) ?? 0) > 150, `${name}: tried ${tried.get(name)}`);
      assert.equal(derivedBy.get(name), tried.get(name), `${name}: derived ${derivedBy.get(name) ?? 0} of ${tried.get(name)}`);
    }
    // What takes other lines, or is no scalar, or holds characters go-yaml reads apart: never.
    for (const name of ['a long text (folded)', 'two lines (literal)', 'an empty map', 'an empty list', 'a map', 'a line separator']) {
      assert.equal(derivedBy.get(name) ?? 0, 0, `${name}: takes other lines or characters read apart, parsed again`);
    }
    const total = [...derivedBy.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > 1000, `${total} parses derived`);
  });

  it('derives two values changed at once, one after the other in the text', () => {
    let derivedCount = 0;
    for (const value of sample) {
      const text = emitDocument(value as never);
      const paths = leaves(value).filter(p => !IDENTITY.has(p.join('.')));
      if (paths.length < 4) continue;
      const [a, b] = [paths[1], paths[paths.length - 1]];
      const changed = withValue(withValue(value, a, `${String(at(value, a))}xy`), b, 'it\'s');
      const next = emitDocument(changed as never);
      const derived = editedPage(parseFile(text), next);
      if (!derived) continue;
      derivedCount++;
      assertSameParse(derived, parseFile(next), `${a.join('.')} and ${b.join('.')}`);
    }
    assert.ok(derivedCount > sample.length / 2, `${derivedCount} of ${sample.length}`);
  });

  it('leaves the previous parse as it was, and shares only the nodes before the first change', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: nginx:1.27\n    name: c\n    securityContext:\n      runAsUser: 1000\n  hostNetwork: true\n';
    const before = parseFile(text);
    const snapshot = JSON.stringify(before.documents[0].doc.contents);
    const ranges = (f: ParsedFile) => { const out: unknown[] = []; const walk = (n: unknown): void => { if (isScalar(n)) out.push(n.range); else if (isMap(n) || isSeq(n)) { out.push(n.range); for (const i of n.items) walk(i); } else if (isPair(n)) { walk(n.key); walk(n.value); } }; walk(f.documents[0].doc.contents); return JSON.stringify(out); };
    const oldRanges = ranges(before);
    const next = text.replace('runAsUser: 1000', 'runAsUser: 10001');
    const derived = editedPage(before, next)!;
    assert.ok(derived, 'derived');
    assertSameParse(derived, parseFile(next), 'runAsUser');
    assert.equal(JSON.stringify(before.documents[0].doc.contents), snapshot);
    assert.equal(ranges(before), oldRanges, 'the previous parse keeps its ranges');
    const root = (f: ParsedFile) => f.documents[0].doc.contents as import('yaml').YAMLMap;
    assert.notEqual(root(derived), root(before));
    // metadata ends before the change: the same nodes; spec holds it: a copy.
    assert.equal(root(derived).get('metadata', true), root(before).get('metadata', true));
    assert.notEqual(root(derived).get('spec', true), root(before).get('spec', true));
    // The value after the change moved by one.
    const host = (f: ParsedFile) => ((root(f).get('spec', true) as unknown as import('yaml').YAMLMap).get('hostNetwork', true) as Scalar).range;
    assert.deepEqual(host(derived), host(before)!.map(x => x + 1));
  });

  it('reads a value alone as the whole document would: YAML 1.1 and go-yaml scalars, quotes and escapes', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: nginx\n    name: c\n  priority: 1\n';
    const before = parseFile(text);
    const values = ['0o17', '0O17', '0x1F', '0b101', '1_000', '-0', '+12', '1:20', '1.5', '.5', '1e3', '.inf', '-.Inf', '.NaN', 'yes', 'No', 'on', 'OFF', 'y', 'n',
      '~', 'null', 'NULL', 'true', 'False', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '"a\\tb\\u00e9"', '"\\x41"', "'it''s'", "''", '""', 'a:b', 'a,b', '[x', '-x', '?x', ':x', 'x:'];
    for (const value of values) {
      const next = text.replace('image: nginx', `image: ${value}`);
      const expected = parseFile(next);
      const derived = editedPage(before, next);
      if (expected.documents[0].hasErrors || !isScalar((expected.documents[0].doc.contents as import('yaml').YAMLMap).getIn(['spec', 'containers', 0, 'image'], true))) {
        assert.equal(derived, undefined, `${value}: not a scalar value, parsed`);
        continue;
      }
      assert.ok(derived, `${value}: derived`);
      assertSameParse(derived, expected, value);
      // Typed where the value was a number.
      const other = text.replace('priority: 1', `priority: ${value}`);
      assertSameParse(editedPage(before, other)!, parseFile(other), `priority: ${value}`);
    }
  });

  it('parses again what is not a value changed on its line', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n  - image: nginx\n    name: c\n';
    const before = parseFile(text);
    for (const [what, next] of [
      ['a key', text.replace('hostNetwork: true', 'hostPID: true')],
      ['a name', text.replace('name: p', 'name: q')],
      ['a line added', text.replace('  hostNetwork: true\n', '  hostNetwork: true\n  hostPID: true\n')],
      ['a value made a map', text.replace('hostNetwork: true', 'hostNetwork: {}')],
      ['an anchor', text.replace('image: nginx', 'image: &a nginx')],
      ['a tag', text.replace('image: nginx', 'image: !!str nginx')],
      ['a comment', text.replace('image: nginx', 'image: nginx # x')],
      ['an unclosed quote', text.replace('image: nginx', 'image: "nginx')],
      ['the same text', text],
    ] as const) assert.equal(editedPage(before, next), undefined, what);
  });
});
