// Conformance: each folder of test/fixtures/yaml-reading holds a file's bytes and what
// `kubectl apply -f` reads from them (the objects as JSON, or that it reads nothing), with the
// place in kubectl's decoders that says so (SOURCE.md). The engine must read the same objects,
// report every unread part as skipped, and put its findings on the user's real lines.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, parseFile, skipsOf } from '@kube-harden/server';
import { decodeManifest } from '@kube-harden/server/out/host/read-manifest';
import { FIXTURES } from '../../helpers/fixture-paths';

const DIR = path.join(FIXTURES, 'yaml-reading');

interface Expected {
  kubectl: { reads?: unknown[]; error?: string };
  why: string[];
}

/** Line and column as an LSP client counts them: only CR, LF and CRLF end a line. */
function editorPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const breaks = [...before.matchAll(/\r\n|\r|\n/g)];
  const last = breaks[breaks.length - 1];
  return { line: breaks.length, character: last ? offset - (last.index! + last[0].length) : offset };
}

/** Containers whose securityContext sets privileged: true, anywhere in the objects. */
function privilegedContainers(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + privilegedContainers(v), 0);
  if (!value || typeof value !== 'object') return 0;
  const o = value as Record<string, unknown>;
  const own = Array.isArray(o.containers) ? o.containers.filter(c => (c as { securityContext?: { privileged?: unknown } }).securityContext?.privileged === true).length : 0;
  return own + Object.entries(o).filter(([k]) => k !== 'containers').reduce((n, [, v]) => n + privilegedContainers(v), 0);
}

const cases = fs.readdirSync(DIR).filter(f => fs.statSync(path.join(DIR, f)).isDirectory()).sort();

describe('reading YAML as kubectl does (test/fixtures/yaml-reading)', () => {
  it('has the conformance set', () => assert.ok(cases.length >= 20, `${cases.length} cases`));

  for (const name of cases) {
    it(name, () => {
      const expected = JSON.parse(fs.readFileSync(path.join(DIR, name, 'expected.json'), 'utf8')) as Expected;
      assert.ok(expected.why.length > 0, 'each case cites its source');
      const decoded = decodeManifest(fs.readFileSync(path.join(DIR, name, 'input.yaml')));
      if ('skipped' in decoded) {
        assert.deepEqual([expected.kubectl.reads, typeof expected.kubectl.error], [undefined, 'string'], `kubectl reads it, the engine skipped it: ${decoded.skipped}`);
        return;
      }
      const parsed = parseFile(decoded.text);
      const objects = parsed.documents.flatMap(d => d.objects).map(o => ({ ...(o.node.toJS(o.doc) as object), apiVersion: o.apiVersion, kind: o.kind }));
      assert.deepEqual(objects, expected.kubectl.reads ?? []);
      assert.equal(skipsOf(parsed).length > 0, expected.kubectl.error !== undefined, 'what kubectl cannot read is reported as skipped');

      // Every `privileged: true` kubectl reads is reported on the `true` the user sees.
      const privileged = lint(decoded.text).findings.filter(f => f.ruleId === 'disallow-privileged-containers');
      assert.equal(privileged.length, privilegedContainers(expected.kubectl.reads ?? []));
      for (const f of privileged) {
        assert.equal(decoded.text.slice(f.offsets[0], f.offsets[1]), 'true');
        assert.deepEqual(f.range.start, editorPosition(decoded.text, f.offsets[0]));
      }
    });
  }
});

describe('a document with items and no kind', () => {
  it('is skipped at its items when an item is a Kubernetes object (kubectl refuses the list)', () => {
    const text = 'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n';
    const parsed = parseFile(text);
    assert.deepEqual(skipsOf(parsed), [{ reason: 'a list of objects without "kind": kubectl refuses it (Object \'Kind\' is missing)', offset: text.indexOf('items') }]);
    assert.deepEqual(parsed.documents[0].objects, []);
  });

  it('is other YAML when no item is: no objects, nothing skipped', () => {
    const parsed = parseFile('items:\n- name: a\n  price: 3\n- kind: fruit\n');
    assert.deepEqual([skipsOf(parsed), parsed.documents[0].objects], [[], []]);
  });
});
