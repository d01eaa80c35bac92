// The injection grammar that highlights suppression comments: contributed for YAML comments, and
// its regular expressions (Oniguruma, written in the subset plain JS RegExp shares) scope the
// keyword, each rule id, the `--` and the reason (with an optional expiry) of sample lines.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/cli';

interface Captures { [group: string]: { name?: string; patterns?: Array<{ include: string }> } }
interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Array<{ include: string }>;
  repository: Record<string, { match: string; name?: string; captures?: Captures }>;
}

const FILE = 'syntaxes/kube-harden-suppression.tmLanguage.json';
const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, FILE), 'utf8')) as Grammar;
const re = (name: string, flags = '') => new RegExp(grammar.repository[name].match, flags);

/** Scopes of `text` under the directive rule: [scope, matched text] in order. */
function scopes(line: string): Array<[string, string]> {
  const m = re('directive').exec(line);
  if (!m) return [];
  const out: Array<[string, string]> = [];
  const caps = grammar.repository.directive.captures!;
  for (const group of ['1', '2', '3', '4']) {
    const text = m[Number(group)];
    if (text === undefined) continue;
    const cap = caps[group];
    if (cap.name) { out.push([cap.name, text]); continue; }
    // Nested patterns: tokenise the capture with them, first match wins at each position.
    let rest = text;
    while (rest.length) {
      let hit: [string, RegExpExecArray] | undefined;
      for (const { include } of cap.patterns!) {
        const rule = include.slice(1);
        const mm = new RegExp(grammar.repository[rule].match.replace(/^\^/, '^')).exec(rest);
        if (mm && (!hit || mm.index < hit[1].index)) hit = [rule, mm];
      }
      if (!hit) break;
      const [rule, mm] = hit;
      const r = grammar.repository[rule];
      if (r.name) out.push([r.name, mm[0]]);
      else for (const [g, c] of Object.entries(r.captures!)) out.push([c.name!, mm[Number(g)]]);
      rest = rest.slice(mm.index + mm[0].length).replace(/^\s+/, '');
    }
  }
  return out;
}

describe('grammar: suppression comments', () => {
  it('is contributed as an injection into YAML comments', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.grammars, [{ scopeName: grammar.scopeName, path: `./${FILE}`, injectTo: ['source.yaml'] }]);
    assert.equal(grammar.injectionSelector, 'L:comment.line.number-sign.yaml');
    assert.deepEqual(grammar.patterns, [{ include: '#directive' }]);
    for (const r of Object.values(grammar.repository)) assert.doesNotThrow(() => new RegExp(r.match));
  });

  it('scopes the keyword, each rule id, the separator and the reason', () => {
    assert.deepEqual(scopes('# kube-harden-ignore disallow-host-network, require-run-as-non-root -- the CNI agent'), [
      ['keyword.control.directive.suppression.kube-harden', 'kube-harden-ignore'],
      ['entity.name.tag.rule-id.kube-harden', 'disallow-host-network'],
      ['punctuation.separator.comma.kube-harden', ','],
      ['entity.name.tag.rule-id.kube-harden', 'require-run-as-non-root'],
      ['punctuation.separator.reason.kube-harden', '--'],
      ['string.unquoted.reason.kube-harden', 'the CNI agent'],
    ]);
  });

  it('scopes an expiry date before the reason', () => {
    assert.deepEqual(scopes('privileged: true # kube-harden-ignore disallow-privileged-containers -- until 2027-01-31: CSI plugin'), [
      ['keyword.control.directive.suppression.kube-harden', 'kube-harden-ignore'],
      ['entity.name.tag.rule-id.kube-harden', 'disallow-privileged-containers'],
      ['punctuation.separator.reason.kube-harden', '--'],
      ['keyword.other.until.kube-harden', 'until'],
      ['constant.numeric.date.kube-harden', '2027-01-31'],
      ['punctuation.separator.kube-harden', ':'],
      ['string.unquoted.reason.kube-harden', 'CSI plugin'],
    ]);
  });

  it('a directive without a reason, and words that only look like it', () => {
    assert.deepEqual(scopes('# kube-harden-ignore disallow-host-pid'), [
      ['keyword.control.directive.suppression.kube-harden', 'kube-harden-ignore'],
      ['entity.name.tag.rule-id.kube-harden', 'disallow-host-pid'],
    ]);
    assert.deepEqual(scopes('# kube-harden-ignored is not a directive'), []);
    assert.deepEqual(scopes('# my-kube-harden-ignore x'), []);
  });
});
