// `kube-harden render <dir>` through the CLI entry point, in-process, on files on disk.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '@kube-harden/server/out/cli/main';
import { removeTempTrees, tempTree } from '../../../helpers/cli';
import { OVERLAY_FILES, OVERLAY_OUTPUT } from './overlay-example';

async function render(args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = '', err = '';
  const status = await main(['render', ...args], { out: (t) => { out += t; }, err: (t) => { err += t; }, color: false });
  return { status, out, err };
}

describe('kube-harden render', () => {
  after(removeTempTrees);

  it('prints the overlay as kustomize build does', async () => {
    const dir = tempTree(OVERLAY_FILES);
    const r = await render([path.join(dir, 'overlay')]);
    assert.equal(r.err, '');
    assert.equal(r.status, 0);
    assert.equal(r.out, OVERLAY_OUTPUT);
  });

  it('reports a missing resource with the entry position and exit status 1', async () => {
    const dir = tempTree({ 'kustomization.yaml': 'resources:\n- deployment.yaml\n- missing.yaml\n', 'deployment.yaml': OVERLAY_FILES['base/deployment.yaml'] });
    const r = await render([dir]);
    assert.equal(r.status, 1);
    assert.equal(r.out, '');
    const file = path.join(dir, 'kustomization.yaml').split(path.sep).join('/');
    assert.ok(r.err.startsWith(`${file}:3:3: Error: accumulating resources: accumulation err='accumulating resources from 'missing.yaml'`), r.err);
  });

  it('reports a folder without a kustomization as kustomize does', async () => {
    const dir = tempTree({ 'x.yaml': 'a: 1\n' });
    const r = await render([dir]);
    assert.equal(r.status, 1);
    assert.equal(r.err, `Error: unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir.split(path.sep).join('/')}'\n`);
  });

  it('reports a cycle instead of recursing', async () => {
    const dir = tempTree({ 'a/kustomization.yaml': 'resources:\n- ../b\n', 'b/kustomization.yaml': 'resources:\n- ../a\n' });
    const r = await render([path.join(dir, 'a')]);
    assert.equal(r.status, 1);
    assert.match(r.err, /cycle detected: candidate root '.*\/a' contains visited root '.*\/b'/);
  });

  it('reads files outside the folder only with --load-restrictor none', async () => {
    const dir = tempTree({ 'app/kustomization.yaml': 'resources:\n- ../common/cm.yaml\n', 'common/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n' });
    const refused = await render([path.join(dir, 'app')]);
    assert.equal(refused.status, 1);
    assert.match(refused.err, /security; file '.*\/common\/cm.yaml' is not in or below '.*\/app'/);
    const allowed = await render(['--load-restrictor', 'none', path.join(dir, 'app')]);
    assert.equal(allowed.err, '');
    assert.equal(allowed.out, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  });

  it('refuses a usage mistake with status 2', async () => {
    assert.equal((await render(['--load-restrictor', 'maybe', 'a'])).status, 2);
    assert.equal((await render([])).status, 2);
    assert.equal((await render(['a', 'b'])).status, 2);
    assert.equal((await render(['--bogus', 'a'])).status, 2);
  });
});
