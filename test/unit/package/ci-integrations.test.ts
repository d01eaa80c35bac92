// What the CI documentation hands people must work as written: the pre-commit hook manifest
// (pre-commit's required fields, a node hook whose entry is our binary, a files pattern that takes
// manifests and leaves configuration alone), and the GitHub Actions and GitLab CI files (valid
// YAML that runs the CLI's documented formats and uploads the SARIF it writes).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../../helpers/fixture-paths';

const read = (rel: string) => parse(fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8'));

describe('CI integrations', () => {
  it('ships a pre-commit hook manifest that runs the CLI on manifests', () => {
    const hooks = read('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>;
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    for (const key of ['id', 'name', 'entry', 'language']) assert.equal(typeof hook[key], 'string', key);
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'kube-harden check');
    const files = new RegExp(String(hook.files));
    const exclude = new RegExp(String(hook.exclude));
    const taken = (f: string) => files.test(f) && !exclude.test(f);
    assert.deepEqual(['deploy/app.yaml', 'k8s/x.yml', 'rbac.json', '.kube-harden.yaml', 'package.json', 'web/tsconfig.base.json', 'README.md'].filter(taken),
      ['deploy/app.yaml', 'k8s/x.yml', 'rbac.json']);
    // The entry comes from the CLI package, at this release's version, which provides the binary.
    const server = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'server', 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string> };
    assert.deepEqual(hook.additional_dependencies, [`${server.name}@${server.version}`]);
    assert.ok(server.bin['kube-harden']);
  });

  it('documents a GitHub Actions workflow that annotates and uploads SARIF', () => {
    const wf = read('docs/ci/github-actions.yml') as { on: unknown; jobs: Record<string, { permissions: Record<string, string>; steps: Array<{ run?: string; uses?: string; with?: Record<string, string> }> }> };
    const job = Object.values(wf.jobs)[0];
    assert.equal(job.permissions['security-events'], 'write');
    const runs = job.steps.map(s => s.run ?? '').join('\n');
    assert.match(runs, /kube-harden check --format github /);
    assert.match(runs, /kube-harden check --format sarif --fail-on never .* > kube-harden\.sarif/);
    const upload = job.steps.find(s => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    assert.equal(upload?.with?.sarif_file, 'kube-harden.sarif');
  });

  it('documents a GitLab CI job that keeps the SARIF report', () => {
    const ci = read('docs/ci/gitlab-ci.yml') as Record<string, { script: string[]; artifacts: { paths: string[]; reports: Record<string, string> } }>;
    const job = ci['kube-harden'];
    assert.ok(job.script.some(l => /^kube-harden check --format sarif --fail-on never .* > kube-harden\.sarif$/.test(l)));
    assert.deepEqual(job.artifacts.paths, ['kube-harden.sarif']);
    assert.equal(job.artifacts.reports.sast, 'kube-harden.sarif');
  });
});
