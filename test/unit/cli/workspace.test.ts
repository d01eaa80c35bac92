// The CLI builds one workspace model over every path it is given, so a finding that depends on
// another file (here: the Namespace's enforced Pod Security level) is the same in CI as in the editor.
import * as assert from 'node:assert/strict';
import { CliRun, cli, json, removeTempTrees, tempTree } from '../../helpers/cli';
import { yaml } from '../../helpers/manifest';

const NAMESPACE = (level: string) => yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels:
      pod-security.kubernetes.io/enforce: ${level}
`;

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    namespace: shop
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

describe('kube-harden check: the workspace model', () => {
  // The Pod's findings only: the Namespace has findings of its own (no default-deny policy, ...).
  const rules = async (dir: string, ...paths: string[]) =>
    [...new Set(json<{ findings: Array<{ rule: string; file: string }> }>(await cli(['check', '--format', 'json', ...paths], { cwd: dir })).findings
      .filter(f => f.file.endsWith('pod.yaml')).map(f => f.rule))].sort();

  it('applies the level a Namespace in another file enforces', async () => {
    const dir = tempTree({ 'ns.yaml': NAMESPACE('baseline'), 'apps/pod.yaml': POD });
    // The memory limit is not a Pod Security rule: the namespace's level does not decide it.
    assert.deepEqual(await rules(dir, '.'), ['require-memory-limit'], 'a baseline namespace: the pod passes baseline');
    assert.deepEqual(await rules(dir, 'apps/pod.yaml'), ['require-drop-all-capabilities', 'require-memory-limit', 'require-no-privilege-escalation', 'require-run-as-non-root', 'require-seccomp-profile'],
      'without the Namespace file the configured level (restricted) applies');
  });

  it('lets a privileged namespace exempt its pods from every Pod Security rule', async () => {
    const dir = tempTree({ 'all.yaml': `${NAMESPACE('privileged')}---\n${POD}` });
    const run = await cli(['check', '--format', 'json', 'all.yaml'], { cwd: dir });
    const pss = json<{ findings: Array<{ rule: string; covers: string[] }> }>(run).findings.filter(f => f.covers.some(r => /^(B|R)\d/.test(r)));
    assert.deepEqual(pss, []);
  });

  describe('the default namespace', function () {
    this.timeout(60_000);
    after(removeTempTrees);
    // A Pod naming no namespace, and team-a enforcing baseline beside it.
    const files = (extra: Record<string, string> = {}) => ({
      '.git/HEAD': 'x\n',
      'ns.yaml': NAMESPACE('baseline').replace('name: shop', 'name: team-a'),
      'pod.yaml': POD.replace('  namespace: shop\n', ''),
      ...extra,
    });
    type Output = { findings: Array<{ rule: string; file: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } }> };
    const podFindings = (run: CliRun) => json<Output>(run).findings.filter(f => f.file.endsWith('pod.yaml'))
      .map(f => `${f.rule} ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`);
    // pod.yaml without its namespace line: line 7 is `  - name: web`, the container's name at
    // columns 11-13 (end exclusive 14): what is missing is reported there.
    const RESTRICTED = [
      'require-drop-all-capabilities 7:11-7:14',
      'require-memory-limit 7:11-7:14',
      'require-no-privilege-escalation 7:11-7:14',
      'require-run-as-non-root 7:11-7:14',
      'require-seccomp-profile 7:11-7:14',
    ];

    it('is "default" unless told: the Pod is not in team-a', async () => {
      const run = await cli(['check', '--format', 'json', '.'], { cwd: tempTree(files()) });
      assert.equal(run.stderr, '');
      assert.deepEqual(podFindings(run).sort(), [...RESTRICTED].sort());
    });

    it('--default-namespace places the Pod in team-a, whose baseline level applies', async () => {
      const run = await cli(['check', '--format', 'json', '--default-namespace', 'team-a', '.'], { cwd: tempTree(files()) });
      assert.equal(run.stderr, '');
      assert.deepEqual(podFindings(run), ['require-memory-limit 7:11-7:14']);
    });

    it('defaultNamespace in .kube-harden.yaml does the same; the flag wins over it', async () => {
      const dir = tempTree(files({ '.kube-harden.yaml': 'defaultNamespace: team-a\n' }));
      assert.deepEqual(podFindings(await cli(['check', '--format', 'json', '.'], { cwd: dir })), ['require-memory-limit 7:11-7:14']);
      const flagged = await cli(['check', '--format', 'json', '--default-namespace', 'default', '.'], { cwd: dir });
      assert.deepEqual(podFindings(flagged).sort(), [...RESTRICTED].sort());
    });

    it('repository files that disagree: the first checked file\'s applies, and a note says so', async () => {
      const dir = tempTree({
        '.git/HEAD': 'x\n',
        'a/.kube-harden.yaml': 'defaultNamespace: team-a\n',
        'a/ns.yaml': NAMESPACE('baseline').replace('name: shop', 'name: team-a'),
        'a/pod.yaml': POD.replace('  namespace: shop\n', ''),
        'b/.kube-harden.yaml': 'defaultNamespace: team-b\n',
        'b/pod.yaml': POD.replace('  namespace: shop\n', ''),
      });
      const run = await cli(['check', '--format', 'json', 'a', 'b'], { cwd: dir });
      assert.equal(run.stderr, 'kube-harden: note: the repository files name different default namespaces ("team-a", "team-b"): using "team-a" for every file; --default-namespace chooses one\n');
    });
  });
});
