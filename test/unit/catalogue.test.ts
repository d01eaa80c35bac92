// Catalogue invariants: every rule file is registered under its own id, documented, tested,
// tied to real rows of the catalogue, and its generated page is up to date.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOGUE_ROWS, RULES, renderCatalogue, renderRuleIndex, renderRulePage, ruleLevel } from '@kube-harden/server';

const ROOT = path.resolve(__dirname, '../../..');
const RULES_DIR = path.join(ROOT, 'server/src/engine/rules');
const TOOLS = ['pss', 'kubeLinter', 'checkov', 'trivy', 'kubescape', 'polaris', 'kubesec'];

function catalogueRows(): Set<string> {
  return new Set(CATALOGUE_ROWS.map(r => r.id));
}

describe('rule catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map(r => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z0-9]+)*$/);
  });

  it('registers every rule file under its file name, in the folder of its category', () => {
    const files = fs.readdirSync(RULES_DIR, { withFileTypes: true }).filter(d => d.isDirectory())
      .flatMap(d => fs.readdirSync(path.join(RULES_DIR, d.name)).filter(f => f.endsWith('.ts')).map(f => `${d.name}/${f.slice(0, -3)}`));
    assert.deepEqual(files.sort(), RULES.map(r => `${r.category}/${r.id}`).sort());
  });

  it('documents every rule', () => {
    for (const r of RULES) {
      assert.ok(r.title.length > 10, `${r.id}: title`);
      assert.ok(r.docs.summary.length > 40, `${r.id}: summary`);
      assert.ok(r.docs.remediation.length > 20, `${r.id}: remediation`);
      assert.ok(r.docs.references.length > 0, `${r.id}: references`);
      for (const ref of r.docs.references) assert.match(ref, /^https:\/\/\S+$/, `${r.id}: reference ${ref}`);
      assert.ok(Object.keys(r.messages).length > 0, `${r.id}: messages`);
    }
  });

  it('states what every unsafe fix may break (shown in the quick fix title)', () => {
    for (const r of RULES) if (r.fix?.safety === 'unsafe') assert.ok((r.fix.risk ?? '').length > 10, `${r.id}: fix.risk`);
  });

  it('tests every rule in its own file', () => {
    for (const r of RULES) assert.ok(fs.existsSync(path.join(ROOT, 'test/unit/rules', `${r.id}.test.ts`)), `${r.id}: test/unit/rules/${r.id}.test.ts`);
  });

  it('names only real catalogue rows and tools', () => {
    const rows = catalogueRows();
    assert.ok(rows.size > 100, 'catalogue parsed');
    for (const r of RULES) {
      assert.ok(r.covers.length > 0, `${r.id}: covers`);
      for (const row of r.covers) assert.ok(rows.has(row), `${r.id}: unknown row ${row}`);
      for (const [tool, ids] of Object.entries(r.equivalents)) {
        assert.ok(TOOLS.includes(tool), `${r.id}: unknown tool ${tool}`);
        assert.ok(Array.isArray(ids) && ids.length > 0, `${r.id}: ${tool} ids`);
      }
      if (r.pss) {
        assert.deepEqual(r.equivalents.pss, [r.pss.check], `${r.id}: the PSA check is its pss equivalent`);
        assert.ok(r.covers.some(row => /^(B|R)\d/.test(row)), `${r.id}: a Pod Security row`);
      }
    }
  });

  // A restricted check replaces the baseline check of the same control (as PSA does), and a rule
  // may replace one of its own level whose every finding it makes more precisely; a rule never
  // replaces a stricter one (that would drop findings when the level goes up).
  it('overrides only rules that exist, of the same or a lower level', () => {
    let count = 0;
    for (const r of RULES) {
      for (const o of r.overrides ?? []) {
        const target = RULES.find(x => x.id === o);
        assert.ok(target, `${r.id} overrides unknown ${o}`);
        assert.ok(ruleLevel(target) === 'baseline' || ruleLevel(r) === 'restricted', `${r.id} (${ruleLevel(r)}) overrides the stricter ${o}`);
        count++;
      }
    }
    assert.ok(count >= 6);
  });

  it('has up-to-date generated pages (npm run docs)', () => {
    const dir = path.join(ROOT, 'docs/rules');
    for (const r of RULES) {
      const file = path.join(dir, `${r.id}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${r.id}.md missing: run npm run docs`);
      assert.equal(fs.readFileSync(file, 'utf8'), renderRulePage(r), `docs/rules/${r.id}.md is stale: run npm run docs`);
    }
    assert.equal(fs.readFileSync(path.join(dir, 'README.md'), 'utf8'), renderRuleIndex(RULES), 'docs/rules/README.md is stale: run npm run docs');
    assert.equal(fs.readFileSync(path.join(ROOT, 'docs/catalogue.md'), 'utf8'), renderCatalogue(RULES), 'docs/catalogue.md is stale: run npm run docs');
    const pages = fs.readdirSync(dir).filter(f => f.endsWith('.md') && f !== 'README.md').map(f => f.slice(0, -3)).sort();
    assert.deepEqual(pages, RULES.map(r => r.id).sort(), 'no page for a rule that does not exist');
  });
});
