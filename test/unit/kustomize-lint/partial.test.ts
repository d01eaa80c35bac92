// Linting as written (the editor, files no rendered root reaches): a patch is partial, so only
// what it sets is judged; Kustomizations, Components and `$patch: delete` are directives.
import * as assert from 'node:assert/strict';
import { lintParsed, parseFile, resolveConfig, summarizeFile, WorkspaceIndex } from '@kube-harden/server/out/engine';
import { TREE } from './tree';

/** Every file of `files` linted with one workspace model: `file -> rule@line:column`. */
function lintTree(files: Record<string, string>, level?: 'restricted'): Record<string, string[]> {
  const index = new WorkspaceIndex();
  const parsed = Object.entries(files).map(([f, text]) => ({ uri: `file:///repo/${f}`, f, p: parseFile(text) }));
  for (const { uri, p } of parsed) index.setFile(uri, summarizeFile(uri, p));
  const out: Record<string, string[]> = {};
  for (const { uri, f, p } of parsed) {
    out[f] = lintParsed(p, resolveConfig(level ? { level } : {}), { uri, workspace: index }).findings
      .map(x => `${x.ruleId}@${x.range.start.line + 1}:${x.range.start.character + 1}`);
  }
  return out;
}

describe('kustomize files linted as written', () => {
  it('judges a patch by what it sets, and directives not at all', () => {
    const found = lintTree(TREE);
    assert.deepEqual(found['overlays/production/privileged.yaml'], ['disallow-privileged-containers@11:25']);
    for (const quiet of ['overlays/staging/harden.yaml', 'components/no-debug/delete-debug.yaml', 'components/no-debug/kustomization.yaml',
      'overlays/production/kustomization.yaml', 'overlays/staging/kustomization.yaml', 'base/kustomization.yaml']) {
      assert.deepEqual(found[quiet], [], quiet);
    }
  });

  it('knows a kustomization with no apiVersion and kind: its patches are partial', () => {
    // harden.yaml is a patch only through the kind-less staging kustomization.
    const alone = lintTree({ 'overlays/staging/harden.yaml': TREE['overlays/staging/harden.yaml'] });
    assert.deepEqual(alone['overlays/staging/harden.yaml'], [
      'require-memory-limit@9:17',
      'require-drop-all-capabilities@10:11',
      'require-no-privilege-escalation@10:11',
      'require-run-as-non-root@10:11',
    ]);
    const withKustomization = lintTree({
      'overlays/staging/harden.yaml': TREE['overlays/staging/harden.yaml'],
      'overlays/staging/kustomization.yaml': TREE['overlays/staging/kustomization.yaml'],
    });
    assert.deepEqual(withKustomization['overlays/staging/harden.yaml'], []);
  });

  it('knows the patches of a Component', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: c\n      image: busybox:1.36\n';
    const alone = lintTree({ 'c/pod-patch.yaml': text });
    assert.ok(alone['c/pod-patch.yaml'].length > 0);
    const found = lintTree({ 'c/pod-patch.yaml': text, 'c/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: pod-patch.yaml\n' });
    assert.deepEqual(found['c/pod-patch.yaml'], []);
  });

  it('does not judge a $patch: delete document as an object', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: c\n      image: busybox\n';
    assert.ok(lintTree({ 'x.yaml': pod })['x.yaml'].includes('disallow-latest-image-tag@8:14'));
    assert.deepEqual(lintTree({ 'x.yaml': `$patch: delete\n${pod}` })['x.yaml'], []);
  });
});
