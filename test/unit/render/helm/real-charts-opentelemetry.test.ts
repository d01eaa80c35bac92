// OpenTelemetry's Helm charts commit `helm template` of every example (Makefile
// generate-examples): the renderer must reproduce every object of every example.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderChart } from '@kube-harden/server/out/engine/render/helm/index';
import { readChartFiles } from '@kube-harden/server/out/host/chart-files';
import { assertSameObjects, objects, REAL } from './real-compare';

const dir = path.join(REAL, 'opentelemetry');
const filesUnder = (d: string): string[] =>
  fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap(e => (e.isDirectory() ? filesUnder(path.join(d, e.name)) : [path.join(d, e.name)]));

/** Objects in each chart's examples, as counted in the committed rendered/ folders. */
const TOTALS: Record<string, Record<string, number>> = {
  'opentelemetry-collector': {
    'alternate-config': 6, 'custom-metrics-hpa': 5, 'daemonset-and-deployment': 6, 'daemonset-annotation-discovery': 5,
    'daemonset-cluster-metrics': 5, 'daemonset-collector-logs': 3, 'daemonset-hostmetrics': 3, 'daemonset-kubernetes-objects': 5,
    'daemonset-lifecycle-hooks': 3, 'daemonset-only': 3, 'daemonset-resource-detection': 5, 'deployment-cluster-metrics': 6,
    'deployment-only': 4, 'deployment-otlp-traces': 4, 'deployment-use-existing-configMap': 3, 'internalTelemetryViaOTLP': 4,
    'kubernetesAttributes': 6, 'statefulset-only': 4, 'statefulset-with-pvc': 4, 'using-GOMEMLIMIT': 4, 'using-custom-config': 3,
    'using-shared-processes': 4,
  },
  'opentelemetry-ebpf': { 'cloud-collector': 13 },
  'opentelemetry-ebpf-instrumentation': { 'default': 5, 'with-k8s-cache': 7 },
  'opentelemetry-kube-stack': { 'cloud-demo': 27, 'default': 23, 'isolated-multicollector-deployment': 25 },
  'opentelemetry-target-allocator': {
    'collector-fleet': 6, 'consistent-hashing': 6, 'existing-configmap': 5, 'existing-service-account': 3,
    'prometheus-scrape-config': 6, 'provide-custom-volumes': 5, 'statefulset-with-pvc': 6,
  },
};

for (const [chart, examples] of Object.entries(TOTALS)) {
  describe(`real charts: ${chart} examples`, () => {
    const files = readChartFiles(path.join(dir, 'charts', chart));
    it('has a case for every example in the fixture', () => {
      assert.deepEqual(fs.readdirSync(path.join(dir, 'examples', chart)).sort(), Object.keys(examples).sort());
    });
    for (const [example, total] of Object.entries(examples)) {
      it(`reproduces examples/${example}/rendered`, () => {
        const exampleDir = path.join(dir, 'examples', chart, example);
        // One `helm template example <chart> --namespace default --values <v> --kube-version 1.29`
        // per *values.yaml, each writing its templates into rendered/.
        const text = fs.readdirSync(exampleDir).filter(f => f.endsWith('values.yaml')).sort().map(v => {
          const r = renderChart(files, {
            releaseName: 'example', namespace: 'default', kubeVersion: '1.29',
            valueFiles: [{ name: v, text: fs.readFileSync(path.join(exampleDir, v), 'utf8') }],
          });
          assert.ok(r.ok, r.ok ? '' : r.error);
          return r.text;
        }).join('');
        const expected = filesUnder(path.join(exampleDir, 'rendered')).flatMap(f => objects(fs.readFileSync(f, 'utf8')));
        assertSameObjects(objects(text), expected, total);
      });
    }
  });
}
