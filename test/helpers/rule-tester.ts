// Table-driven rule tests in the style of ESLint's RuleTester: every invalid case states the
// exact 1-based range and message id of each finding; the manifests must parse cleanly, so a
// case cannot pass because the YAML is broken; duplicate cases are rejected.
import * as assert from 'node:assert/strict';
import { applyEdits, fixAll, lintParsed, parseFile, resolveConfig, ruleById, ruleLevel } from '@kube-harden/server';
import type { Level, LintConfig } from '@kube-harden/server';

export interface Case {
  name?: string;
  code: string;
  level?: Level;
  version?: string;
  /** Rule settings beyond level and version (trustedRegistries, ...). */
  settings?: Partial<LintConfig>;
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
  /** The title of the fix the finding offers (what an editor's quick-fix menu shows). */
  fixTitle?: string;
  /** Every suggestion the finding offers, in order, with the exact text after applying it alone. */
  suggestions?: Array<{ title: string; output: string }>;
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
  /**
   * The exact text after applying every fix of this rule (unsafe ones included) to a fixed point.
   * Required when any finding offers a fix; must be absent when none does.
   */
  output?: string;
}

function configFor(ruleId: string, level?: Level, version?: string, settings?: Partial<LintConfig>): Partial<LintConfig> {
  const rule = ruleById(ruleId);
  assert.ok(rule, `rule ${ruleId} is registered`);
  return { ...settings, level: level ?? ruleLevel(rule), podSecurityVersion: version ?? 'latest', enableAll: true };
}

function assertParses(text: string, what: string): void {
  const parsed = parseFile(text);
  assert.equal(parsed.skipped, undefined, `${what} is linted, not skipped`);
  for (const d of parsed.documents) assert.deepEqual(d.doc.errors.map(e => e.message), [], `${what} is valid YAML`);
  assert.ok(parsed.documents.some(d => d.objects.length > 0), `${what} holds a Kubernetes object`);
}

const commentLines = (text: string) => text.split(/\r?\n/).filter(l => /^\s*#/.test(l));

export function run(ruleId: string, code: string, level?: Level, version?: string, settings?: Partial<LintConfig>) {
  assertParses(code, 'the case');
  const result = lintParsed(parseFile(code), resolveConfig(configFor(ruleId, level, version, settings)));
  assert.deepEqual(result.failures, [], 'no rule threw');
  return result.findings.filter(f => f.ruleId === ruleId);
}

export function ruleTester(ruleId: string, cases: { valid: Array<Case | string>; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    const seen = new Set<string>();
    const key = (c: Case) => JSON.stringify([c.code, c.level, c.version, c.settings]);
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
        const found = run(ruleId, c.code, c.level, c.version, c.settings);
        assert.deepEqual(found.map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.messageId}: ${f.message}`), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.ok(c.errors.length > 0, 'an invalid case expects at least one finding');
        const found = run(ruleId, c.code, c.level, c.version, c.settings);
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
          if (e.fixTitle) assert.equal(f.fix?.title, e.fixTitle, `finding #${j + 1}: its fix title`);
          const suggestions = f.suggestions.map(sg => {
            const edits = sg.edits();
            return { title: sg.title, output: edits ? applyEdits(c.code, edits).text : '(declined)' };
          }).filter(sg => sg.output !== '(declined)');
          assert.deepEqual(suggestions, e.suggestions ?? [], `finding #${j + 1}: its suggestions`);
          for (const sg of suggestions) assertParses(sg.output, 'a suggestion\'s output');
        });
        checkFix(ruleId, c, found.some(f => (f.fix?.edits()?.length ?? 0) > 0));
      });
    });
  });
}

/**
 * The fixes of an invalid case: the exact output, which parses, keeps every comment line, no
 * longer has a fixable finding of the rule, and is a fixed point (fixing again changes nothing).
 */
function checkFix(ruleId: string, c: InvalidCase, fixable: boolean): void {
  if (!fixable) {
    assert.equal(c.output, undefined, 'no finding offers a fix, so the case states no output');
    return;
  }
  assert.ok(c.output !== undefined, 'a finding offers a fix: the case must state the exact output');
  const config = configFor(ruleId, c.level, c.version, c.settings);
  const fixed = fixAll(c.code, config, { safety: 'unsafe', ruleId });
  assert.ok(fixed.converged, 'the fixes converge');
  assert.equal(fixed.text, c.output);
  assertParses(fixed.text, 'the fixed text');
  for (const line of commentLines(c.code)) assert.ok(commentLines(fixed.text).includes(line), `comment kept: ${line}`);
  const left = run(ruleId, fixed.text, c.level, c.version, c.settings).filter(f => (f.fix?.edits()?.length ?? 0) > 0);
  assert.deepEqual(left.map(f => f.message), [], 'nothing fixable is left');
  assert.equal(fixAll(fixed.text, config, { safety: 'unsafe', ruleId }).text, fixed.text, 'fixing again changes nothing');
}
