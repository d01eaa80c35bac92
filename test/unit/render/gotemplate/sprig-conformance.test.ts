// Masterminds/sprig's own template tests, extracted by scripts/dev/sprig-cases.mjs into
// test/fixtures/gotemplate/sprig/cases.json, run against the engine with Sprig's functions.
// Cases that cannot run here are listed by reason in sprig/excluded.json.
import * as assert from 'node:assert/strict';
import { parseTemplates, render } from '@kube-harden/server/out/engine/render/gotemplate/index';
import { withZero } from '@kube-harden/server/out/engine/render/gotemplate/values';
import { decode, readFixture } from './fixture-data';

interface SprigCase { file: string; test: string; line: number; template: string; expected: string; data?: unknown; expectError?: boolean }
interface Cases { source: { commit: string }; extracted: number; notExtracted: { file: string; line: number; reason: string }[]; cases: SprigCase[] }
interface Excluded { reasons: Record<string, string[]> }

const key = (c: SprigCase) => `${c.file}:${c.line}:${c.template}`;

describe('Sprig conformance: *_test.go template cases', () => {
  const fx = readFixture<Cases>('sprig/cases.json');
  const excluded = readFixture<Excluded>('sprig/excluded.json');
  const reasonOf = new Map<string, string>();
  for (const [reason, keys] of Object.entries(excluded.reasons)) for (const k of keys) reasonOf.set(k, reason);

  it(`${fx.cases.length - reasonOf.size} of ${fx.cases.length} extracted cases run; ${fx.notExtracted.length} call sites could not be extracted`, () => {
    assert.equal(fx.cases.length, fx.extracted);
  });

  it('every exclusion names a case of the fixture', () => {
    const all = new Set(fx.cases.map(key));
    for (const k of reasonOf.keys()) assert.ok(all.has(k), `excluded case not found: ${k}`);
  });

  for (const c of fx.cases) {
    if (reasonOf.has(key(c))) continue;
    it(`${c.file}:${c.line} ${c.test}: ${JSON.stringify(c.template)}`, () => {
      const set = parseTemplates([{ name: 'test', text: c.template }]);
      assert.deepEqual(set.errors, []);
      const data = c.data === undefined ? withZero({}, '') : decode(c.data);
      const r = render(set, 'test', data, { clock: Date.UTC(2019, 5, 13, 20, 39, 39) });
      if (c.expectError) { assert.ok(!r.ok, 'expected an error'); return; }
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(r.text, c.expected);
    });
  }
});
