// Calico commits `helm template` of its charts as install manifests (manifests/generate.sh):
// the in-process renderer must reproduce every object.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderChart } from '@kube-harden/server/out/engine/render/helm/index';
import { readChartFiles } from '@kube-harden/server/out/host/chart-files';
import { assertSameObjects, objects, REAL } from './real-compare';

const dir = path.join(REAL, 'calico');
const expected = (manifest: string) => objects(fs.readFileSync(path.join(dir, 'manifests', manifest), 'utf8'));

describe('real charts: calico manifests', () => {
  const files = readChartFiles(path.join(dir, 'chart'));
  // Every case is `helm -n kube-system template charts/calico --api-versions ... -f values/<case>`.
  const cases: Array<[string, number]> = [['calico-v3-crds.yaml', 50], ['calico-etcd.yaml', 16], ['canal-etcd.yaml', 21]];
  for (const [name, total] of cases) {
    it(`reproduces manifests/${name}`, () => {
      const r = renderChart(files, {
        releaseName: 'release-name', namespace: 'kube-system',
        apiVersions: ['admissionregistration.k8s.io/v1/MutatingAdmissionPolicy'],
        valueFiles: [{ name, text: fs.readFileSync(path.join(dir, 'values', name), 'utf8') }],
      });
      assert.ok(r.ok, r.ok ? '' : r.error);
      assertSameObjects(objects(r.text), expected(name), total);
    });
  }

  it('reproduces manifests/tigera-operator.yaml', () => {
    const r = renderChart(readChartFiles(path.join(dir, 'tigera-operator')), {
      releaseName: 'release-name', namespace: 'tigera-operator',
      set: ['installation.enabled=false', 'apiServer.enabled=false', 'whisker.enabled=false', 'goldmane.enabled=false'],
    });
    assert.ok(r.ok, r.ok ? '' : r.error);
    // --no-hooks; the script writes the Namespace document by hand before Helm's output.
    const text = r.documents.filter(d => !d.hook).map(d => d.content).join('\n---\n');
    assertSameObjects(objects(text), expected('tigera-operator.yaml').filter(o => o.kind !== 'Namespace'), 6);
  });
});
