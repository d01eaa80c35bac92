// `check` and suppressions: suppressed findings leave the output and the exit status, JSON lists
// them under `suppressed` with their reason, text prints how many.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { json, removeTempTrees, cli, tempTree } from '../../helpers/cli';
import { PRIVILEGED_POD } from './fixtures';

const SUPPRESSED = PRIVILEGED_POD.replace('privileged: true', 'privileged: true # kube-harden-ignore disallow-privileged-containers -- CSI node plugin');
const ONLY = ['--format', 'json'];

describe('kube-harden check: suppressions', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  it('JSON lists suppressed findings with the reason; they do not count', async () => {
    const dir = tempTree({ '.git/HEAD': 'x\n', '.kube-harden.yaml': 'rules:\n  "*": off\n  disallow-privileged-containers: error\n', 'pod.yaml': SUPPRESSED });
    const run = await cli(['check', ...ONLY, 'pod.yaml'], { cwd: dir });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.deepEqual(json(run), {
      findings: [],
      suppressed: [{
        file: 'pod.yaml', rule: 'disallow-privileged-containers', severity: 'error',
        message: 'Container "app" is privileged: remove securityContext.privileged or set it to false.',
        range: { start: { line: 10, column: 21 }, end: { line: 10, column: 25 } },
        covers: ['B05'], fix: { safety: 'unsafe' },
        // The file, then rule|apiVersion|kind|namespace|name|path to the node, then the occurrence.
        fingerprint: createHash('sha256').update('pod.yaml\ndisallow-privileged-containers|v1|Pod||web|spec/containers/name=app/securityContext/privileged\n0').digest('hex').slice(0, 32),
        suppression: { via: 'comment', reason: 'CSI node plugin' },
      }],
    });
    const text = await cli(['check', 'pod.yaml'], { cwd: dir });
    assert.equal(text.stdout, '0 findings: 0 errors, 0 warnings, 0 info (1 file scanned, 1 suppressed)\n');
  });

  it('a suppression without a reason is reported and not honoured', async () => {
    const dir = tempTree({ '.git/HEAD': 'x\n', '.kube-harden.yaml': 'rules:\n  "*": off\n  disallow-privileged-containers: error\n', 'pod.yaml': SUPPRESSED.replace(' -- CSI node plugin', '') });
    const run = await cli(['check', 'pod.yaml'], { cwd: dir });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, [
      'pod.yaml:10:21  error  disallow-privileged-containers  Container "app" is privileged: remove securityContext.privileged or set it to false.',
      'pod.yaml:10:47  warning  suppressions  The suppression of disallow-privileged-containers needs a reason (# kube-harden-ignore disallow-privileged-containers -- <why>): without one it is not honoured.',
      '',
      '2 findings: 1 error, 1 warning, 0 info (1 file scanned)',
      '',
    ].join('\n'));
  });
});
