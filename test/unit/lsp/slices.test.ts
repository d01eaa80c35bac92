// Large documents are parsed and linted in slices (lsp/slices.ts, ParseCache.lintSliced): the
// same findings as at once, turns of the event loop between slices, and a superseded version
// abandoned without harming the parse the next version reuses.
import * as assert from 'node:assert/strict';
import { lintParsed, lintParsedSteps, parseFile, parseFileSteps, resolveConfig } from '@kube-harden/server';
import type { Finding } from '@kube-harden/server';
import { runInSlices } from '@kube-harden/server/out/lsp/slices';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { escalatingPod, modelCache } from '../../helpers/model-cache';

const URI = 'file:///w/big.yaml';
const POD_LINES = escalatingPod('p0').split('\n').length - 1;

/** Pods p0, p1, ... joined by `---`, at least SLICED_FROM characters (lowered here: the mechanism is what is tested). */
const SLICED_FROM = 24 * 1024;
function bigText(): { text: string; pods: number } {
  const parts: string[] = [];
  let length = 0;
  while (length < SLICED_FROM) {
    const pod = escalatingPod(`p${parts.length}`);
    parts.push(pod);
    length += pod.length + 4;
  }
  return { text: parts.join('---\n'), pods: parts.length };
}

const steps = { parseFile, lintParsed, parseFileSteps, lintParsedSteps };
const where = (f: Finding) => `${f.ruleId} ${f.object.name} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
const resolved = resolveConfig({});

describe('lsp: large documents in slices', () => {
  const { text, pods } = bigText();

  it('runInSlices runs to the end, and stops at the first turn once cancelled', async () => {
    let clock = 0;
    let turned = false;
    setImmediate(() => { turned = true; });
    const seen: boolean[] = [];
    function* work() { for (let i = 0; i < 4; i++) { seen.push(turned); clock += 10; yield; } return 'done'; }
    // 10 ms a step, 15 ms a slice: the loop turns after the second step.
    assert.equal(await runInSlices(work(), { budgetMs: 15, now: () => clock }), 'done');
    assert.deepEqual(seen, [false, false, true, true]);
    let asked = 0;
    assert.equal(await runInSlices(work(), { budgetMs: 15, now: () => clock, cancelled: () => ++asked >= 1 }), undefined);
    assert.equal(asked, 1);
    assert.equal(seen.length, 6, 'two steps, then the turn that cancelled');
  });

  it('the findings are those of the lint at once, with the same ranges', async () => {
    const doc = TextDocument.create(URI, 'yaml', 1, text);
    const sliced = await modelCache(steps, { from: SLICED_FROM, budgetMs: 0 }).cache.lintSliced(doc, resolved, () => false);
    const atOnce = modelCache().cache.lint(doc, resolved);
    assert.ok(sliced);
    assert.ok(atOnce.findings.length >= pods, `${atOnce.findings.length} findings for ${pods} pods`);
    assert.deepEqual(sliced.findings.map(where), atOnce.findings.map(where));
    // The last pod's escalation finding, on its own line of the big text.
    const last = sliced.findings.filter(f => f.ruleId === 'require-no-privilege-escalation').pop()!;
    assert.equal(where(last), `require-no-privilege-escalation p${pods - 1} ${(pods - 1) * (POD_LINES + 1) + 11}:32-${(pods - 1) * (POD_LINES + 1) + 11}:36`);
  });

  it('a version superseded half-way is abandoned, and the next version still reuses the earlier parse correctly', async () => {
    const { cache } = modelCache(steps, { from: SLICED_FROM, budgetMs: 0 });
    let doc = TextDocument.create(URI, 'yaml', 1, text);
    assert.ok(await cache.lintSliced(doc, resolved, () => false));
    // Version 2 inserts a line at the top; its lint is cancelled at the first turn.
    doc = TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# top\n' }], 2);
    assert.equal(await cache.lintSliced(doc, resolved, () => true), undefined);
    // Version 3 inserts another: every finding moves down two lines from version 1.
    doc = TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# again\n' }], 3);
    const after = await cache.lintSliced(doc, resolved, () => false);
    const fresh = modelCache().cache.lint(doc, resolved);
    assert.ok(after);
    assert.deepEqual(after.findings.map(where), fresh.findings.map(where));
    assert.equal(where(after.findings.find(f => f.ruleId === 'require-no-privilege-escalation')!), 'require-no-privilege-escalation p0 13:32-13:36');
  });

  it('callers of the same version share one lint; one that withdraws is answered at once, the others get the result', async () => {
    const counted = { parses: 0 };
    const engine = { ...steps, parseFileSteps: (...a: Parameters<typeof parseFileSteps>) => { counted.parses++; return parseFileSteps(...a); } };
    const { cache } = modelCache(engine, { from: SLICED_FROM, budgetMs: 0 });
    const doc = TextDocument.create(URI, 'yaml', 1, text);
    const order: string[] = [];
    let withdrawn = false;
    const validator = cache.lintSliced(doc, resolved, () => false).then(r => { order.push('validator'); return r; });
    const request = cache.lintSliced(doc, resolved, () => withdrawn).then(r => { order.push('request'); return r; });
    setImmediate(() => { withdrawn = true; });
    const [v, r] = await Promise.all([validator, request]);
    assert.equal(r, undefined);
    assert.deepEqual(order, ['request', 'validator']);
    assert.equal(counted.parses, 1);
    assert.ok(v && v.findings.length >= pods);
    // Asked again for the same version: the cached lint, no new work.
    assert.equal(await cache.lintSliced(doc, resolved, () => false), v);
    assert.equal(counted.parses, 1);
  });

  it('a small document is linted at once: no turn of the event loop in between', async () => {
    const doc = TextDocument.create(URI, 'yaml', 1, escalatingPod('small'));
    let turned = false;
    setImmediate(() => { turned = true; });
    const result = await modelCache(steps, { from: SLICED_FROM, budgetMs: 0 }).cache.lintSliced(doc, resolved, () => { throw new Error('not asked for a small document'); });
    assert.equal(turned, false);
    assert.deepEqual(result!.findings.filter(f => f.ruleId === 'require-no-privilege-escalation').map(where), ['require-no-privilege-escalation small 11:32-11:36']);
  });
});
