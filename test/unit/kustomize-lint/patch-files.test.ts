// The files an overlay's patch is made of: the patch skeleton naming the object and container,
// the overlay's existing strategic-merge patch for the object, the `patches:` entry of a new one.
import * as assert from 'node:assert/strict';
import { applyEdits, memorySource } from '@kube-harden/server/out/engine';
import { objectSkeleton, patchEntryEdit, smpPatchFor } from '@kube-harden/server/out/engine/kustomize-lint';

const entry = (text: string, name = 'p.yaml') => {
  const edit = patchEntryEdit(text, name);
  return edit && applyEdits(text, [edit]).text;
};

describe('kustomize-lint: patch files', () => {
  it('lists a new patch after the last item, with the dashes of its items', () => {
    assert.equal(entry('patches:\n- path: a.yaml\n- path: b.yaml\nimages: []\n'), 'patches:\n- path: a.yaml\n- path: b.yaml\n- path: p.yaml\nimages: []\n');
    assert.equal(entry('patches:\n  - path: a.yaml\n    target:\n      kind: Pod\n'), 'patches:\n  - path: a.yaml\n    target:\n      kind: Pod\n  - path: p.yaml\n');
    assert.equal(entry('patches:\r\n  - path: a.yaml'), 'patches:\r\n  - path: a.yaml\r\n  - path: p.yaml');
  });

  it('adds `patches:` at the end, indented as the other lists', () => {
    assert.equal(entry('resources:\n    - ../base\n'), 'resources:\n    - ../base\npatches:\n    - path: p.yaml\n');
    assert.equal(entry('resources:\n- ../base'), 'resources:\n- ../base\npatches:\n- path: p.yaml\n');
    assert.equal(entry('namespace: prod\n', 'yes'), 'namespace: prod\npatches:\n- path: "yes"\n');
  });

  it('declines a flow-style or empty `patches:` and a kustomization that does not parse', () => {
    assert.equal(entry('patches: [{path: a.yaml}]\n'), undefined);
    assert.equal(entry('patches:\n'), undefined);
    assert.equal(entry('resources: [\n'), undefined);
  });

  it('names the object and the container of the finding on the way to the pod spec', () => {
    const cron = 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: jobs\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: setup\n          containers:\n            - name: run\n';
    assert.deepEqual(objectSkeleton(`kind: ConfigMap\n---\n${cron}`, 20, { container: 'Init container "setup"' }), {
      identity: { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', namespace: 'jobs' },
      text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n  namespace: jobs\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n            - name: setup\n',
    });
    // No container named: the first app container (a block map the rule's fix can add to).
    assert.equal(objectSkeleton(cron, 0, {})?.text.endsWith('          containers:\n            - name: run\n'), true);
    // A container that is not there, an object with no pod spec: nothing.
    assert.equal(objectSkeleton(cron, 0, { container: 'Container "other"' }), undefined);
    assert.equal(objectSkeleton('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n', 0, {}), undefined);
  });

  it('finds the overlay\'s own strategic-merge patch for the object, never one aimed by a target or a JSON patch', () => {
    const identity = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
    const smp = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
    const fs = memorySource({
      '/o/kustomization.yaml': 'patches:\n  - path: targeted.yaml\n    target: {kind: Deployment}\n  - path: json.yaml\n  - path: other.yaml\npatchesStrategicMerge:\n  - ./web.yaml\n',
      '/o/targeted.yaml': smp, '/o/json.yaml': '- op: add\n  path: /spec/replicas\n  value: 2\n', '/o/other.yaml': smp.replace('web', 'api'), '/o/web.yaml': smp,
    });
    assert.deepEqual(smpPatchFor(fs, '/o', identity), { file: '/o/web.yaml', kustomization: '/o/kustomization.yaml' });
    assert.equal(smpPatchFor(fs, '/o', { ...identity, name: 'db' }), undefined);
  });
});
