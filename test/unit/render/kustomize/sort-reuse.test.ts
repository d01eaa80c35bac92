// The legacy output order is kept with the kinds and ids it sorted: a list of objects with the
// same kinds and ids in the same places (a value typed somewhere) takes it without comparing,
// and anything that could change the order (a name, a kind, the place of an object, the
// kustomization's own orderFirst) sorts again.
import * as assert from 'node:assert/strict';
import { readResources } from '@kube-harden/server/out/engine/render/kustomize/build';
import { sortResources, sortStats } from '@kube-harden/server/out/engine/render/kustomize/sort';
import { parseYamlDocs } from '@kube-harden/server/out/engine/render/kustomize/parse';

const doc = (kind: string, name: string, apiVersion = 'v1', extra = '') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${extra}`;

const TEXT = [
  doc('Deployment', 'web', 'apps/v1', 'spec:\n  replicas: 1\n'),
  doc('ValidatingWebhookConfiguration', 'hook', 'admissionregistration.k8s.io/v1'),
  doc('Service', 'web'),
  doc('Namespace', 'apps'),
  doc('ConfigMap', 'b'),
  doc('ConfigMap', 'a'),
  doc('Widget', 'w', 'example.com/v1'),
].join('---\n');

const names = (list: ReturnType<typeof readResources>) => list.map(r => `${r.kind}/${r.name}`);

/** The order in a process that never sorted these keys (the kept orders are per list of keys). */
const LEGACY = ['Namespace/apps', 'ConfigMap/a', 'ConfigMap/b', 'Service/web', 'Deployment/web', 'Widget/w', 'ValidatingWebhookConfiguration/hook'];

describe('render/kustomize: the output order kept with the ids it sorted', () => {
  it('takes the kept order for the same kinds and ids in the same places, and gives the new objects', () => {
    const first = readResources(TEXT, '/a/x.yaml');
    const before = { ...sortStats };
    assert.deepEqual(names(sortResources(first, undefined)), LEGACY);
    // A value changed (replicas): other objects, the same ids.
    const second = readResources(TEXT.replace('replicas: 1', 'replicas: 2'), '/a/x.yaml');
    const sorted = sortResources(second, undefined);
    assert.deepEqual(names(sorted), LEGACY);
    assert.ok(sorted.every(r => second.includes(r)), 'the objects of this list, not the kept ones');
    assert.deepEqual({ sorted: sortStats.sorted - before.sorted, reused: sortStats.reused - before.reused }, { sorted: 1, reused: 1 });
  });

  it('sorts again when a name, a kind, a place or the kustomization\'s order changes', () => {
    const base = readResources(TEXT, '/b/x.yaml');
    sortResources(base, undefined);
    const cases: Array<[string, ReturnType<typeof readResources>, string[], unknown]> = [
      ['a name', readResources(TEXT.replace('name: a\n', 'name: c\n'), '/b/x.yaml'),
        ['Namespace/apps', 'ConfigMap/b', 'ConfigMap/c', 'Service/web', 'Deployment/web', 'Widget/w', 'ValidatingWebhookConfiguration/hook'], undefined],
      ['a kind', readResources(TEXT.replace('kind: Widget', 'kind: Secret'), '/b/x.yaml'),
        ['Namespace/apps', 'ConfigMap/a', 'ConfigMap/b', 'Secret/w', 'Service/web', 'Deployment/web', 'ValidatingWebhookConfiguration/hook'], undefined],
      ['a place', [...base].reverse(), LEGACY, undefined],
      ['orderFirst', readResources(TEXT, '/b/x.yaml'),
        // The rest by group, version and kind (apps before the core group's "~G"), then by id.
        ['Widget/w', 'Namespace/apps', 'Deployment/web', 'ConfigMap/a', 'ConfigMap/b', 'Service/web', 'ValidatingWebhookConfiguration/hook'],
        parseYamlDocs('order: legacy\nlegacySortOptions:\n  orderFirst: [Widget, Namespace]\n  orderLast: [ValidatingWebhookConfiguration]\n', '/b/kustomization.yaml')[0].node],
    ];
    for (const [what, list, expected, options] of cases) {
      const before = sortStats.sorted;
      assert.deepEqual(names(sortResources(list, options as never)), expected, what);
      assert.equal(sortStats.sorted - before, 1, `${what}: sorted again`);
    }
  });
});
