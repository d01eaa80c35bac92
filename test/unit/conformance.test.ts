// The Kubernetes project's own Pod Security Admission fixtures are the ground truth for the
// Pod Security Standards rules: at a given policy version and level, every `fail` file must
// raise a finding from the rule covering the named check, and no `pass` file may raise any
// Pod Security finding.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '@kube-harden/server';
import { PSA_TESTDATA } from '../helpers/fixture-paths';

export const PSA_ROOT = PSA_TESTDATA;

/**
 * Catalogue rows per PSA check id (the file-name prefix of each fixture); shared with
 * scripts/conformance.mjs.
 */
export const ROWS_FOR_CHECK: Record<string, string[]> = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../psa-check-rows.json'), 'utf8'));

const isPssRow = (r: string) => /^(B|R)\d/.test(r);

export interface Disagreement { file: string; why: string }

/** Checks every fixture of one level and version; returns the disagreements and the count. */
export function conformance(level: 'baseline' | 'restricted', version: string): { total: number; wrong: Disagreement[] } {
  const wrong: Disagreement[] = [];
  let total = 0;
  for (const verdict of ['pass', 'fail'] as const) {
    const dir = path.join(PSA_ROOT, level, version, verdict);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter(f => f.endsWith('.yaml')).sort()) {
      total++;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const pss = lint(text, { level, podSecurityVersion: version }).findings.filter(f => f.covers.some(isPssRow));
      const file = `${level}/${version}/${verdict}/${name}`;
      if (verdict === 'pass') {
        if (pss.length) wrong.push({ file, why: `unexpected ${pss.map(f => `${f.ruleId}@${f.range.start.line + 1}`).join(', ')}` });
        continue;
      }
      const want = ROWS_FOR_CHECK[name.replace(/\d+\.yaml$/, '')] ?? [];
      if (!pss.length) wrong.push({ file, why: 'nothing reported' });
      else if (!pss.some(f => f.covers.some(r => want.includes(r)))) wrong.push({ file, why: `not the ${want.join('/')} row: ${pss.map(f => f.ruleId).join(', ')}` });
    }
  }
  return { total, wrong };
}

export function versions(): string[] {
  return fs.readdirSync(path.join(PSA_ROOT, 'restricted')).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

describe('Pod Security Admission conformance', function () {
  this.timeout(120_000);
  before(function () { if (!fs.existsSync(PSA_ROOT)) throw new Error(`fixtures not found at ${PSA_ROOT}`); });

  for (const level of ['baseline', 'restricted'] as const) {
    it(`agrees with every ${level} fixture at v1.37`, () => {
      const { total, wrong } = conformance(level, 'v1.37');
      assert.ok(total > 0);
      assert.deepEqual(wrong, []);
    });
  }

  it('agrees with every fixture of every older policy version', () => {
    const wrong: Disagreement[] = [];
    for (const v of versions()) for (const level of ['baseline', 'restricted'] as const) wrong.push(...conformance(level, v).wrong);
    assert.deepEqual(wrong.slice(0, 20), []);
  });
});
