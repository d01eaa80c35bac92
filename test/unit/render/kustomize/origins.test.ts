// Origins: for each rendered value, the file and range of the node that decided it. Expected
// ranges are computed from the fixture texts (the exact span of the value as written).
import * as assert from 'node:assert/strict';
import { memorySource, Origin, renderKustomization, RenderedObject } from '@kube-harden/server/out/engine/render/kustomize';
import { OVERLAY_FILES } from './overlay-example';

const files = Object.fromEntries(Object.entries(OVERLAY_FILES).map(([p, t]) => ['/w/' + p, t]));

/** The range of the `nth` occurrence of `needle` in `file` (after `after`, when given). */
function span(file: string, needle: string, after = ''): Origin {
  const text = files[file];
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `${after} not in ${file}`);
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} not in ${file}`);
  return { file, range: [start, start + needle.length] };
}

describe('kustomize render origins', () => {
  const result = renderKustomization(memorySource(files), '/w/overlay');
  if (!result.ok) throw new Error(result.error.message);
  const byKind = (kind: string): RenderedObject => result.objects.find((o) => (o.value as { kind: string }).kind === kind)!;
  const deployment = byKind('Deployment');
  const container = ['spec', 'template', 'spec', 'containers', 0];

  it('points a value the strategic merge patch set at the patch', () => {
    assert.deepEqual(deployment.originAt(['spec', 'replicas']), span('/w/overlay/replicas.yaml', '3'));
  });

  it('points a value the JSON 6902 patch added at the patch value', () => {
    assert.deepEqual(deployment.originAt([...container, 'securityContext', 'privileged']), span('/w/overlay/privileged.json', 'true'));
  });

  it('points an image the images transformer rewrote at the images entry', () => {
    const images = span('/w/overlay/kustomization.yaml', '- name: nginx\n  newTag: "1.27"');
    const entry = { file: images.file, range: [images.range[0] + 2, images.range[1]] };
    assert.deepEqual(deployment.originAt([...container, 'image']), entry);
  });

  it('points values nothing changed at the base', () => {
    assert.deepEqual(deployment.originAt([...container, 'name']), span('/w/base/deployment.yaml', 'web', '- name: '));
    assert.deepEqual(deployment.originAt(['spec', 'selector', 'matchLabels', 'app']), span('/w/base/deployment.yaml', 'web', 'app: '));
  });

  it('points transformer-written values at their kustomization entry', () => {
    assert.deepEqual(deployment.originAt(['metadata', 'namespace']), span('/w/overlay/kustomization.yaml', 'prod', 'namespace: '));
    assert.deepEqual(deployment.originAt(['metadata', 'name']), span('/w/overlay/kustomization.yaml', 'prod-', 'namePrefix: '));
    assert.deepEqual(deployment.originAt(['metadata', 'labels', 'env']), span('/w/overlay/kustomization.yaml', 'prod', 'env: '));
  });

  it('gives each object its defining document, and a generated object its generator entry', () => {
    const doc = files['/w/base/deployment.yaml'];
    assert.deepEqual(deployment.definedAt, { file: '/w/base/deployment.yaml', range: [0, doc.length] });
    const gen = span('/w/base/kustomization.yaml', 'name: app-config\n  literals:\n  - MODE=prod');
    assert.deepEqual(byKind('ConfigMap').definedAt, gen);
    assert.deepEqual(byKind('ConfigMap').originAt(['data', 'MODE']), gen);
  });

  it('points a value an inline patch set at its line in the kustomization', () => {
    const k = 'resources:\n- d.yaml\npatches:\n- target:\n    kind: Deployment\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 7\n';
    const r = renderKustomization(memorySource({ '/i/kustomization.yaml': k, '/i/d.yaml': files['/w/base/deployment.yaml'] }), '/i');
    if (!r.ok) throw new Error(r.error.message);
    const at = k.indexOf('7');
    assert.deepEqual(r.objects[0].originAt(['spec', 'replicas']), { file: '/i/kustomization.yaml', range: [at, at + 1] });
  });

  it('answers undefined for a path that is not in the object', () => {
    assert.equal(deployment.originAt(['spec', 'nope']), undefined);
    assert.equal(deployment.originAt([...container.slice(0, -1), 7]), undefined);
  });
});

describe('kustomize render origins: objects a helmCharts entry inflates', () => {
  const chart = {
    '/h/app/charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
    '/h/app/charts/web/values.yaml': 'image: {repository: nginx, tag: "1.27"}\nargs: [a, b, c]\nuid: 1000\n',
    '/h/app/charts/web/templates/pod.yaml': [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '  - name: c',
      '    image: {{ .Values.image.repository }}:{{ .Values.image.tag }}', '    args: {{ toJson .Values.args }}',
      '    securityContext:', '      runAsUser: {{ .Values.uid }}', '',
    ].join('\n'),
    '/h/app/v.yaml': 'uid: 0\nargs: [p, q, r]\n',
  };
  const kustomization = 'helmCharts:\n- name: web\n  valuesFile: v.yaml\n  valuesInline:\n    uid: null\n    args: [x]\n';
  const at = (needle: string, text = kustomization, file = '/h/app/kustomization.yaml'): Origin => {
    const start = text.indexOf(needle);
    assert.ok(start >= 0, needle);
    return { file, range: [start, start + needle.length] };
  };
  const result = renderKustomization(memorySource({ ...chart, '/h/app/kustomization.yaml': kustomization }), '/h/app');
  if (!result.ok) throw new Error(result.error.message);
  const pod = result.objects[0];
  const container = ['spec', 'containers', 0];
  const entry = at('name: web\n  valuesFile: v.yaml\n  valuesInline:\n    uid: null\n    args: [x]');

  it('renders the values as Kustomize merges them', () => {
    assert.deepEqual((pod.value as { spec: unknown }).spec, { containers: [{ name: 'c', image: 'nginx:1.27', args: ['x'], securityContext: { runAsUser: 1000 } }] });
  });

  it('points a list the inline values replace, and its items, at the inline values', () => {
    assert.deepEqual(pod.originAt([...container, 'args']), at('[x]'));
    const list = at('[x]').range[0];
    assert.deepEqual(pod.originAt([...container, 'args', 0]), { file: '/h/app/kustomization.yaml', range: [list + 1, list + 2] });
  });

  it('points a value an inline null cleared at the entry: the chart\'s default is printed', () => {
    assert.deepEqual(pod.originAt([...container, 'securityContext', 'runAsUser']), entry);
  });

  it('points a scalar two actions printed together at the entry', () => {
    assert.deepEqual(pod.originAt([...container, 'image']), entry);
    assert.deepEqual(pod.definedAt, entry);
  });
});
