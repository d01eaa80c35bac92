// Where a text is cut into documents parsed alone (kubectl-text.ts documentBounds), against the
// rule written line by line: every LF-ended line is looked at; a `%` line starts (or continues)
// a run of directives; a separator line (kubectl's `---` alone or with a comment, YAML's marker)
// after the first line cuts there, or where the directives just before it begin; runs without
// content join their neighbour.
import * as assert from 'node:assert/strict';
import { documentBounds } from '@kube-harden/server/out/engine/model/kubectl-text';

function isSeparator(line: string): boolean {
  if (!line.startsWith('---')) return false;
  const rest = line.slice(3);
  const trimmed = rest.trim();
  return trimmed === '' || trimmed.startsWith('#') || rest === '' || /^[ \t\r]/.test(rest);
}

function byLines(text: string): Array<[number, number]> {
  const cuts = [0];
  let directivesFrom: number | undefined;
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    if (line.startsWith('%')) directivesFrom ??= start;
    else {
      if (start > 0 && isSeparator(line)) {
        const cut = directivesFrom ?? start;
        if (cut > cuts[cuts.length - 1]) cuts.push(cut);
      }
      directivesFrom = undefined;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  const out: Array<[number, number]> = [];
  let open: number | undefined;
  cuts.forEach((s, i) => {
    const e = i + 1 < cuts.length ? cuts[i + 1] : text.length;
    const content = text.slice(s, e).split('\n').some(l => !isSeparator(l) && /^[ \t]*[^\s#]/.test(l));
    if (content || i + 1 === cuts.length) { out.push([open ?? s, e]); open = undefined; } else open ??= s;
  });
  return out;
}

const LINES = ['a: 1', '  b: 2', '# c', '', '---', '--- # d', '---#e', '--- x: 1', '---x', '----', '...', '%YAML 1.2', '%TAG ! tag:x:', ' ---', '\t---', '--- \r', 'k: v\r', 'k: "x\ry"', 'k: 1\r--- # z', '---\u2028', 'k: "\u2028--- y"'];

describe('model: where a text is cut into documents', () => {
  it('agrees with the rule written line by line on 3,000 texts of separators, directives, comments and CRs', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 14) }, () => LINES[Math.floor(next() * LINES.length)]);
      const text = lines.join(next() < 0.2 ? '\r\n' : '\n') + (next() < 0.5 ? '\n' : '');
      assert.deepEqual(documentBounds(text), byLines(text), JSON.stringify(text));
    }
  });

  it('cuts before the directives of the document a marker opens, and only at line starts', () => {
    const text = 'a: 1\n%YAML 1.2\n---\nb: 2\n--- # next\nc: 3\nd: "x\r--- y"\n';
    assert.deepEqual(documentBounds(text), [[0, 5], [5, 24], [24, text.length]]);
  });
});
