// The fuzzer: seeded cases built from real manifests (test/fixtures/real, split into documents)
// and the Pod Security Admission fixtures, each mutated a few times, then linted and fixed (safe,
// then safe and unsafe). A case fails when anything throws, when it takes longer than the bound,
// when a fix result parses worse than its input (a new syntax error or repeated key, JSON turned
// into YAML, an API validation rule broken), or when fix-all does not reach a fixed point.
// Used by test/unit/fuzz/fuzz.test.ts (a bounded run in `npm test`) and scripts/fuzz.mjs (long runs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, FixSafety, integrityOf, lint, refusal } from '@kube-harden/server';
import { PSA_TESTDATA, REAL_CORPUS } from '../../helpers/fixture-paths';
import { MUTATION_NAMES, MUTATIONS, Rng } from './mutate';

export type FailureKind = 'exception' | 'slow' | 'integrity' | 'not-converged' | 'not-idempotent';

export interface CaseResult {
  index: number;
  mutations: string[];
  ms: number;
  failure?: { kind: FailureKind; detail: string };
  /** The input, kept only for a failure (to reproduce it). */
  input?: string;
}

/** Documents of at most this many characters: enough for any workload, fast enough for thousands of cases. */
const MAX_DOC = 8000;

/** The seed documents: every pod-bearing or small document of the real corpus, and PSA fixtures of two versions. */
export function loadSeeds(): string[] {
  const seeds: string[] = [];
  for (const f of fs.readdirSync(REAL_CORPUS).filter(x => /\.ya?ml$/.test(x)).sort()) {
    const text = fs.readFileSync(path.join(REAL_CORPUS, f), 'utf8');
    for (const d of text.split(/^---[^\n]*\n/m)) if (d.length > 40 && d.length <= MAX_DOC && /^kind:/m.test(d)) seeds.push(d);
  }
  for (const level of ['baseline', 'restricted']) {
    for (const v of ['v1.0', 'v1.30']) {
      for (const pf of ['pass', 'fail']) {
        const dir = path.join(PSA_TESTDATA, level, v, pf);
        if (!fs.existsSync(dir)) continue;
        for (const f of fs.readdirSync(dir).sort()) seeds.push(fs.readFileSync(path.join(dir, f), 'utf8'));
      }
    }
  }
  return seeds;
}

/** The input of case `index` of run `seed`: one seed document and 1 to 3 mutations, all chosen by the seed. */
export function makeCase(seeds: readonly string[], seed: number, index: number): { input: string; mutations: string[] } {
  const rng = new Rng((seed * 1_000_003 + index) >>> 0);
  let input = rng.pick(seeds);
  const mutations: string[] = [];
  for (let n = 1 + rng.int(3); n > 0; n--) {
    const name = rng.pick(MUTATION_NAMES);
    mutations.push(name);
    input = MUTATIONS[name](input, rng);
  }
  return { input, mutations };
}

function checkFix(input: string, safety: FixSafety): { kind: FailureKind; detail: string } | undefined {
  const config = { level: 'restricted' as const };
  const r = fixAll(input, config, { safety, maxPasses: 10 });
  if (!r.converged) return { kind: 'not-converged', detail: `${safety}: ${r.passes} passes` };
  if (r.text === input) return undefined;
  const why = refusal(integrityOf(input), integrityOf(r.text));
  if (why) return { kind: 'integrity', detail: `${safety}: ${why}` };
  const again = fixAll(r.text, config, { safety, maxPasses: 10 });
  if (again.text !== r.text) return { kind: 'not-idempotent', detail: `${safety}: fixing the result changes it again` };
  return undefined;
}

/** Runs one case; never throws. `boundMs`: a case slower than this is a failure (a near-hang). */
export function runCase(seeds: readonly string[], seed: number, index: number, boundMs: number): CaseResult {
  const { input, mutations } = makeCase(seeds, seed, index);
  const t0 = performance.now();
  let failure: CaseResult['failure'];
  try {
    lint(input, { level: 'restricted' });
    failure = checkFix(input, 'safe') ?? checkFix(input, 'unsafe');
  } catch (e) {
    failure = { kind: 'exception', detail: e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e) };
  }
  const ms = performance.now() - t0;
  if (!failure && ms > boundMs) failure = { kind: 'slow', detail: `${ms.toFixed(0)} ms` };
  return failure ? { index, mutations, ms, failure, input } : { index, mutations, ms };
}
