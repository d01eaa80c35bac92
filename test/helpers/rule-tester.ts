// Table-driven rule tests in the style of ESLint's RuleTester: every invalid case states the
// exact 1-based range and message id of each finding; the manifests must parse cleanly, so a
// case cannot pass because the YAML is broken; duplicate cases are rejected.
import * as assert from 'node:assert/strict';
import { lintParsed, parseFile, resolveConfig, ruleById, ruleLevel } from '@kube-harden/server';
import type { Level } from '@kube-harden/server';

export interface Case {
  name?: string;
  code: string;
  level?: Level;
  version?: string;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: Record<string, string | number>;
  covers?: string[];
  message?: string;
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
}

export function run(ruleId: string, code: string, level?: Level, version?: string) {
  const rule = ruleById(ruleId);
  assert.ok(rule, `rule ${ruleId} is registered`);
  const parsed = parseFile(code);
  assert.equal(parsed.skipped, undefined, 'the case is linted, not skipped');
  for (const d of parsed.documents) assert.deepEqual(d.doc.errors.map(e => e.message), [], 'the case is valid YAML');
  assert.ok(parsed.documents.some(d => d.objects.length > 0), 'the case holds a Kubernetes object');
  const resolved = resolveConfig({ level: level ?? ruleLevel(rule), podSecurityVersion: version ?? 'latest', enableAll: true });
  const result = lintParsed(parsed, resolved);
  assert.deepEqual(result.failures, [], 'no rule threw');
  return result.findings.filter(f => f.ruleId === ruleId);
}

export function ruleTester(ruleId: string, cases: { valid: Array<Case | string>; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    const seen = new Set<string>();
    const key = (c: Case) => JSON.stringify([c.code, c.level, c.version]);
    const all = [...cases.valid.map(c => (typeof c === 'string' ? { code: c } : c)), ...cases.invalid];
    it('has no duplicate cases', () => {
      for (const c of all) {
        assert.ok(!seen.has(key(c)), `duplicate case: ${c.name ?? c.code}`);
        seen.add(key(c));
      }
    });
    cases.valid.forEach((vc, i) => {
      const c = typeof vc === 'string' ? { code: vc } : vc;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const found = run(ruleId, c.code, c.level, c.version);
        assert.deepEqual(found.map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.messageId}: ${f.message}`), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.ok(c.errors.length > 0, 'an invalid case expects at least one finding');
        const found = run(ruleId, c.code, c.level, c.version);
        const actual = found.map(f => ({
          messageId: f.messageId,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        }));
        const expected = c.errors.map(e => ({ messageId: e.messageId, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn }));
        assert.deepEqual(actual, expected);
        c.errors.forEach((e, j) => {
          const f = found[j];
          assert.doesNotMatch(f.message, /\{\{/, 'every message placeholder is filled');
          if (e.data) assert.deepEqual(f.data, e.data);
          if (e.covers) assert.deepEqual(f.covers, e.covers);
          if (e.message) assert.equal(f.message, e.message);
        });
      });
    });
  });
}
