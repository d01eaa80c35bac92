// The fix primitives over real manifests (test/fixtures/real): for every container (and pod)
// an operation is applied to the whole file at once; the result must parse, read back as the
// original data with exactly that change, keep every comment line, change nothing but the edited
// spans (for additions: insertions and scalar replacements only, never across a line break or a
// comment), and be stable (applying the operation again proposes nothing).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFixes, ensureInSeq, mergeEdits, parseFile, podSpecOf, removeKey, setIn } from '@kube-harden/server';
import type { Fix, ParsedFile } from '@kube-harden/server';
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import { REAL_CORPUS } from '../../helpers/fixture-paths';

const CORPUS = REAL_CORPUS;

type Js = Record<string, unknown> | unknown[];
type Path = Array<string | number>;

/** The keys and indexes leading to `target` from the document root (no alias followed). */
function pathTo(doc: Document, target: Node): Path | undefined {
  const walk = (n: unknown, p: Path): Path | undefined => {
    if (n === target) return p;
    if (isMap(n)) {
      for (const pair of n.items) {
        if (isPair(pair) && isScalar(pair.key)) {
          const hit = walk(pair.value, [...p, String(pair.key.value)]);
          if (hit) return hit;
        }
      }
    } else if (isSeq(n)) {
      for (let i = 0; i < n.items.length; i++) {
        const hit = walk(n.items[i], [...p, i]);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return walk(doc.contents, []);
}

function at(js: unknown, p: Path): Record<string, unknown> {
  return p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], js) as Record<string, unknown>;
}

function deepSet(obj: Record<string, unknown>, p: readonly string[], value: unknown): void {
  let o = obj;
  for (const k of p.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[p[p.length - 1]] = value;
}

interface Op {
  name: string;
  scope: 'container' | 'pod';
  /** Insertions and scalar replacements only: no span may hold a line break or a comment. */
  additive: boolean;
  make(text: string, doc: Document, node: Node): Fix | undefined;
  /** The change to the plain data of the edited container or pod spec. */
  expect(js: Record<string, unknown>): void;
}

const OPS: Op[] = [
  {
    name: 'container securityContext.allowPrivilegeEscalation: false', scope: 'container', additive: true,
    make: (t, d, n) => setIn(t, d, n as never, ['securityContext', 'allowPrivilegeEscalation'], false),
    expect: js => deepSet(js, ['securityContext', 'allowPrivilegeEscalation'], false),
  },
  {
    name: 'container securityContext.seccompProfile.type: RuntimeDefault', scope: 'container', additive: true,
    make: (t, d, n) => setIn(t, d, n as never, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'),
    expect: js => deepSet(js, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault'),
  },
  {
    name: 'container capabilities.drop gets ALL', scope: 'container', additive: true,
    make: (t, d, n) => ensureInSeq(t, d, n as never, ['securityContext', 'capabilities', 'drop'], 'ALL'),
    expect: js => {
      const drop = (js.securityContext as { capabilities?: { drop?: unknown[] } } | undefined)?.capabilities?.drop;
      if (Array.isArray(drop)) { if (!drop.includes('ALL')) drop.push('ALL'); } else deepSet(js, ['securityContext', 'capabilities', 'drop'], ['ALL']);
    },
  },
  {
    name: 'pod securityContext.runAsNonRoot: true', scope: 'pod', additive: true,
    make: (t, d, n) => setIn(t, d, n as never, ['securityContext', 'runAsNonRoot'], true),
    expect: js => deepSet(js, ['securityContext', 'runAsNonRoot'], true),
  },
  {
    // `name` is usually the first key, on the `- ` line: the next key moves up beside the dash.
    name: 'container name removed', scope: 'container', additive: false,
    make: (t, d, n) => removeKey(t, d, n as never, 'name'),
    expect: js => { delete js.name; },
  },
];

interface Target { doc: Document; docIndex: number; node: Node }

function targets(parsed: ParsedFile, scope: Op['scope']): Target[] {
  const out: Target[] = [];
  for (const d of parsed.documents) {
    for (const o of d.objects) {
      const pod = podSpecOf(o);
      if (!pod) continue;
      if (scope === 'pod') out.push({ doc: d.doc, docIndex: d.index, node: pod.spec });
      else for (const c of pod.containers) if (!isAlias(c.site)) out.push({ doc: d.doc, docIndex: d.index, node: c.node });
    }
  }
  return out;
}

function lineCounts(text: string, keep: (line: string) => boolean): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of text.split(/\r?\n/)) if (keep(l)) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter(f => /\.ya?ml$/.test(f)).sort() : [];
const totals = new Map<string, { edited: number; unchanged: number }>();

describe('fix: primitives over the real-world corpus', function () {
  this.timeout(120_000);

  it('has the corpus', () => assert.ok(files.length >= 20, `corpus at ${CORPUS}`));

  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
      const parsed = parseFile(text);
      if (parsed.skipped) return;
      for (const op of OPS) {
        const t = totals.get(op.name) ?? { edited: 0, unchanged: 0 };
        totals.set(op.name, t);
        const fixes: Fix[] = [];
        const fixDoc = new Map<Fix, number>();
        const expected = new Map<number, unknown>();
        for (const target of targets(parsed, op.scope)) {
          const fix = op.make(text, target.doc, target.node);
          assert.ok(fix, `${op.name}: declined in ${file} at ${pathTo(target.doc, target.node)?.join('.')}`);
          if (fix.length === 0) { t.unchanged++; continue; }
          t.edited++;
          fixes.push(fix);
          fixDoc.set(fix, target.docIndex);
          if (!expected.has(target.docIndex)) expected.set(target.docIndex, target.doc.toJS({ maxAliasCount: -1 }));
          op.expect(at(expected.get(target.docIndex), pathTo(target.doc, target.node)!));
          if (op.additive) {
            for (const e of fix) assert.doesNotMatch(text.slice(e.start, e.end), /[\n#]/, `${op.name}: only a scalar is replaced`);
          }
          for (const e of fix) assert.doesNotMatch(e.newText, /#/, 'no comment is written');
        }
        if (fixes.length === 0) continue;
        const r = applyFixes(text, fixes);
        assert.deepEqual(r.dropped, [], `${op.name}: the fixes of different containers never touch`);
        // Outside the edited spans the text is unchanged: every gap between fixes (and the
        // prefix and suffix) is found in the output where the edits before it put it.
        const spans = fixes.map(f => mergeEdits(text, f)!).sort((a, b) => a.start - b.start);
        let pos = 0;
        let delta = 0;
        for (const e of [...spans, { start: text.length, end: text.length, newText: '' }]) {
          assert.equal(r.text.slice(pos + delta, e.start + delta), text.slice(pos, e.start), `${op.name}: text outside the edits unchanged`);
          delta += e.newText.length - (e.end - e.start);
          pos = e.end;
        }
        assert.equal(r.text.length, text.length + delta);
        // Every comment line survives (a removed key may take its own trailing comment only).
        const before = lineCounts(text, l => /^\s*#/.test(l));
        const after = lineCounts(r.text, l => /^\s*#/.test(l));
        for (const [line, n] of before) assert.ok((after.get(line) ?? 0) >= n, `${op.name}: comment line kept: ${line}`);
        // Each edited document, re-parsed on its own (parsing a 2 MB file per operation would
        // dominate the run): valid, exactly the expected data, and stable.
        for (const [i, js] of expected) {
          const range = parsed.documents[i].doc.range!;
          const inDoc = fixes.filter(f => fixDoc.get(f) === i);
          for (const f of inDoc) for (const e of f) assert.ok(e.start >= range[0] && e.end <= range[2], 'a fix stays in its document');
          const region = text.slice(range[0], range[2]);
          const out = applyFixes(region, inDoc.map(f => f.map(e => ({ ...e, start: e.start - range[0], end: e.end - range[0] })))).text;
          const again = parseFile(out);
          assert.equal(again.documents.length, 1, `${op.name}: still one document`);
          const doc = again.documents[0].doc;
          assert.deepEqual(doc.errors.map(e => e.message), [], `${op.name}: the output parses`);
          assert.deepEqual(doc.toJS({ maxAliasCount: -1 }), js as Js, `${op.name}: document ${i} has exactly the change`);
          if (op.additive) {
            for (const target of targets(again, op.scope)) assert.deepEqual(op.make(out, target.doc, target.node), [], `${op.name}: converges`);
          }
        }
      }
    });
  }

  it('exercised every operation', () => {
    for (const op of OPS) assert.ok((totals.get(op.name)?.edited ?? 0) >= 10, `${op.name}: ${JSON.stringify(totals.get(op.name))}`);
  });
});
