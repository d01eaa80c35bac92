// The peer checks a rule names in `equivalents`, judged against their own definitions
// (test/fixtures/peers/checks.json): every peer id a rule names is audited for it, every mapping
// the audit kept, added or moved is named by its rule and every one it removed is not; for each
// mapping a pass/fail pair written from the peer's definition shows the rule agreeing with the
// peer (fires on fail, silent on pass), and for removals with a behavioural reason a pair shows
// the disagreement.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ruleById, RULES } from '@kube-harden/server';
import type { Tool } from '@kube-harden/server';
import { agrees, fires, keyOf, PAIRS, PeerCheck, peerChecks, REMOVED_PAIRS } from './equivalents/agreement';
import { annotateAll, FOREIGN_ANNOTATION } from './equivalents/foreign-annotations';

const CHECKS = peerChecks(path.resolve(__dirname, '../../..'));

const named = (c: PeerCheck, rule: string) => (ruleById(rule)?.equivalents[c.tool] ?? []).includes(c.id);

describe('equivalents: each peer id names the same check', () => {
  it('records real rules and verdicts', () => {
    for (const c of CHECKS) {
      assert.ok(c.checks.length > 20, `${c.tool} ${c.id}: what it checks`);
      if (c.rule) assert.ok(ruleById(c.rule), `${c.tool} ${c.id}: rule ${c.rule} exists`);
      else assert.equal(c.verdict, 'not-mapped', `${c.tool} ${c.id}: a verdict without a rule`);
    }
  });

  it('audits every peer id a rule names, for that rule (Pod Security ids are the conformance suite\'s)', () => {
    const audited = new Set(CHECKS.filter(c => c.verdict !== 'removed' && c.verdict !== 'not-mapped').map(keyOf));
    const unaudited = RULES.flatMap(r => Object.entries(r.equivalents)
      .filter(([tool]) => tool !== 'pss')
      .flatMap(([tool, ids]) => (ids ?? []).map(id => keyOf({ tool: tool as Tool, id, rule: r.id }))))
      .filter(k => !audited.has(k));
    assert.deepEqual(unaudited, []);
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
  it('has a pass/fail pair for every mapping the audit recorded, and none for another', () => {
    const keys = new Set(mapped.map(keyOf));
    assert.deepEqual(mapped.map(keyOf).filter(k => !PAIRS[k]), []);
    assert.deepEqual(Object.keys(PAIRS).filter(k => !keys.has(k)), []);
  });

  it('has disagreement pairs only for removed mappings', () => {
    const removed = new Set(CHECKS.filter(c => c.verdict === 'removed').map(keyOf));
    assert.deepEqual(Object.keys(REMOVED_PAIRS).filter(k => !removed.has(k)), []);
  });

  for (const c of mapped) {
    const key = keyOf(c);
    it(`${key}: fires where the peer fails, silent where it passes`, () => {
      const pair = PAIRS[key];
      assert.ok(pair, 'a pair is written');
      assert.equal(fires(c.rule!, pair.fail, pair.config), true, 'fires on the failing manifest');
      assert.equal(fires(c.rule!, pair.pass, pair.config), false, 'silent on the passing manifest');
    });
  }

  // A team moving from a peer keeps its reviewed exceptions: the peer's annotation for the check
  // silences the rule on the manifest the peer fails.
  for (const c of mapped.filter(x => FOREIGN_ANNOTATION[x.tool])) {
    const key = keyOf(c);
    it(`${key}: the peer's exception annotation silences the rule`, () => {
      const pair = PAIRS[key];
      assert.equal(fires(c.rule!, annotateAll(pair.fail, FOREIGN_ANNOTATION[c.tool]!(c.id)), pair.config), false);
    });
  }

  for (const [key, pair] of Object.entries(REMOVED_PAIRS)) {
    const [tool, id, rule] = key.split(':') as [Tool, string, string];
    it(`${key} (removed): the rule judges the peer's pair differently`, () => {
      assert.equal(agrees(rule, pair), false);
    });
    // Nor does the peer's exception for a check that is not the rule's silence it.
    if (FOREIGN_ANNOTATION[tool] && fires(rule, pair.fail, pair.config)) {
      it(`${key} (removed): the peer's exception annotation leaves the rule's finding`, () => {
        assert.equal(fires(rule, annotateAll(pair.fail, FOREIGN_ANNOTATION[tool]!(id)), pair.config), true);
      });
    }
  }
});
