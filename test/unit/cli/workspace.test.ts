// The CLI builds one workspace model over every path it is given, so a finding that depends on
// another file (here: the Namespace's enforced Pod Security level) is the same in CI as in the editor.
import * as assert from 'node:assert/strict';
import { json, runCli, tempTree } from '../../helpers/cli';
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
  const rules = (dir: string, ...paths: string[]) =>
    [...new Set(json<{ findings: Array<{ rule: string; file: string }> }>(runCli(['check', '--format', 'json', ...paths], { cwd: dir })).findings
      .filter(f => f.file.endsWith('pod.yaml')).map(f => f.rule))].sort();

  it('applies the level a Namespace in another file enforces', () => {
    const dir = tempTree({ 'ns.yaml': NAMESPACE('baseline'), 'apps/pod.yaml': POD });
    // The memory limit is not a Pod Security rule: the namespace's level does not decide it.
    assert.deepEqual(rules(dir, '.'), ['require-memory-limit'], 'a baseline namespace: the pod passes baseline');
    assert.deepEqual(rules(dir, 'apps/pod.yaml'), ['require-drop-all-capabilities', 'require-memory-limit', 'require-no-privilege-escalation', 'require-run-as-non-root', 'require-seccomp-profile'],
      'without the Namespace file the configured level (restricted) applies');
  });

  it('lets a privileged namespace exempt its pods from every Pod Security rule', () => {
    const dir = tempTree({ 'all.yaml': `${NAMESPACE('privileged')}---\n${POD}` });
    const run = runCli(['check', '--format', 'json', 'all.yaml'], { cwd: dir });
    const pss = json<{ findings: Array<{ rule: string; covers: string[] }> }>(run).findings.filter(f => f.covers.some(r => /^(B|R)\d/.test(r)));
    assert.deepEqual(pss, []);
  });
});
