// `check` with a repository file: found walking up to the git root, flags over the file, the
// file's mistakes on stderr with exit status 2 while the rest of it still applies.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { json, removeTempTrees, cli, tempTree } from '../../helpers/cli';
import { PRIVILEGED_POD } from './fixtures';

type Output = { findings: Array<{ file: string; rule: string; severity: string }> };
const rulesOf = (o: Output) => o.findings.map(f => `${f.file} ${f.rule} ${f.severity}`);

describe('kube-harden check: .kube-harden.yaml', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  it('applies the nearest file up the tree; flags override it', async () => {
    const dir = tempTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.kube-harden.yaml': 'rules:\n  "*": off\n  disallow-privileged-containers: info\n',
      'apps/pod.yaml': PRIVILEGED_POD,
      'other/.kube-harden.yml': 'level: baseline\n',
      'other/pod.yaml': PRIVILEGED_POD,
    });
    const run = await cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    // apps/ uses the root file (everything off but one rule, re-graded); other/ its own (baseline:
    // no require-run-as-non-root; the root file's rules do not add up with it).
    assert.deepEqual(rulesOf(json(run)).filter(r => /privileged|non-root/.test(r)), [
      `./apps/pod.yaml disallow-privileged-containers info`,
      `./other/pod.yaml disallow-privileged-containers error`,
    ]);
    const flagged = await cli(['check', '--format', 'json', '--level', 'restricted', 'other/pod.yaml'], { cwd: dir });
    assert.ok(rulesOf(json(flagged)).includes('other/pod.yaml require-run-as-non-root warning'));
  });

  it('stops at the git root: a file above the repository does not apply', async () => {
    const dir = tempTree({ '.kube-harden.yaml': 'rules:\n  disallow-privileged-containers: off\n', 'repo/.git/HEAD': 'x\n', 'repo/pod.yaml': PRIVILEGED_POD });
    const run = await cli(['check', '--format', 'json', 'repo/pod.yaml'], { cwd: dir });
    assert.ok(rulesOf(json(run)).includes('repo/pod.yaml disallow-privileged-containers error'));
  });

  it('preset strict in the file, --preset default on the command line', async () => {
    const dir = tempTree({ '.git/HEAD': 'x\n', '.kube-harden.yaml': 'preset: strict\n', 'pod.yaml': PRIVILEGED_POD });
    const strict = json<Output>(await cli(['check', '--format', 'json', 'pod.yaml'], { cwd: dir })).findings.length;
    const plain = json<Output>(await cli(['check', '--format', 'json', '--preset', 'default', 'pod.yaml'], { cwd: dir })).findings.length;
    assert.ok(strict > plain, `${strict} > ${plain}`);
  });

  it('reports the file\'s mistakes on stderr with their position, exits 2, and applies the rest', async () => {
    const dir = tempTree({
      '.git/HEAD': 'x\n',
      '.kube-harden.yaml': 'levle: baseline\nrules:\n  disallow-privileged-containers: off\n  require-run-as-non-roo: off\n',
      'pod.yaml': PRIVILEGED_POD,
    });
    const run = await cli(['check', '--format', 'json', 'pod.yaml'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, [
      'kube-harden: error: .kube-harden.yaml:1:1: Unknown setting "levle": use one of level, podSecurityVersion, preset, enableAll, rules, trustedRegistries, deniedRegistries, defaultNamespace, exclude, failOn, maxFileSize, helm.',
      'kube-harden: warning: .kube-harden.yaml:4:3: Unknown rule "require-run-as-non-roo": run "kube-harden rules" for the list.',
      '',
    ].join('\n'));
    assert.ok(!rulesOf(json(run)).some(r => r.includes('disallow-privileged-containers')));
  });

  it('a warning alone does not change the exit status', async () => {
    const dir = tempTree({ '.git/HEAD': 'x\n', '.kube-harden.yaml': 'rules:\n  nothing-*: off\n', 'ok.yaml': 'a: 1\n' });
    const run = await cli(['check', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stderr, /warning: \.kube-harden\.yaml:2:3: "nothing-\*" matches no rule\./);
  });

  it('exclude leaves out files found by walking, not files named on the command line; the file itself is not linted', async () => {
    const dir = tempTree({
      '.git/HEAD': 'x\n',
      '.kube-harden.yaml': 'exclude:\n  - fixtures\n',
      'fixtures/pod.yaml': PRIVILEGED_POD,
      'pod.yaml': PRIVILEGED_POD,
    });
    const walked = json<Output>(await cli(['check', '--format', 'json', '.'], { cwd: dir }));
    assert.deepEqual([...new Set(walked.findings.map(f => f.file))], ["./pod.yaml"]);
    const named = json<Output>(await cli(['check', '--format', 'json', 'fixtures/pod.yaml'], { cwd: dir }));
    assert.ok(named.findings.length > 0);
    assert.ok(fs.existsSync(path.join(dir, '.kube-harden.yaml')));
  });
});
