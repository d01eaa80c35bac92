// Which roots include a file, and as what: read from kustomization files without rendering.
import * as assert from 'node:assert/strict';
import { inclusionMap, inclusionsOf, inclusionStats, kustomizationRoots, memorySource } from '@kube-harden/server/out/engine/render/kustomize';
import { OVERLAY_FILES } from './overlay-example';

const files: Record<string, string> = {
  ...Object.fromEntries(Object.entries(OVERLAY_FILES).map(([p, t]) => ['/w/' + p, t])),
  '/w/staging/kustomization.yaml': 'resources:\n- ../base\ncomponents:\n- ../monitoring\nconfigMapGenerator:\n- name: s\n  envs:\n  - app.env\n',
  '/w/staging/app.env': 'A=1\n',
  '/w/monitoring/kustomization.yaml': 'kind: Component\nresources:\n- sm.yaml\n',
  '/w/monitoring/sm.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: m\n',
  '/w/loose.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
};
const fs = memorySource(files);
const roots = ['/w/overlay', '/w/staging'];
const entry = (file: string, needle: string) => ({ file, range: [files[file].indexOf(needle), files[file].indexOf(needle) + needle.length] });

describe('kustomize inclusion', () => {
  it('finds the roots among kustomization folders: those nothing else includes', () => {
    assert.deepEqual(kustomizationRoots(fs, ['/w/base', '/w/overlay', '/w/staging', '/w/monitoring']), ['/w/overlay', '/w/staging']);
  });

  it('names a patch file as a patch of the overlay, never as a resource', () => {
    assert.deepEqual(inclusionsOf(fs, roots, '/w/overlay/replicas.yaml'), [
      { root: '/w/overlay', role: 'patch', entry: entry('/w/overlay/kustomization.yaml', 'replicas.yaml') },
    ]);
    assert.deepEqual(inclusionsOf(fs, roots, '/w/overlay/privileged.json').map((i) => i.role), ['patch']);
  });

  it('names a base resource once per root that reaches it', () => {
    assert.deepEqual(inclusionsOf(fs, roots, '/w/base/deployment.yaml'), [
      { root: '/w/overlay', role: 'resource', entry: entry('/w/base/kustomization.yaml', 'deployment.yaml') },
      { root: '/w/staging', role: 'resource', entry: entry('/w/base/kustomization.yaml', 'deployment.yaml') },
    ]);
  });

  it('names the values files of a helmCharts entry as generator inputs', () => {
    const k = 'helmCharts:\n- name: web\n  valuesFile: prod.yaml\n  additionalValuesFiles:\n  - extra.yaml\n';
    const charts = memorySource({ '/c/kustomization.yaml': k, '/c/prod.yaml': 'a: 1\n', '/c/extra.yaml': 'b: 2\n' });
    const at = (needle: string) => ({ file: '/c/kustomization.yaml', range: [k.indexOf(needle), k.indexOf(needle) + needle.length] });
    assert.deepEqual(inclusionsOf(charts, ['/c'], '/c/prod.yaml'), [{ root: '/c', role: 'generator-input', entry: at('prod.yaml') }]);
    assert.deepEqual(inclusionsOf(charts, ['/c'], '/c/extra.yaml'), [{ root: '/c', role: 'generator-input', entry: at('extra.yaml') }]);
  });

  it('names kustomization files, components and generator inputs', () => {
    assert.deepEqual(inclusionsOf(fs, roots, '/w/base/kustomization.yaml').map((i) => [i.root, i.role]),
      [['/w/overlay', 'kustomization'], ['/w/staging', 'kustomization']]);
    assert.deepEqual(inclusionsOf(fs, roots, '/w/monitoring/kustomization.yaml').map((i) => [i.root, i.role]), [['/w/staging', 'component']]);
    assert.deepEqual(inclusionsOf(fs, roots, '/w/monitoring/sm.yaml').map((i) => [i.root, i.role]), [['/w/staging', 'resource']]);
    assert.deepEqual(inclusionsOf(fs, roots, '/w/staging/app.env').map((i) => [i.root, i.role]), [['/w/staging', 'generator-input']]);
  });

  it('answers nothing for a file no root reaches', () => {
    assert.deepEqual(inclusionsOf(fs, roots, '/w/loose.yaml'), []);
  });

  it('walks the kustomizations again only when a file they read answers differently', () => {
    const texts = { ...files };
    const source = memorySource(texts);
    const walked = () => inclusionStats.walks;
    const first = inclusionMap(source, roots);
    const n = walked();
    // A resource's text is not read by the walk: the same answer, not walked again.
    texts['/w/base/deployment.yaml'] += '# typed\n';
    assert.equal(inclusionMap(memorySource(texts), roots), first);
    assert.equal(walked(), n);
    kustomizationRoots(memorySource(texts), ['/w/base', '/w/overlay', '/w/staging', '/w/monitoring']);
    const m = walked();
    assert.deepEqual(kustomizationRoots(memorySource(texts), ['/w/base', '/w/overlay', '/w/staging', '/w/monitoring']), ['/w/overlay', '/w/staging']);
    assert.equal(walked(), m, 'roots kept too');
    // A kustomization that lists a new resource: walked again, and the new file is reached.
    texts['/w/staging/kustomization.yaml'] = texts['/w/staging/kustomization.yaml'].replace('resources:\n', 'resources:\n- extra.yaml\n');
    assert.deepEqual(inclusionsOf(memorySource(texts), roots, '/w/staging/extra.yaml'), []);
    assert.equal(walked(), m + 1);
    // The listed file appears (the walk asked what is there): walked again, and it is a resource now.
    texts['/w/staging/extra.yaml'] = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: e\n';
    assert.deepEqual(inclusionsOf(memorySource(texts), roots, '/w/staging/extra.yaml').map((i) => [i.root, i.role]), [['/w/staging', 'resource']]);
    assert.equal(walked(), m + 2);
  });
});
