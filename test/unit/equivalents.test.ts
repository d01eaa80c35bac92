// The peer checks a rule names in `equivalents`, judged against their own definitions
// (test/fixtures/peers/checks.json): every mapping the audit kept or added is named by its rule,
// every one it removed is not, and for each mapping a pass/fail pair written from the peer's
// definition shows the rule agreeing with the peer (fires on fail, silent on pass).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, ruleById, ruleLevel, RULES } from '@kube-harden/server';
import type { ConfigInput, Tool } from '@kube-harden/server';
import { CHECKOV_PAIRS } from './equivalents/checkov-pairs';
import { KUBE_LINTER_PAIRS } from './equivalents/kube-linter-pairs';
import { KUBESCAPE_PAIRS } from './equivalents/kubescape-pairs';
import { KUBESCAPE_WORKLOAD_PAIRS } from './equivalents/kubescape-workload-pairs';
import { KUBESEC_PAIRS } from './equivalents/kubesec-pairs';
import type { Pair } from './equivalents/manifests';
import { POLARIS_PAIRS } from './equivalents/polaris-pairs';
import { TRIVY_PAIRS } from './equivalents/trivy-pairs';

const ROOT = path.resolve(__dirname, '../../..');

interface PeerCheck { tool: Tool; id: string; checks: string; rule: string | null; verdict: 'kept' | 'added' | 'moved' | 'removed' | 'not-mapped' }

const CHECKS: PeerCheck[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/peers/checks.json'), 'utf8')).checks;

/** `tool:id:rule` -> a manifest the peer fails and one it passes, from the peer's definition. */
const PAIRS: Record<string, Pair> = { ...CHECKOV_PAIRS, ...KUBE_LINTER_PAIRS, ...KUBESCAPE_PAIRS, ...KUBESCAPE_WORKLOAD_PAIRS, ...KUBESEC_PAIRS, ...POLARIS_PAIRS, ...TRIVY_PAIRS };

const named = (c: PeerCheck, rule: string) => (ruleById(rule)?.equivalents[c.tool] ?? []).includes(c.id);
// At the rule's own level: a restricted rule may replace it above (default-deny replaces the namespace policy rule).
const fires = (rule: string, text: string, config: ConfigInput = {}) => lint(text, { level: ruleLevel(ruleById(rule)!), enableAll: true, ...config }).findings.some(f => f.ruleId === rule);

describe('equivalents: each peer id names the same check', () => {
  it('records real rules and verdicts', () => {
    for (const c of CHECKS) {
      assert.ok(c.checks.length > 20, `${c.tool} ${c.id}: what it checks`);
      if (c.rule) assert.ok(ruleById(c.rule), `${c.tool} ${c.id}: rule ${c.rule} exists`);
      else assert.equal(c.verdict, 'not-mapped', `${c.tool} ${c.id}: a verdict without a rule`);
    }
  });

  it('every kept, added or moved mapping is named by its rule; every removed one is not', () => {
    for (const c of CHECKS) {
      if (!c.rule) continue;
      const expected = c.verdict !== 'removed' && c.verdict !== 'not-mapped';
      assert.equal(named(c, c.rule), expected, `${c.rule} ${expected ? 'names' : 'does not name'} ${c.tool} ${c.id}`);
    }
  });

  it('a check no rule is equivalent to is named by none', () => {
    for (const c of CHECKS.filter(x => x.verdict === 'not-mapped' && !x.rule)) {
      assert.deepEqual(RULES.filter(r => (r.equivalents[c.tool] ?? []).includes(c.id)).map(r => r.id), [], `${c.tool} ${c.id}`);
    }
  });

  const mapped = CHECKS.filter(c => c.rule && c.verdict !== 'removed' && c.verdict !== 'not-mapped');
  it('has a pass/fail pair for every mapping the audit recorded', () => {
    assert.deepEqual(mapped.map(c => `${c.tool}:${c.id}:${c.rule}`).filter(k => !PAIRS[k]), []);
  });

  it('has no pair for a mapping the audit did not record as kept, added or moved', () => {
    const keys = new Set(mapped.map(c => `${c.tool}:${c.id}:${c.rule}`));
    assert.deepEqual(Object.keys(PAIRS).filter(k => !keys.has(k)), []);
  });

  for (const c of mapped) {
    const key = `${c.tool}:${c.id}:${c.rule}`;
    it(`${key}: fires where the peer fails, silent where it passes`, () => {
      const pair = PAIRS[key];
      assert.ok(pair, 'a pair is written');
      assert.equal(fires(c.rule!, pair.fail, pair.config), true, 'fires on the failing manifest');
      assert.equal(fires(c.rule!, pair.pass, pair.config), false, 'silent on the passing manifest');
    });
  }
});
