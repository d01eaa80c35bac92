// Usage errors exit with 2 and say what is wrong on stderr; help and version exit with 0.
import * as assert from 'node:assert/strict';
import { cli, removeTempTrees, runCli, tempTree } from '../../helpers/cli';
import { NOT_A_MANIFEST } from './fixtures';

describe('kube-harden usage', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['no command', [], /missing command/],
    ['an unknown command', ['lint', 'x.yaml'], /unknown command "lint"/],
    ['an unknown flag', ['check', '--strict', 'x.yaml'], /unknown option "--strict"/],
    ['an unknown short flag', ['check', '-x', 'x.yaml'], /unknown option "-x"/],
    ['a flag of another command', ['rules', '--level', 'baseline'], /unknown option "--level" for "rules"/],
    ['a bad level', ['check', '--level', 'privileged', 'x.yaml'], /unknown level "privileged"/],
    ['a missing level', ['check', 'x.yaml', '--level'], /--level needs a value/],
    ['a bad format', ['check', '--format', 'xml', 'x.yaml'], /unknown format "xml"/],
    ['a bad policy version', ['check', '--pss-version', 'v2.1', 'x.yaml'], /unknown policy version "v2.1"/],
    ['a bad default namespace', ['check', '--default-namespace', 'Team_A', 'x.yaml'], /invalid namespace "Team_A": use a Kubernetes namespace name/],
    ['a value on a switch', ['check', '--enable-all=yes', 'x.yaml'], /--enable-all takes no value/],
    ['no paths', ['check', '--level', 'baseline'], /no files or directories/],
    ['arguments to rules', ['rules', 'x.yaml'], /"rules" takes no arguments/],
  ];
  for (const [what, args, error] of usageErrors) {
    it(`exits with 2 for ${what}`, async () => {
      const dir = tempTree({ 'x.yaml': NOT_A_MANIFEST });
      const run = await cli(args, { cwd: dir });
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.equal(run.stdout, '', 'nothing on stdout');
      assert.match(run.stderr, error);
      assert.match(run.stderr, /kube-harden --help/);
    });
  }

  it('accepts flags after the paths and paths after --', async () => {
    const dir = tempTree({ 'x.yaml': NOT_A_MANIFEST, '--odd.yaml': NOT_A_MANIFEST });
    const run = await cli(['check', 'x.yaml', '--format', 'json', '--', '--odd.yaml'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { findings: [] });
  });

  it('--help prints usage and exits with 0, per command too', async () => {
    for (const args of [['--help'], ['-h'], ['check', '--help'], ['rules', '--help'], ['check', '--bogus', '--help']]) {
      const run = await cli(args);
      assert.equal(run.status, 0, args.join(' '));
      assert.match(run.stdout, /^Usage: kube-harden/);
    }
    assert.match((await cli(['check', '--help'])).stdout, /--level baseline\|restricted/);
  });

  // The binary itself: its exit status is main()'s, and its streams are the process's.
  it('the binary exits with 2 and writes stderr for a usage error, 0 and stdout for --help', () => {
    const dir = tempTree({ 'x.yaml': NOT_A_MANIFEST });
    const bad = runCli(['check', '--strict', 'x.yaml'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^kube-harden: error: unknown option "--strict" for "check"\nRun "kube-harden --help" for usage\.\n$/);
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.equal(help.stderr, '');
    assert.match(help.stdout, /^Usage: kube-harden/);
  });

  it('--version prints the package version', () => {
    const run = runCli(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${require('@kube-harden/server/package.json').version}\n`);
  });
});
