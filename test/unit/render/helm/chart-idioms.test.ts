// Template idioms found in widely used charts (Calico, Bitnami, Grafana, Argo, Prometheus), each
// checked against the output `helm template` gives for the same input.
import * as assert from 'node:assert/strict';
import { renderChart } from '@kube-harden/server/out/engine/render/helm/index';
import { body, chart } from './one-template-chart';

describe('chart idioms from real charts', () => {
  it('ranges over .Files.Glob as the map of path to content it is (Calico kdd-crds.yaml)', () => {
    const tpl = '{{ range $path, $_ := .Files.Glob "crds/*" }}{{ $path }}={{ $.Files.Get $path }}\n{{ end }}'
      + 'n={{ len (.Files.Glob "crds/*") }} {{ index (.Files.Glob "crds/*") "crds/b.yaml" }}'
      + ' {{ if .Files.Glob "none/*" }}some{{ else }}none{{ end }} {{ range .Files.Glob "none/*" }}x{{ else }}empty{{ end }}\n';
    const r = renderChart(chart('', tpl, [{ path: 'crds/b.yaml', text: 'b: 2' }, { path: 'crds/a.yaml', text: 'a: 1' }, { path: 'other/c.yaml', text: 'c: 3' }]), {});
    assert.equal(body(r), 'crds/a.yaml=a: 1\ncrds/b.yaml=b: 2\nn=2 b: 2 none empty\n');
  });

  it('reads an operator set apart from its version in a semver constraint (Loki ">= 1.23-0")', () => {
    const tpl = '{{ semverCompare ">= 1.23-0" "v1.31.0" }} {{ semverCompare "< 1.23-0" "1.22.5" }} {{ semverCompare ">= 1.32-0, < 2" "1.31.0" }}\n';
    assert.equal(body(renderChart(chart('', tpl), {})), 'true true false\n');
  });
});
