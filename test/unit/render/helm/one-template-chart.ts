// A one-template chart and its rendered body: the smallest input that exercises a Helm behaviour.
import * as assert from 'node:assert/strict';
import { renderChart, ChartFile } from '@kube-harden/server/out/engine/render/helm/index';

/** A chart whose one template prints `.Values` (or the given text). */
export function chart(values: string, tpl = '{{ toYaml .Values }}', extra: ChartFile[] = []): ChartFile[] {
  return [
    { path: 'Chart.yaml', text: 'apiVersion: v2\nname: c\nversion: 1.0.0\n' },
    { path: 'values.yaml', text: values },
    { path: 'templates/out.yaml', text: tpl },
    ...extra,
  ];
}

/** The output without its `---` and `# Source:` header; fails the test when the render failed. */
export const body = (r: ReturnType<typeof renderChart>) => {
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.text.replace(/^---\n# Source: [^\n]*\n/, '');
};
