// Kustomize's Helm chart inflation (helmCharts:) on the krusty cases whose chart is local
// (test/fixtures/kustomize/krusty-helm): the chart rendered in process as `helm template` renders
// it, its objects added after the other generators', in the namespace Kustomize gives Helm.
import * as assert from 'node:assert/strict';
import { memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';
import { loadCases, runCase } from './krusty-cases';

const tidy = (s: string) => s.replace(/^\s*\n/, '').trimEnd() + '\n';
const HEADER = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';

describe('kustomize: helmCharts (krusty cases with local charts)', () => {
  const cases = loadCases('krusty-helm');
  it('has the nine converted cases', () => assert.equal(cases.length, 9));
  for (const c of cases) {
    it(c.name, () => {
      const got = runCase(c);
      assert.equal(got.error, undefined, `unexpected error: ${got.error}`);
      assert.equal(tidy(got.actual!), tidy(c.expected!));
    });
  }
});

describe('kustomize: helmCharts values, hooks and what is not rendered', () => {
  const CHART = {
    '/app/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
    '/app/charts/web/values.yaml': 'image: nginx:1.27\nreplicas: 1\nsecurity:\n  privileged: false\n  runAsNonRoot: true\n',
    '/app/charts/web/templates/pod.yaml': [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: {{ .Release.Name }}-web', 'spec:', '  containers:', '  - name: app',
      '    image: {{ .Values.image }}', '    securityContext:', '      privileged: {{ .Values.security.privileged }}',
      '      runAsNonRoot: {{ .Values.security.runAsNonRoot }}', '',
    ].join('\n'),
    '/app/charts/web/templates/hook.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hook\n  annotations:\n    helm.sh/hook: pre-install\n',
  };
  const build = (kustomization: string, extra: Record<string, string> = {}) => {
    const r = renderKustomization(memorySource({ ...CHART, '/app/kustomization.yaml': HEADER + kustomization, ...extra }), '/app');
    return r.ok ? { yaml: r.yaml, notes: r.notes } : { error: r.error.message };
  };
  /** The Pod's container, as rendered (the hook ConfigMap sorts first). */
  const container = (yaml: string) => yaml.slice(yaml.indexOf('  containers:'));

  it('valuesInline overrides the values file by default, field by field; merge keeps the file\'s', () => {
    const over = build('helmCharts:\n- name: web\n  releaseName: r\n  valuesInline:\n    security:\n      privileged: true\n');
    assert.match(container(over.yaml!), /privileged: true\n\s+runAsNonRoot: true/);
    const merged = build('helmCharts:\n- name: web\n  releaseName: r\n  valuesMerge: merge\n  valuesInline:\n    image: busybox:1.36\n    security:\n      privileged: true\n');
    assert.match(container(merged.yaml!), /image: nginx:1\.27/);
    assert.match(container(merged.yaml!), /privileged: false/);
    // replace: the inline values alone over the chart's defaults (Helm still reads values.yaml).
    const replaced = build('helmCharts:\n- name: web\n  releaseName: r\n  valuesMerge: replace\n  valuesInline:\n    image: busybox:1.36\n');
    assert.match(container(replaced.yaml!), /image: busybox:1\.36/);
    assert.match(container(replaced.yaml!), /privileged: false/);
  });

  it('keeps hooks unless skipHooks; leaves the namespace to the chart and prefixes names', () => {
    const kept = build('namespace: shop\nnamePrefix: p-\nhelmCharts:\n- name: web\n  releaseName: r\n');
    // kustomize build's default (legacy) order puts the ConfigMap before the Pod.
    assert.equal(kept.yaml, [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  annotations:', '    helm.sh/hook: pre-install', '  name: p-hook', '---',
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p-r-web', 'spec:', '  containers:', '  - image: nginx:1.27', '    name: app',
      '    securityContext:', '      privileged: false', '      runAsNonRoot: true', '',
    ].join('\n'));
    const skipped = build('helmCharts:\n- name: web\n  releaseName: r\n  skipHooks: true\n');
    assert.doesNotMatch(skipped.yaml!, /kind: ConfigMap/);
  });

  it('renders the chart again when a file of it changes, and not otherwise (the objects are the same each time)', () => {
    const k = 'namePrefix: a-\nhelmCharts:\n- name: web\n  releaseName: r\n';
    const first = build(k).yaml!;
    // A transformer wrote the first build's objects (the prefix): the kept render was not changed by it.
    assert.equal(build(k).yaml, first);
    const edited = build(k, { '/app/charts/web/values.yaml': CHART['/app/charts/web/values.yaml'].replace('nginx:1.27', 'nginx:1.28') }).yaml!;
    assert.equal(edited, first.replace('nginx:1.27', 'nginx:1.28'));
    assert.equal(build(k).yaml, first);
  });

  it('reads the fields of an entry and of helmGlobals in any case, as Go\'s JSON reader does', () => {
    const exact = build('helmGlobals:\n  chartHome: charts\nhelmCharts:\n- name: web\n  releaseName: r\n  skipHooks: true\n').yaml!;
    assert.equal(build('helmGlobals:\n  CHARTHOME: charts\nhelmCharts:\n- Name: web\n  releasename: r\n  SkipHooks: true\n').yaml, exact);
  });

  it('notes a chart it would have to pull, and fails on a missing local chart or a template error', () => {
    const remote = build('helmCharts:\n- name: other\n  repo: https://charts.example.com\n  version: 1.2.3\n');
    assert.deepEqual(remote.notes?.map(n => [n.kind, n.message]), [['helm', 'Helm chart "other" is not rendered: it is not in charts/ and would be pulled from https://charts.example.com (nothing is fetched over the network; vendor it with "helm pull --untar")']]);
    assert.equal(build('helmCharts:\n- name: nowhere\n').error, "no repo specified for pull, no chart found at '/app/charts/nowhere'");
    const broken = build('helmCharts:\n- name: web\n', { '/app/charts/web/templates/bad.yaml': 'x: {{ .Values.missing.deep }}\n' });
    assert.equal(broken.error, 'Helm chart "web": web/templates/bad.yaml:1:13\n  executing "web/templates/bad.yaml" at <.Values.missing.deep>:\n    nil pointer evaluating interface {}.deep');
  });
});
