// Table-driven rule tests in the style of ESLint's RuleTester: every invalid case states the
// exact 1-based range and message id of each finding; the manifests must parse cleanly, so a
// case cannot pass because the YAML is broken; duplicate cases are rejected. A case may bring
// other files of its workspace (`files`), for rules that read several objects together.
import * as assert from 'node:assert/strict';
import { applyEdits, fixAll, lintParsed, parseFile, resolveConfig, ruleById, ruleLevel, summarizeFile, WorkspaceIndex } from '@kube-harden/server';
import type { Finding, Level, LintConfig } from '@kube-harden/server';

/** The workspace folder of every case, and the URI of the case's own file in it. */
export const WORKSPACE = 'file:///ws/';
export const CASE_URI = `${WORKSPACE}case.yaml`;

export interface Case {
  name?: string;
  code: string;
  level?: Level;
  version?: string;
  /** Rule settings beyond level and version (trustedRegistries, ...). */
  settings?: Partial<LintConfig>;
  /** Other files of the workspace, by name relative to the case's folder (`policies/web.yaml`). */
  files?: Record<string, string>;
}

export interface ExpectedRelated {
  /** File name relative to the workspace folder: `case.yaml` for the case itself. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface ExpectedSuggestion {
  title: string;
  /** The exact text after applying the suggestion's edits alone. */
  output: string;
  /** Required when the suggestion can also create a new file: its name and exact text. */
  newFile?: { name: string; text: string };
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: Record<string, string | number>;
  covers?: string[];
  /** The finding's severity (the rule's, or the one it reports this finding at). */
  severity?: 'error' | 'warning' | 'info';
  /** The title of the fix the finding offers (what an editor's quick-fix menu shows). */
  fixTitle?: string;
  message?: string;
  /** Every suggestion the finding offers, in order, with the exact text after applying it alone. */
  suggestions?: ExpectedSuggestion[];
  /** Every related location the finding points at (LSP relatedInformation), in order. */
  related?: ExpectedRelated[];
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
  // Every rule on unless the case says otherwise (rules that read enableAll behave differently without it).
  return { enableAll: true, ...settings, level: level ?? ruleLevel(rule), podSecurityVersion: version ?? 'latest' };
}

function assertParses(text: string, what: string): void {
  const parsed = parseFile(text);
  assert.equal(parsed.skipped, undefined, `${what} is linted, not skipped`);
  for (const d of parsed.documents) assert.deepEqual(d.doc.errors.map(e => e.message), [], `${what} is valid YAML`);
  assert.ok(parsed.documents.some(d => d.objects.length > 0), `${what} holds a Kubernetes object`);
}

const commentLines = (text: string) => text.split(/\r?\n/).filter(l => /^\s*#/.test(l));

/** The workspace of a case: its other files and the case's own text. */
export function workspaceOf(c: Pick<Case, 'files'>, code: string): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(c.files ?? {})) {
    assert.ok(!/^(\/|[a-z]+:)/.test(name) && name !== 'case.yaml', `workspace file names are relative and not case.yaml: ${name}`);
    const parsed = parseFile(text);
    for (const d of parsed.documents) assert.deepEqual(d.doc.errors.map(e => e.message), [], `${name} is valid YAML`);
    index.setFile(WORKSPACE + name, summarizeFile(WORKSPACE + name, parsed));
  }
  index.setFile(CASE_URI, summarizeFile(CASE_URI, parseFile(code)));
  return index;
}

/** The rule's findings for a case (its `code` linted as `case.yaml` in the case's workspace). */
export function findingsOf(ruleId: string, c: Case, code = c.code): Finding[] {
  assertParses(code, 'the case');
  const result = lintParsed(parseFile(code), resolveConfig(configFor(ruleId, c.level, c.version, c.settings)), { uri: CASE_URI, workspace: workspaceOf(c, code) });
  assert.deepEqual(result.failures, [], 'no rule threw');
  return result.findings.filter(f => f.ruleId === ruleId);
}

export function run(ruleId: string, code: string, level?: Level, version?: string, settings?: Partial<LintConfig>) {
  return findingsOf(ruleId, { code, level, version, settings });
}

function relatedOf(f: Finding): ExpectedRelated[] {
  return f.related.map(r => ({
    file: r.uri.startsWith(WORKSPACE) ? r.uri.slice(WORKSPACE.length) : r.uri,
    line: r.range.start.line + 1,
    column: r.range.start.character + 1,
    endLine: r.range.end.line + 1,
    endColumn: r.range.end.character + 1,
    message: r.message,
  }));
}

export function ruleTester(ruleId: string, cases: { valid: Array<Case | string>; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    const seen = new Set<string>();
    const key = (c: Case) => JSON.stringify([c.code, c.level, c.version, c.settings, c.files]);
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
        const found = findingsOf(ruleId, c);
        assert.deepEqual(found.map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.messageId}: ${f.message}`), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.ok(c.errors.length > 0, 'an invalid case expects at least one finding');
        const found = findingsOf(ruleId, c);
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
          for (const title of [f.fix?.title ?? '', ...f.suggestions.map(sg => sg.title)]) {
            assert.doesNotMatch(title, /\{\{/, 'every fix title placeholder is filled');
            assert.doesNotMatch(title, /^[a-z][A-Za-z]*$/, `a fix title is text, not a fixMessages id: ${title}`);
          }
          if (e.data) assert.deepEqual(f.data, e.data);
          if (e.covers) assert.deepEqual(f.covers, e.covers);
          if (e.severity) assert.equal(f.severity, e.severity);
          if (e.message) assert.equal(f.message, e.message);
          if (e.fixTitle) assert.equal(f.fix?.title, e.fixTitle, `finding #${j + 1}: its fix title`);
          const suggestions = f.suggestions.map(sg => {
            const edits = sg.edits();
            const out: ExpectedSuggestion = { title: sg.title, output: edits ? applyEdits(c.code, edits).text : '(declined)' };
            const file = sg.newFile?.();
            if (file) out.newFile = file;
            return out;
          }).filter(sg => sg.output !== '(declined)');
          assert.deepEqual(suggestions, e.suggestions ?? [], `finding #${j + 1}: its suggestions`);
          for (const sg of suggestions) {
            assertParses(sg.output, 'a suggestion\'s output');
            if (sg.newFile) assertParses(sg.newFile.text, 'a suggestion\'s new file');
          }
          assert.deepEqual(relatedOf(f), e.related ?? [], `finding #${j + 1}: its related locations`);
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
  const inWorkspace = { lint: { uri: CASE_URI, workspace: workspaceOf(c, c.code) } };
  const fixed = fixAll(c.code, config, { safety: 'unsafe', ruleId, ...inWorkspace });
  assert.ok(fixed.converged, 'the fixes converge');
  assert.equal(fixed.text, c.output);
  assertParses(fixed.text, 'the fixed text');
  for (const line of commentLines(c.code)) assert.ok(commentLines(fixed.text).includes(line), `comment kept: ${line}`);
  const left = findingsOf(ruleId, c, fixed.text).filter(f => (f.fix?.edits()?.length ?? 0) > 0);
  assert.deepEqual(left.map(f => f.message), [], 'nothing fixable is left');
  assert.equal(fixAll(fixed.text, config, { safety: 'unsafe', ruleId, ...inWorkspace }).text, fixed.text, 'fixing again changes nothing');
}
