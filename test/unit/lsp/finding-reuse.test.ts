import * as assert from 'node:assert/strict';
import { applyEdits, lintParsed, parseFile, resolveConfig, ruleById } from '@kube-harden/server';
import type { Finding, Rule } from '@kube-harden/server';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { escalatingPod, modelCache } from '../../helpers/model-cache';
import type { FactRead } from '@kube-harden/server/out/engine/workspace/fact-delta';
import { NETWORK_POLICY_READS } from '@kube-harden/server/out/engine/workspace/reads';

const TEXT = [escalatingPod('a'), escalatingPod('b'), escalatingPod('c')].join('---\n');
const URI = 'file:///w/pods.yaml';

/**
 * A cache over a real workspace model, whose one rule counts the objects it checks and, with
 * `readsModel`, asks the model something as cross-object rules do.
 */
function harness(readsModel = false, workspaceReads?: readonly FactRead[]) {
  const checked: string[] = [];
  const real = ruleById('require-no-privilege-escalation')!;
  const counting: Rule = {
    ...real,
    ...(workspaceReads ? { workspaceReads } : {}),
    checkPod: ctx => {
      checked.push(ctx.object.name ?? '?');
      if (readsModel) ctx.workspace.index.namespaceOf(ctx.workspace.self);
      real.checkPod!(ctx);
    },
  };
  const resolved = resolveConfig({ enableAll: true }, [counting]);
  const { cache } = modelCache();
  let doc = TextDocument.create(URI, 'yaml', 1, TEXT);
  const edit = (change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }) => {
    doc = TextDocument.update(doc, [change], doc.version + 1);
    return doc;
  };
  return { checked, resolved, cache, edit, lint: () => cache.lint(doc, resolved), text: () => doc.getText(), open: (uri: string, text: string) => TextDocument.create(uri, 'yaml', 1, text) };
}

const at = (line: number, character: number) => ({ line, character });
const where = (f: Finding) => [f.object.name, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character, f.offsets[0], f.offsets[1]];
const fixed = (text: string, f: Finding) => applyEdits(text, f.fix!.edits()!).text;

