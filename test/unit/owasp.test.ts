import * as assert from 'node:assert/strict';
import { OWASP_BY_CATEGORY, OWASP_BY_RULE, OWASP_K8S_TOP10, owaspOf, RULES } from '@kube-harden/server';
import { defaultStateReason, renderRuleIndex, renderRulePage } from '@kube-harden/server/out/engine/docs';

describe('OWASP Kubernetes Top 10 categories and the default-state reasons', () => {
  it('maps every rule to one of the ten categories', () => {
    for (const r of RULES) assert.ok(OWASP_K8S_TOP10[owaspOf(r)], r.id);
  });

  it('overrides only existing rules, and only where the category default differs', () => {
    for (const [id, owasp] of Object.entries(OWASP_BY_RULE)) {
      const rule = RULES.find(r => r.id === id);
      assert.ok(rule, `${id}: no such rule`);
      assert.notEqual(OWASP_BY_CATEGORY[rule.category], owasp, `${id}: the override repeats its category's default`);
    }
  });

  it('keeps the categories the brief names', () => {
    const byId = (id: string) => owaspOf(RULES.find(r => r.id === id)!);
    assert.equal(byId('disallow-privileged-containers'), 'K01');
    assert.equal(byId('disallow-latest-image-tag'), 'K02');
    assert.equal(byId('report-eol-and-vulnerable-components'), 'K10');
    assert.equal(OWASP_BY_CATEGORY.rbac, 'K03');
    assert.equal(byId('require-default-deny-network-policy'), 'K07');
    assert.equal(byId('disallow-secrets-in-env'), 'K08');
  });

  it('explains why every opt-in rule is off by default', () => {
    for (const r of RULES.filter(x => x.optIn)) {
      const why = defaultStateReason(r);
      assert.match(why, /off by default|opt-in/i, `${r.id}: its defaultReason says why it is off by default`);
      assert.doesNotMatch(why, /\bon by default\b/i, r.id);
    }
  });

  it('shows the reason and the OWASP category on each page, and the OWASP id in the index', () => {
    const rule = RULES.find(r => r.id === 'require-image-digest')!;
    const page = renderRulePage(rule);
    assert.ok(page.includes('| Why | Off by default (info): most teams pin version tags and rely on registry immutability, and digests need tooling to stay current. |'), page);
    assert.ok(page.includes('| OWASP Kubernetes Top 10 | [K02:2022 Supply Chain Vulnerabilities](https://owasp.org/www-project-kubernetes-top-ten/) |'), page);
    const pss = renderRulePage(RULES.find(r => r.id === 'disallow-host-pid')!);
    assert.ok(pss.includes('| Why | A Pod Security Standards baseline check: a namespace that enforces that level rejects the pod. |'));
    const index = renderRuleIndex(RULES).split('\n');
    assert.ok(index.includes('| Rule | Title | Category | Severity | Level | Fix | Also known as | OWASP |'));
    assert.ok(index.some(l => l.startsWith('| [require-image-digest](require-image-digest.md) | ') && l.includes('| baseline (opt-in) | ') && l.endsWith(' | K02 |')), 'index row');
  });
});
