// Real charts whose projects commit the output of `helm template`: the in-process renderer must
// reproduce every object. Each fixture's SOURCE.md names the command that made the output and
// the normalisation its pipeline applied after Helm, which the comparison repeats.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderChart } from '@kube-harden/server/out/engine/render/helm/index';
import { readChartFiles } from '@kube-harden/server/out/host/chart-files';
import { assertSameObjects, objects, REAL } from './real-compare';

describe('real charts: ingress-nginx static manifests', () => {
  const dir = path.join(REAL, 'ingress-nginx');
  const files = readChartFiles(path.join(dir, 'chart'));
  for (const provider of fs.readdirSync(path.join(dir, 'providers')).sort()) {
    it(`reproduces deploy/static/provider/${provider}`, () => {
      const values = fs.readFileSync(path.join(dir, 'providers', provider, 'values.yaml'), 'utf8');
      const r = renderChart(files, { releaseName: 'ingress-nginx', namespace: 'ingress-nginx', kubeVersion: '1.22', valueFiles: [{ name: 'values.yaml', text: values }] });
      assert.ok(r.ok, r.ok ? '' : r.error);
      // hack/generate-deploy-scripts.sh: two sed deletions, then kustomize (see SOURCE.md).
      const text = r.text.split('\n').filter(l => !l.includes('app.kubernetes.io/managed-by: Helm') && !l.includes('helm.sh')).join('\n');
      const ours = objects(text).map(o => {
        if (o.kind === 'Deployment') delete o.spec?.replicas;
        if (o.metadata && o.metadata.annotations === null) delete o.metadata.annotations;
        return o;
      });
      const expected = objects(fs.readFileSync(path.join(dir, 'providers', provider, 'deploy.yaml'), 'utf8')).filter(o => o.kind !== 'Namespace');
      assertSameObjects(ours, expected, 18);
    });
  }
});

describe('real charts: longhorn install manifests', () => {
  const dir = path.join(REAL, 'longhorn');
  const files = readChartFiles(path.join(dir, 'chart'));
  const cases: Array<[string, string[], number]> = [['longhorn.yaml', [], 50], ['longhorn-okd.yaml', ['openshift.enabled=true'], 54]];
  for (const [manifest, set, total] of cases) {
    it(`reproduces deploy/${manifest}`, () => {
      const r = renderChart(files, { releaseName: 'longhorn', namespace: 'longhorn-system', kubeVersion: '1.34.0', set });
      assert.ok(r.ok, r.ok ? '' : r.error);
      // --no-hooks, then scripts/generate-longhorn-yaml.sh's grep (see SOURCE.md).
      const text = r.documents.filter(d => !d.hook).map(d => d.content).join('\n---\n')
        .split('\n').filter(l => !l.includes('helm.sh') && !l.includes('app.kubernetes.io/managed-by: Helm')).join('\n');
      const expected = objects(fs.readFileSync(path.join(dir, manifest), 'utf8')).filter(o => o.kind !== 'Namespace');
      assertSameObjects(objects(text), expected, total);
    });
  }
});
