// Hetzner's CSI driver and cloud controller manager commit `helm template` of their charts as
// snapshots and install manifests (chart/Makefile): the renderer must reproduce every object.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderChart, ChartRenderOptions } from '@kube-harden/server/out/engine/render/helm/index';
import { readChartFiles } from '@kube-harden/server/out/host/chart-files';
import { assertSameObjects, objects, REAL } from './real-compare';

interface Case { expected: string; opts: ChartRenderOptions; valuesFile?: string; dropLines: string[]; total: number }

const CSI_MANIFEST = ['metrics.enabled=true', 'controller.matchLabelsOverride.app=hcloud-csi-controller', 'controller.podLabels.app=hcloud-csi-controller',
  'node.matchLabelsOverride.app=hcloud-csi', 'node.podLabels.app=hcloud-csi'];
const CCM_SELECTOR = ['selectorLabels."app\\.kubernetes\\.io/name"=null', 'selectorLabels."app\\.kubernetes\\.io/instance"=null', 'selectorLabels."app"=hcloud-cloud-controller-manager']
  // make passes the quotes to the shell, which removes them before Helm reads the flag.
  .map(s => s.replace(/"/g, ''));

const csi = (r: ChartRenderOptions) => ({ releaseName: 'hcloud-csi', namespace: 'kube-system', ...r });
const ccm = (r: ChartRenderOptions) => ({ releaseName: 'hcloud-hccm', namespace: 'kube-system', ...r });
const CASES: Record<string, Case[]> = {
  'hetzner-csi-driver': [
    { expected: 'default.yaml', opts: csi({}), dropLines: ['helm.sh/chart'], total: 7 },
    { expected: 'example-prod.yaml', opts: csi({}), valuesFile: 'example-prod-values.yaml', dropLines: ['helm.sh/chart'], total: 10 },
    { expected: 'full.yaml', opts: csi({}), valuesFile: 'full-values.yaml', dropLines: ['helm.sh/chart'], total: 12 },
    { expected: 'hcloud-csi.yml', opts: csi({ set: CSI_MANIFEST }), dropLines: ['helm.sh/chart', 'app.kubernetes.io/managed-by'], total: 9 },
  ],
  'hetzner-hcloud-cloud-controller-manager': [
    { expected: 'default.yaml', opts: ccm({}), dropLines: [], total: 4 },
    { expected: 'full.daemonset.yaml', opts: ccm({}), valuesFile: 'full.daemonset-values.yaml', dropLines: [], total: 4 },
    // `helm template .` without a name: Helm's "release-name".
    { expected: 'ccm.yaml', opts: ccm({ releaseName: 'release-name', set: CCM_SELECTOR }), dropLines: [], total: 4 },
    { expected: 'ccm-networks.yaml', opts: ccm({ releaseName: 'release-name', set: [...CCM_SELECTOR, 'networking.enabled=true'] }), dropLines: [], total: 4 },
  ],
};

for (const [fixture, cases] of Object.entries(CASES)) {
  describe(`real charts: ${fixture}`, () => {
    const dir = path.join(REAL, fixture);
    const files = readChartFiles(path.join(dir, 'chart'));
    for (const c of cases) {
      it(`reproduces ${c.expected}`, () => {
        const valueFiles = c.valuesFile ? [{ name: c.valuesFile, text: fs.readFileSync(path.join(dir, 'chart', c.valuesFile), 'utf8') }] : [];
        const r = renderChart(files, { ...c.opts, valueFiles });
        assert.ok(r.ok, r.ok ? '' : r.error);
        // The Makefile's `grep -v` of each pattern.
        const text = r.text.split('\n').filter(l => !c.dropLines.some(p => l.includes(p))).join('\n');
        assertSameObjects(objects(text), objects(fs.readFileSync(path.join(dir, 'expected', c.expected), 'utf8')), c.total);
      });
    }
  });
}
