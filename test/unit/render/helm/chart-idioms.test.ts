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

  it('lets mergeOverwrite turn a default off with false, "", [] or null, as mergo does (OpenTelemetry kube-stack)', () => {
    // Sprig's TestMergeOverwrite (dict_test.go): src1 then src2 over dst; "k.l: false" wins over true.
    const tpl = [
      '{{- $dst := dict "a" "one" "c" 3 "d" (dict "f" 5) "g" (list 8 9) "i" "eye" "k" (dict "l" true) -}}',
      '{{- $src1 := dict "a" 1 "b" 2 "d" (dict "e" "four") "g" (list 6 7) "i" "aye" "j" "jay" "k" (dict "l" false) -}}',
      '{{- $src2 := dict "h" 10 "i" "i" "j" "j" -}}',
      '{{ mergeOverwrite $dst $src1 $src2 }}\n',
      '{{ mergeOverwrite (dict "s" "x" "l" (list 1) "n" 1) (dict "s" "" "l" list "n" nil) }}\n',
      // merge fills only what is missing or empty, and never copies a nil.
      '{{ merge (dict "on" false "s" "keep") (dict "on" true "s" "other" "n" nil) }} {{ hasKey (merge (dict) (dict "n" nil)) "n" }}\n',
    ].join('');
    assert.equal(body(renderChart(chart('', tpl), {})),
      'map[a:1 b:2 c:3 d:map[e:four f:5] g:[6 7] h:10 i:i j:j k:map[l:false]]\n'
      + 'map[l:[] n:<nil> s:]\n'
      + 'map[on:true s:keep] false\n');
  });

  it('keeps a config file\'s trailing blank lines through .Files.AsConfig (Helm drops only toYAML\'s last newline)', () => {
    const tpl = '{{ (.Files.Glob "conf/*").AsConfig | b64enc }}\n{{ (.Files.Glob "conf/z*").AsConfig | b64enc }}\n';
    const r = renderChart(chart('', tpl, [{ path: 'conf/a.conf', text: 'x = 1\n\n' }, { path: 'conf/z.conf', text: 'k\n\n' }]), {});
    assert.deepEqual(body(r).trim().split('\n').map(l => Buffer.from(l, 'base64').toString()),
      ['a.conf: |+\n  x = 1\n\nz.conf: |+\n  k\n', 'z.conf: |+\n  k\n']);
  });

  it('knows Helm 3.17+ functions: mustToToml renders, toYamlPretty and fromToml are refused where called', () => {
    assert.equal(body(renderChart(chart('a:\n  b: 1\n', '{{ mustToToml .Values | b64enc }}\n'), {})), Buffer.from('[a]\n  b = 1.0\n').toString('base64') + '\n');
    const r = renderChart(chart('', 'x: {{ toYamlPretty .Values }}\n'), {});
    assert.ok(!r.ok);
    assert.match(r.error, /error calling toYamlPretty: toYamlPretty is not supported by this renderer$/);
  });
});