describe('lsp: findings of untouched documents are reused, moved by the edit', () => {
  it('a line inserted in the middle document: only it is linted again, the one below moves down a line', () => {
    const h = harness();
    const before = h.lint();
    assert.deepEqual(before.findings.map(where), [
      ['a', 11, 32, 11, 36, 177, 181],
      ['b', 24, 32, 24, 36, 363, 367],
      ['c', 37, 32, 37, 36, 549, 553],
    ]);
    h.checked.length = 0;
    // A comment line above `spec:` of pod b (line 19): 18 characters with its line break.
    h.edit({ range: { start: at(19, 0), end: at(19, 0) }, text: '  # a new comment\n' });
    const after = h.lint();
    assert.deepEqual(h.checked, ['b']);
    assert.deepEqual(after.findings.map(where), [
      ['a', 11, 32, 11, 36, 177, 181],
      ['b', 25, 32, 25, 36, 381, 385],
      ['c', 38, 32, 38, 36, 567, 571],
    ]);
    // Above the edit and below it: equal to a fresh lint of the new text.
    const fresh = lintParsed(parseFile(h.text()), h.resolved, { uri: URI });
    assert.deepEqual(after.findings.map(where), fresh.findings.map(where));
    assert.deepEqual(after.findings.map(f => f.message), fresh.findings.map(f => f.message));
    // The moved finding's fix edits the new text at its new place.
    const text = h.text();
    const c = after.findings[2];
    assert.equal(text.slice(c.offsets[0], c.offsets[1]), 'true');
    const out = fixed(text, c);
    assert.equal(out, text.slice(0, 567) + 'false' + text.slice(571));
    assert.equal(out, fixed(text, fresh.findings[2]));
    // Above the edit, the fix reads the new text too.
    assert.equal(fixed(text, after.findings[0]), text.slice(0, 177) + 'false' + text.slice(181));
  });

  it('a Namespace edited in the file lints again every workload whose level it may decide', () => {
    const h = harness();
    h.lint();
    h.checked.length = 0;
    // A Namespace appended at the end: the pods' Pod Security level may now come from its labels.
    const end = h.text().split('\n').length - 1;
    h.edit({ range: { start: at(end, 0), end: at(end, 0) }, text: '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n' });
    h.lint();
    assert.deepEqual(h.checked.sort(), ['a', 'b', 'c']);
  });

  it('a one-character edit of a value moves the findings after it by a character, lines unchanged', () => {
    const h = harness();
    h.lint();
    h.checked.length = 0;
    h.edit({ range: { start: at(22, 21), end: at(22, 21) }, text: '9' }); // pod b: nginx:1.279
    const after = h.lint();
    assert.deepEqual(h.checked, ['b']);
    assert.deepEqual(after.findings.map(where), [
      ['a', 11, 32, 11, 36, 177, 181],
      ['b', 24, 32, 24, 36, 364, 368],
      ['c', 37, 32, 37, 36, 550, 554],
    ]);
    assert.equal(fixed(h.text(), after.findings[2]), h.text().slice(0, 550) + 'false' + h.text().slice(554));
  });

  for (const readsModel of [true, false]) {
    it(`a changed fact (a name) lints again the documents that ${readsModel ? 'read' : 'do not read'} the model ${readsModel ? 'again' : 'only if edited'}`, () => {
      const h = harness(readsModel);
      h.lint();
      h.checked.length = 0;
      h.edit({ range: { start: at(16, 8), end: at(16, 9) }, text: 'bb' }); // metadata.name of pod b
      const after = h.lint();
      assert.deepEqual(h.checked.sort(), readsModel ? ['a', 'bb', 'c'] : ['bb']);
      const fresh = lintParsed(parseFile(h.text()), h.resolved, { uri: URI });
      assert.deepEqual(after.findings.map(where), fresh.findings.map(where));
    });
  }

  it('an edit of a fact (an image) lints again every document whose rules read the model', () => {
    const h = harness(true);
    h.lint();
    h.checked.length = 0;
    h.edit({ range: { start: at(22, 21), end: at(22, 21) }, text: '9' }); // an image: a fact, read by the model
    h.lint();
    assert.deepEqual(h.checked.sort(), ['a', 'b', 'c']);
  });

  it('a finding of the edited document is computed again, at its new place', () => {
    const h = harness();
    h.lint();
    h.edit({ range: { start: at(24, 32), end: at(24, 36) }, text: 'false' }); // pod b fixed by hand
    const after = h.lint();
    assert.deepEqual(after.findings.map(where), [
      ['a', 11, 32, 11, 36, 177, 181],
      ['c', 37, 32, 37, 36, 550, 554],
    ]);
  });

  it('a rule that declares what it reads is run again only when that changes: an image no, a policy yes', () => {
    const h = harness(true, NETWORK_POLICY_READS);
    h.lint();
    h.checked.length = 0;
    h.edit({ range: { start: at(22, 21), end: at(22, 21) }, text: '9' }); // pod b's image: no policy fact
    const after = h.lint();
    assert.deepEqual(h.checked, ['b']);
    assert.deepEqual(after.findings.map(where), lintParsed(parseFile(h.text()), h.resolved, { uri: URI }).findings.map(where));
    h.checked.length = 0;
    const end = h.text().split('\n').length - 1;
    h.edit({ range: { start: at(end, 0), end: at(end, 0) }, text: '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n' });
    h.lint();
    assert.deepEqual(h.checked.sort(), ['a', 'b', 'c']);
  });

  it('another open file keeps its very lint (nothing to publish) unless its rules read what changed', () => {
    const h = harness(true, NETWORK_POLICY_READS);
    const other = h.open('file:///w/other.yaml', escalatingPod('z'));
    // Each file linted once the other is in the model (a pod is a workload the policy rules count).
    h.lint();
    const first = h.cache.lint(other, h.resolved);
    h.lint();
    h.checked.length = 0;
    h.edit({ range: { start: at(22, 21), end: at(22, 21) }, text: '9' }); // an image in pods.yaml
    h.lint();
    assert.equal(h.cache.lint(other, h.resolved), first);
    assert.deepEqual(h.checked, ['b']);
    const end = h.text().split('\n').length - 1;
    h.edit({ range: { start: at(end, 0), end: at(end, 0) }, text: '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n' });
    h.lint();
    h.checked.length = 0;
    assert.notEqual(h.cache.lint(other, h.resolved), first);
    assert.deepEqual(h.checked, ['z']);
  });
});
