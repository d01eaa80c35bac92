import * as assert from 'node:assert/strict';
import { parseFile } from '@kube-harden/server/out/engine/model/parse';
import { summarizeFile } from '@kube-harden/server/out/engine/workspace/summary';
import { WorkspaceIndex } from '@kube-harden/server/out/engine/workspace';
import { relocateRelated, relocations, Relocations } from '@kube-harden/server/out/engine/workspace/relocate';
import { rangeKey } from '@kube-harden/server/out/engine/model/text';
import { lintParsed, resolveConfig } from '@kube-harden/server';
import type { LintResult } from '@kube-harden/server';
import { WEB_IN_SHOP, webReaderBinding } from '../../helpers/rbac';

const URI = 'file:///w/rbac.yaml';
const summaries = (text: string) => summarizeFile(URI, parseFile(text));
const account = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`;
const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

describe('workspace: related locations follow the objects of a file that moved', () => {
  it('pairs the objects by kind and name, in order, and says where each that moved went', () => {
    const before = summaries(`${account('a')}---\n${account('b')}`);
    // A comment line above `b` only: `a` stays where it was.
    const after = summaries(`${account('a')}---\n# the second\n${account('b')}`);
    const moves = relocations(before, after)!;
    assert.deepEqual([...moves], [[rangeKey(range(8, 8, 9)), range(9, 8, 9)]]);
    // Nothing moved: no relocations.
    assert.equal(relocations(before, summaries(`${account('a')}---\n${account('b')}`)), undefined);
  });

  it('pairs objects of one name in text order when others come and go between them', () => {
    const before = summaries(`${account('x')}---\n${account('x')}`);
    const after = summaries(`${account('new')}---\n${account('x')}---\n${account('x')}`);
    assert.deepEqual([...relocations(before, after)!], [
      [rangeKey(range(3, 8, 9)), range(8, 8, 9)],
      [rangeKey(range(8, 8, 9)), range(13, 8, 9)],
    ]);
    // An object that went has nowhere to go: only the one still there moves.
    assert.deepEqual([...relocations(after, summaries(`${account('x')}`))!], [[rangeKey(range(8, 8, 9)), range(3, 8, 9)]]);
  });

  it('moves in place only the related locations into that file that point where an object was', () => {
    const moves: Relocations = new Map([[rangeKey(range(3, 8, 9)), range(5, 8, 9)]]);
    const into = { uri: URI, range: range(3, 8, 9), message: 'the binding' };
    const elsewhere = { uri: 'file:///w/other.yaml', range: range(3, 8, 9), message: 'same place, other file' };
    const unmoved = { uri: URI, range: range(7, 2, 4), message: 'nothing moved there' };
    const findings = [{ related: [into, elsewhere] }, { related: [unmoved] }];
    assert.equal(relocateRelated(findings, URI, moves), true);
    assert.deepEqual(findings.map(f => f.related.map(r => r.range)), [[range(5, 8, 9), range(3, 8, 9)], [range(7, 2, 4)]]);
    // Already moved: asked again, nothing left to move.
    assert.equal(relocateRelated(findings, URI, moves), false);
  });

  it('the model tells its listener when a file it knew changes and objects moved, facts changed or not', () => {
    const index = new WorkspaceIndex();
    const told: Array<[string, number]> = [];
    index.onRelocated = (uri, moves) => told.push([uri, moves.size]);
    index.setFile(URI, summaries(account('a')));
    assert.deepEqual(told, [], 'a new file moved nothing');
    assert.equal(index.setFile(URI, summaries(`# moved\n${account('a')}`)), false, 'no fact changed');
    assert.equal(index.setFile(URI, summaries(`# moved\n\n${account('a')}---\n${account('b')}`)), true, 'a new object is a fact');
    assert.deepEqual(told, [[URI, 1], [URI, 1]]);
  });

  it('keeps the related locations of a lint equal to a fresh lint\'s through 200 random moves of the other file', () => {
    const WEB = 'file:///w/web.yaml';
    const resolved = resolveConfig({ level: 'baseline' });
    const index = new WorkspaceIndex();
    let result: LintResult | undefined;
    index.onRelocated = (uri, moves) => { if (result) relocateRelated(result.findings, uri, moves); };
    const lintWeb = () => lintParsed(parseFile(WEB_IN_SHOP), resolved, { uri: WEB, workspace: index });
    const relatedOf = (r: LintResult) => r.findings.map(f => f.related.map(x => [x.uri, x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character]));
    index.setFile(WEB, summarizeFile(WEB, parseFile(WEB_IN_SHOP)));
    // Three bindings of the account: the finding relates to each of them.
    const lines = [webReaderBinding('a-reader'), webReaderBinding('b-reader'), webReaderBinding('c-reader')].join('---\n').split('\n');
    index.setFile(URI, summaries(lines.join('\n')));
    result = lintWeb();
    assert.equal(result.findings.filter(f => f.related.some(r => r.uri === URI)).length, 1, JSON.stringify(relatedOf(result)));
    // A seeded generator: the same 200 edits every run.
    let seed = 7;
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let step = 0; step < 200; step++) {
      const comments = lines.map((l, i) => (l.startsWith('#') ? i : -1)).filter(i => i >= 0);
      // Comment or blank lines come and go anywhere (no fact changes); the objects move.
      if (comments.length && random(3) === 0) lines.splice(comments[random(comments.length)], 1);
      else lines.splice(random(lines.length), 0, random(2) ? `# note ${step}` : '#');
      index.setFile(URI, summaries(lines.join('\n')));
      assert.deepEqual(relatedOf(result), relatedOf(lintWeb()), `after edit ${step}`);
    }
  });
});
