// A bounded fuzz run in the unit suite: a fixed seed, so a failure reproduces with
// `node scripts/fuzz.mjs --seed 20261206 --from <index> --cases 1 --show`. Long runs: scripts/fuzz.mjs.
import * as assert from 'node:assert/strict';
import { loadSeeds, makeCase, runCase } from './run';

const SEED = 20261206;
const CASES = 60;
/** Far above a normal case (tens of milliseconds): only a near-hang trips it, even on a loaded machine. */
const BOUND_MS = 10_000;

describe('fuzz: mutated real manifests never crash, hang or get broken by fixes', function () {
  this.timeout(120_000);
  const seeds = loadSeeds();

  it('has seed documents from the real corpus and the PSA fixtures', () => assert.ok(seeds.length >= 300, String(seeds.length)));

  it('builds the same case from the same seed, and different cases from different indexes', () => {
    assert.deepEqual(makeCase(seeds, SEED, 7), makeCase(seeds, SEED, 7));
    assert.notEqual(makeCase(seeds, SEED, 7).input, makeCase(seeds, SEED, 8).input);
  });

  it(`${CASES} cases (seed ${SEED}): no exception, no near-hang, every fix result parses and converges`, () => {
    const failures = [];
    let worst = 0;
    for (let i = 0; i < CASES; i++) {
      const r = runCase(seeds, SEED, i, BOUND_MS);
      worst = Math.max(worst, r.ms);
      if (r.failure) failures.push(`#${i} [${r.mutations.join(', ')}] ${r.failure.kind}: ${r.failure.detail}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(worst > 0);
  });
});
