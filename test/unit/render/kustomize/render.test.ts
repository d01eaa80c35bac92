// Renderer behaviour beyond the krusty cases: errors with their entry, notes for what is not
// rendered, file names, components, patch directives.
import * as assert from 'node:assert/strict';
import { memorySource, renderKustomization, RenderResult } from '@kube-harden/server/out/engine/render/kustomize';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: app:1
      - name: sidecar
        image: proxy:1
`;

function render(files: Record<string, string>, dir = '/r'): RenderResult {
  return renderKustomization(memorySource(files), dir);
}

function ok(r: RenderResult): string {
  if (!r.ok) throw new Error(r.error.message);
  return r.yaml;
}

function failure(r: RenderResult): { message: string; code: string; at?: { file: string; range: [number, number] } } {
  assert.equal(r.ok, false, 'expected the render to fail');
  return (r as Extract<RenderResult, { ok: false }>).error;
}

describe('kustomize renderer', () => {
  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    it(`reads ${name} without apiVersion or kind`, () => {
      const y = ok(render({ [`/r/${name}`]: 'resources:\n- d.yaml\n', '/r/d.yaml': DEPLOY }));
      assert.match(y, /^apiVersion: apps\/v1\nkind: Deployment\n/);
    });
  }

  it('refuses two kustomization files in one folder', () => {
    const e = failure(render({ '/r/kustomization.yaml': 'resources: []\n', '/r/Kustomization': 'resources: []\n' }));
    assert.equal(e.message, 'Found multiple kustomization files under: /r\n');
  });

  it('applies $patch: delete on a list item and on a whole object', () => {
    const y = ok(render({
      '/r/kustomization.yaml': 'resources:\n- d.yaml\n- cm.yaml\npatches:\n- path: p.yaml\n- path: del.yaml\n',
      '/r/d.yaml': DEPLOY,
      '/r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n',
      '/r/p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        $patch: delete\n',
      '/r/del.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n$patch: delete\n',
    }));
    assert.equal(y, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - image: app:1\n        name: app\n');
  });

  it('merges containers by name and env by name, patch items first', () => {
    const y = ok(render({
      '/r/kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- path: p.yaml\n',
      '/r/d.yaml': DEPLOY,
      '/r/p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        image: proxy:2\n',
    }));
    assert.ok(y.includes('containers:\n      - image: proxy:2\n        name: sidecar\n      - image: app:1\n        name: app\n'), y);
  });

  it('reports a JSON patch on a missing path with the patch entry', () => {
    const k = 'resources:\n- d.yaml\npatches:\n- target:\n    kind: Deployment\n  patch: |-\n    - op: replace\n      path: /spec/strategy/type\n      value: Recreate\n';
    const e = failure(render({ '/r/kustomization.yaml': k, '/r/d.yaml': DEPLOY }));
    assert.equal(e.message, 'replace operation does not apply: doc is missing path: "/spec/strategy/type": missing value');
    assert.equal(e.code, 'json-patch-missing-path');
    // The operation's path inside the inline patch, mapped back to the kustomization's lines.
    const start = k.indexOf('/spec/strategy/type');
    assert.deepEqual(e.at, { file: '/r/kustomization.yaml', range: [start, start + '/spec/strategy/type'.length] });
  });

  // As kustomize build (v5.5.0) does: evanphx/json-patch v4 replaces a key the map lacks.
  it('replaces a key its map lacks, and refuses a list item that does not exist', () => {
    const patch = (path: string) => `resources:\n- d.yaml\npatches:\n- target:\n    kind: Deployment\n  patch: |-\n    - op: replace\n      path: ${path}\n      value: 3\n`;
    const y = ok(render({ '/r/kustomization.yaml': patch('/spec/replicas'), '/r/d.yaml': DEPLOY }));
    assert.match(y, /^spec:\n {2}replicas: 3\n {2}template:\n/m);
    const e = failure(render({ '/r/kustomization.yaml': patch('/spec/template/spec/containers/5'), '/r/d.yaml': DEPLOY }));
    assert.equal(e.code, 'json-patch-missing-path');
  });

  it('places a syntax error in an inline patch on its line in the kustomization', () => {
    const k = 'resources:\n- d.yaml\npatches:\n- target:\n    kind: Deployment\n  patch: |-\n    - op: add\n      path: [unclosed\n';
    const e = failure(render({ '/r/kustomization.yaml': k, '/r/d.yaml': DEPLOY }));
    assert.equal(e.code, 'yaml-syntax');
    assert.equal(e.at?.file, '/r/kustomization.yaml');
    const line = k.slice(0, e.at!.range[0]).split('\n').length;
    assert.ok(line >= 7 && line <= 9, `error placed on line ${line}, inside the inline patch`);
  });

  it('refuses a patch that is neither a mapping nor a list of operations, without crashing', () => {
    const e = failure(render({
      '/r/kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- path: p.yaml\n  target:\n    kind: Deployment\n',
      '/r/d.yaml': DEPLOY, '/r/p.yaml': 'just words\n',
    }));
    assert.equal(e.message, 'unable to parse SM or JSON patch from /r/p.yaml: a patch is a mapping or a list of operations');
    assert.deepEqual(e.at, { file: '/r/p.yaml', range: [0, 11] });
  });

  it('reports a strategic merge patch that matches nothing at its entry', () => {
    const k = 'resources:\n- d.yaml\npatchesStrategicMerge:\n- p.yaml\n';
    const e = failure(render({ '/r/kustomization.yaml': k, '/r/d.yaml': DEPLOY, '/r/p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\n' }));
    assert.equal(e.message, 'no matches for Id Deployment.v1.apps/other.[noNs]; failed to find unique target for patch Deployment.v1.apps/other.[noNs]');
    assert.equal(e.code, 'patch-no-match');
    assert.deepEqual(e.at, { file: '/r/kustomization.yaml', range: [k.indexOf('p.yaml'), k.indexOf('p.yaml') + 6] });
  });

  it('reports a malformed kustomization with the offending key', () => {
    const k = 'resources:\n- d.yaml\nnamePrefx: x-\n';
    const e = failure(render({ '/r/kustomization.yaml': k, '/r/d.yaml': DEPLOY }));
    assert.equal(e.message, 'invalid Kustomization: json: unknown field "namePrefx"');
    assert.equal(e.code, 'malformed-kustomization');
    assert.deepEqual(e.at, { file: '/r/kustomization.yaml', range: [k.indexOf('namePrefx'), k.indexOf('namePrefx') + 9] });
  });

  it('reports YAML syntax errors as Kustomize does, with the position', () => {
    const e = failure(render({ '/r/kustomization.yaml': 'resources:\n- d.yaml\n', '/r/d.yaml': 'kind: [\n' }));
    assert.match(e.message, /^accumulating resources: MalformedYAMLError: yaml: line \d+: .* in File: \/r\/d.yaml$/);
    assert.equal(e.at?.file, '/r/d.yaml');
  });

  it('notes remote resources, plugins and Helm charts it would pull at their entries instead of rendering them', () => {
    const k = 'resources:\n- d.yaml\n- https://github.com/org/repo//base?ref=v1\nhelmCharts:\n- name: redis\n  repo: https://charts.example.com\ntransformers:\n- t.yaml\n';
    const r = render({ '/r/kustomization.yaml': k, '/r/d.yaml': DEPLOY });
    assert.equal(r.ok, true);
    assert.deepEqual(r.notes.map((n) => [n.kind, n.at.range[0]]), [
      ['remote-resource', k.indexOf('https://')],
      ['helm', k.indexOf('name: redis')],
      ['plugin', k.indexOf('t.yaml')],
    ]);
  });

  it('folds a component into the kustomization that lists it', () => {
    const y = ok(render({
      '/r/kustomization.yaml': 'resources:\n- d.yaml\ncomponents:\n- ../c\n',
      '/r/d.yaml': DEPLOY,
      '/c/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  team: a\n',
    }));
    assert.ok(y.startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    team: a\n  name: web\n'), y);
  });

  it('refuses a Component listed as a resource', () => {
    const e = failure(render({ '/r/kustomization.yaml': 'resources:\n- ../c\n', '/c/kustomization.yaml': 'kind: Component\n' }));
    assert.equal(e.message, "accumulating resources: expected kind != 'Component' for path '/c'");
  });

  it('does not follow a cycle of bases', () => {
    const e = failure(render({ '/a/kustomization.yaml': 'resources:\n- ../b\n', '/b/kustomization.yaml': 'resources:\n- ../a\n' }, '/a'));
    assert.equal(e.message, "accumulating resources: accumulating resources: cycle detected: candidate root '/a' contains visited root '/b'");
    assert.equal(e.code, 'cycle');
    // Placed at the entry that closes the loop: "../a" in /b.
    assert.deepEqual(e.at, { file: '/b/kustomization.yaml', range: [13, 17] });
  });

  it('reports a missing resource at its entry', () => {
    const k = 'resources:\n- nope.yaml\n';
    const e = failure(render({ '/r/kustomization.yaml': k }));
    assert.equal(e.code, 'missing-resource');
    assert.deepEqual(e.at, { file: '/r/kustomization.yaml', range: [13, 22] });
  });
  // kustomize's api/internal/target/kusttarget_test.go TestConfigurationsOverrideDefault (Apache-2.0):
  // a configuration's namePrefix/nameSuffix specs take the place of "every kind".
  it('renames only the kinds a configuration lists for namePrefix and nameSuffix', () => {
    const y = ok(render({
      '/r/kustomization.yaml': 'namePrefix: foo-\nnameSuffix: -bar\nresources:\n- deployment.yaml\n- config.yaml\n- secret.yaml\nconfigurations:\n- name-prefix-rules.yaml\n- name-suffix-rules.yaml\n',
      '/r/name-prefix-rules.yaml': 'namePrefix:\n- path: metadata/name\n  group: apps\n  version: v1\n  kind: Deployment\n- path: metadata/name\n  version: v1\n  kind: Secret\n',
      '/r/name-suffix-rules.yaml': 'nameSuffix:\n- path: metadata/name\n  version: v1\n  kind: ConfigMap\n- path: metadata/name\n  group: apps\n  version: v1\n  kind: Deployment\n',
      '/r/deployment.yaml': 'apiVersion: apps/v1\nmetadata:\n  name: deployment1\nkind: Deployment\n',
      '/r/config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\n',
      '/r/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret\n',
    }));
    assert.deepEqual([...y.matchAll(/^ {2}name: (.*)$/gm)].map(m => m[1]), ['config-bar', 'foo-secret', 'foo-deployment1-bar']); // legacy order: ConfigMap, Secret, Deployment
  });

  // Expected as kustomize build (v5.5.0) prints it: go-yaml reads a leading zero as octal.
  it('reads integers with a leading zero as octal, as Go does', () => {
    const y = ok(render({
      '/r/kustomization.yaml': 'resources:\n- cm.yaml\n',
      '/r/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nx:\n  a: 0755\n  b: 08\n  c: 0_7\n  d: -0755\n  e: 0o17\n  f: 0x_1F\n  g: 00\n',
    }));
    assert.equal(y, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\nx:\n  a: 493\n  b: 8\n  c: 7\n  d: -493\n  e: 15\n  f: 31\n  g: 0\n');
  });

  // Expected as kustomize build (v5.5.0) prints it: Helm output often starts a file with a
  // document holding only a "# Source:" comment.
  it('skips documents that hold only comments or a bare null', () => {
    const y = ok(render({
      '/r/kustomization.yaml': 'resources:\n- a.yaml\n',
      '/r/a.yaml': '---\n# Source: chart/templates/cm.yaml\n---\nnull\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n# trailing\n',
    }));
    assert.equal(y, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n');
  });

  // Expected as kustomize build (v5.5.0) prints it, hash suffixes included.
  it('gives a generated Secret without sources an empty data map, a ConfigMap none', () => {
    const y = ok(render({
      '/r/kustomization.yaml': 'secretGenerator:\n- name: s\n  options:\n    disableNameSuffixHash: true\n- name: s2\n  type: kubernetes.io/tls\nconfigMapGenerator:\n- name: c\n',
    }));
    assert.equal(y, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c-6ct58987ht\n---\napiVersion: v1\ndata: {}\nkind: Secret\nmetadata:\n  name: s\ntype: Opaque\n---\napiVersion: v1\ndata: {}\nkind: Secret\nmetadata:\n  name: s2-694464d966\ntype: kubernetes.io/tls\n');
  });

  // Expected as kustomize build (v5.5.0) prints it.
  it('adds a generated object whose behavior is not create, merge or replace as create does', () => {
    const y = ok(render({ '/r/kustomization.yaml': 'configMapGenerator:\n- name: c\n  behavior: add\n  literals: [a=b]\n- name: d\n  behavior: Merge\n  literals: [a=b]\n' }));
    assert.equal(y, 'apiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: c-4h2mbtbbt6\n---\napiVersion: v1\ndata:\n  a: b\nkind: ConfigMap\nmetadata:\n  name: d-4h2mbtbbt6\n');
  });

  // Expected as kustomize build (v5.5.0) prints it: go-yaml gives a block scalar that ends the
  // file without a line break no final line break.
  it('reads a block scalar ending the file without a line break without a final line break', () => {
    const cm = (name: string, block: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: ${block}`;
    const y = ok(render({
      '/r/kustomization.yaml': 'resources:\n- a.yaml\n- b.yaml\n',
      '/r/a.yaml': cm('a', '|\n    x\n    y\n---\n') + cm('b', '|\n    x\n    y'),
      '/r/b.yaml': cm('c', '|+\n    x\n    y'),
    }));
    assert.deepEqual([...y.matchAll(/^ {2}k: (.*)$/gm)].map((m) => m[1]), ['|', '|-', '|-']);
  });

  // Expected as kustomize build (v5.5.0) prints it, hash suffixes included.
  it('puts a generator file that is not UTF-8 in binaryData, given a source that reads bytes', () => {
    const text = memorySource({
      '/r/kustomization.yaml': 'configMapGenerator:\n- name: c\n  files: [bin.dat, text.txt]\nsecretGenerator:\n- name: s\n  files: [bin.dat, text.txt]\n',
      '/r/bin.dat': '\x1f\ufffd\x08\x00\ufffd\ufffd', '/r/text.txt': 'h\u00e9llo\n',
    });
    const bytes: Record<string, Uint8Array> = { '/r/bin.dat': Uint8Array.of(0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe), '/r/text.txt': new TextEncoder().encode('h\u00e9llo\n') };
    const r = renderKustomization({ ...text, readBytes: (p) => bytes[p] }, '/r');
    assert.equal(ok(r), 'apiVersion: v1\nbinaryData:\n  bin.dat: H4sIAP/+\ndata:\n  text.txt: |\n    h\u00e9llo\nkind: ConfigMap\nmetadata:\n  name: c-gt6b5298mm\n---\napiVersion: v1\ndata:\n  bin.dat: H4sIAP/+\n  text.txt: aMOpbGxvCg==\nkind: Secret\nmetadata:\n  name: s-bbt9k7ft6g\ntype: Opaque\n');
  });
});
