// Every rule's examples do what its page says (ESLint's check-rule-examples): the incorrect
// manifest gets the rule's finding, the correct one does not, each linted alone with the rule on
// at its level, as a reader would paste it.
import * as assert from 'node:assert/strict';
import { lintParsed, parseFile, resolveConfig, RULES, ruleLevel, summarizeFile, WorkspaceIndex } from '@kube-harden/server';
import type { Rule } from '@kube-harden/server';

const URI = 'file:///example/example.yaml';

function findings(rule: Rule, code: string) {
  const parsed = parseFile(code);
  assert.equal(parsed.skipped, undefined, 'the example is linted');
  for (const d of parsed.documents) assert.deepEqual(d.doc.errors.map(e => e.message), [], 'the example is valid YAML');
  const workspace = new WorkspaceIndex();
  workspace.setFile(URI, summarizeFile(URI, parsed));
  const config = resolveConfig({ ...rule.examples!.settings, level: ruleLevel(rule), rules: { [rule.id]: rule.severity } });
  const result = lintParsed(parsed, config, { uri: URI, workspace });
  assert.deepEqual(result.failures, [], 'no rule threw');
  return result.findings.filter(f => f.ruleId === rule.id).map(f => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.messageId}`);
}

describe('rule examples', () => {
  it('every rule has an incorrect and a correct example', () => {
    assert.deepEqual(RULES.filter(r => (!r.retired && !r.examples?.incorrect) || !r.examples?.correct).map(r => r.id), []);
    // A retired rule reports nothing, so it has nothing incorrect to show.
    assert.deepEqual(RULES.filter(r => r.retired && r.examples?.incorrect).map(r => r.id), []);
  });

  for (const rule of RULES) {
    if (!rule.examples) continue;
    it(`${rule.id}: the incorrect example is reported, the correct one is not`, () => {
      if (rule.examples!.incorrect !== undefined) assert.notDeepEqual(findings(rule, rule.examples!.incorrect), [], 'incorrect example reported');
      assert.deepEqual(findings(rule, rule.examples!.correct), [], 'correct example clean');
      assert.notEqual(rule.examples!.incorrect, rule.examples!.correct);
    });
  }
});
