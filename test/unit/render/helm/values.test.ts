// Helm's value rules, checked case by case against what Helm's own code does
// (pkg/strvals/parser.go, pkg/chart/common/util/coalesce.go, pkg/chart/v2/util/dependencies.go).
import * as assert from 'node:assert/strict';
import { parseSet } from '@kube-harden/server/out/engine/render/helm/strvals';
import { renderChart, ChartFile } from '@kube-harden/server/out/engine/render/helm/index';
import { body, chart } from './one-template-chart';
import { HelmIgnore } from '@kube-harden/server/out/engine/render/helm/helmignore';
import { versionMatches } from '@kube-harden/server/out/engine/render/helm/semver-range';

const set = (...args: string[]) => { const m = {}; for (const a of args) parseSet(a, m); return m; };

describe('helm --set syntax (strvals)', () => {
  it('types values as Helm does: int64, bool, null, strings with a leading zero', () => {
    assert.deepEqual(set('a=1,b=true,c=null,d=0,e=012,f=1.5,g=FALSE'), { a: 1n, b: true, c: null, d: 0n, e: '012', f: '1.5', g: false });
  });
  it('nests keys, escapes dots, indexes lists and reads {x,y} lists', () => {
    assert.deepEqual(set('a.b.c=x', 'n\\.d=y', 'l[1]=z', 'm={1,two}', 'o[0].p=q'),
      { a: { b: { c: 'x' } }, 'n.d': 'y', l: [null, 'z'], m: [1n, 'two'], o: [{ p: 'q' }] });
  });
  it('keeps escaped commas in a value and merges later --set into earlier ones', () => {
    assert.deepEqual(set('a=x\\,y', 'b.c=1', 'b.d=2'), { a: 'x,y', b: { c: 1n, d: 2n } });
  });
  it('refuses a key without a value and huge indexes', () => {
    assert.throws(() => set('a'), /key "a" has no value/);
    assert.throws(() => set('a,b=1'), /key "a" has no value \(cannot end with ,\)/);
    assert.throws(() => set('a[99999999]=1'), /greater than maximum supported index/);
  });
});

describe('helm values', () => {
  it('merges maps, replaces lists, and deletes a default with null from --set and -f', () => {
    const r = renderChart(chart('a:\n  b: 1\n  c: 2\nlist: [1, 2, 3]\ngone: x\n'), {
      set: ['a.c=3', 'gone=null'], valueFiles: [{ name: 'v.yaml', text: 'list: [9]\n' }],
    });
    assert.equal(body(r), 'a:\n  b: 1\n  c: 3\nlist:\n- 9\n');
  });
  it('reads every document of a values file and merges them in order, as LoadValues', () => {
    const r = renderChart(chart('a: {b: 1, c: 1}\n---\na: {c: 2}\nd: x\n---\n# nothing\n'), { valueFiles: [{ name: 'v.yaml', text: 'e: 1\n---\nd: z\n' }] });
    assert.equal(body(r), 'a:\n  b: 1\n  c: 2\nd: z\ne: 1\n');
    const list = renderChart(chart('a: 1\n---\n- x\n'));
    assert.deepEqual(list.ok ? '' : list.error, 'cannot load values.yaml: cannot unmarshal yaml document: error unmarshaling JSON: json: cannot unmarshal array into Go value of type map[string]interface {}');
    const bad = renderChart(chart('a: 1\n'), { valueFiles: [{ name: 'v.yaml', text: 'a: [1\n' }] });
    assert.match(bad.ok ? '' : bad.error, /^failed to parse v\.yaml: cannot unmarshal yaml document: error converting YAML to JSON: /);
  });
  it('keeps an unquoted date the string it is written as', () => {
    const r = renderChart(chart('d: 2024-01-01\nt: 2001-12-14 21:59:43.10\n', 'x: {{ .Values.d }} {{ .Values.t }} {{ kindOf .Values.d }}\n{{ toYaml .Values }}'));
    assert.equal(body(r), 'x: 2024-01-01 2001-12-14 21:59:43.10 string\nd: "2024-01-01"\nt: "2001-12-14 21:59:43.10"\n');
  });
  it('prints an int64 from --set as an int and a YAML number as float64', () => {
    const r = renderChart(chart('big: 1000000\n', '{{ .Values.big }} {{ .Values.n }} {{ typeOf .Values.n }}'), { set: ['n=1000000'] });
    assert.equal(body(r), '1e+06 1000000 int64\n'.replace('int64', 'int'));
  });
  it('scopes a subchart to .Values.<name> plus global, and tags/conditions disable one', () => {
    const files: ChartFile[] = [
      { path: 'Chart.yaml', text: 'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: sub\n  version: ~1.0.0\n- name: sub\n  alias: other\n  condition: other.enabled\n' },
      { path: 'values.yaml', text: 'global:\n  g: 1\nsub:\n  x: from-parent\nother:\n  enabled: false\n' },
      { path: 'templates/out.yaml', text: '{{ .Values.sub.x }}' },
      { path: 'charts/sub/Chart.yaml', text: 'apiVersion: v2\nname: sub\nversion: 1.0.3\n' },
      { path: 'charts/sub/values.yaml', text: 'x: default\nz: 2\n' },
      { path: 'charts/sub/templates/s.yaml', text: 'name: {{ .Chart.Name }}\nx: {{ .Values.x }}\nz: {{ .Values.z }}\ng: {{ .Values.global.g }}\n' },
    ];
    const r = renderChart(files);
    assert.ok(r.ok, r.ok ? '' : r.error);
    assert.equal(r.text, '---\n# Source: c/charts/sub/templates/s.yaml\nname: sub\nx: from-parent\nz: 2\ng: 1\n\n---\n# Source: c/templates/out.yaml\nfrom-parent\n');
  });
  it('reports a dependency missing from charts/ and a packaged one', () => {
    const deps = { path: 'Chart.yaml', text: 'apiVersion: v2\nname: c\nversion: 1.0.0\ndependencies:\n- name: redis\n  version: 1.x\n' };
    const r = renderChart([deps, { path: 'templates/a.yaml', text: 'a: 1\n' }]);
    assert.deepEqual(r, { ok: false, error: 'found in Chart.yaml, but missing in charts/ directory: redis' });
    const p = renderChart([deps, { path: 'charts/redis-1.0.0.tgz', text: '\u001f\u008b' }]);
    assert.deepEqual(p, { ok: false, error: 'not rendered: packaged subchart charts/redis-1.0.0.tgz (unpack it into charts/ to lint it)' });
  });
});

describe('helm builtins', () => {
  it('serves .Files (Get, Glob, AsConfig, AsSecrets, Lines) and .Template, .Release, .Chart', () => {
    const tpl = [
      '{{ .Files.Get "conf/a.txt" }}|{{ (.Files.Glob "conf/*.txt").AsConfig }}|{{ (.Files.Glob "conf/b*").AsSecrets }}',
      '{{ range .Files.Lines "conf/a.txt" }}[{{ . }}]{{ end }}',
      '{{ .Template.Name }} {{ .Template.BasePath }} {{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.IsInstall }} {{ .Release.Revision }} {{ .Release.Service }}',
      '{{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.APIVersion }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.APIVersions.Has "apps/v1" }}',
      '{{ lookup "v1" "Secret" "ns" "x" | toYaml }}',
    ].join('\n');
    // The output must be YAML (Helm parses every document): the text goes into a block scalar.
    const wrapped = `{{ define "body" }}${tpl}{{ end }}v: |\n{{ include "body" . | indent 2 }}\n`;
    const r = renderChart(chart('', wrapped, [{ path: 'conf/a.txt', text: 'one\ntwo\n' }, { path: 'conf/b.txt', text: 'hi' }]), { releaseName: 'rel', namespace: 'ns' });
    assert.equal(body(r), 'v: |\n' + [
      'one\ntwo\n|a.txt: |\n  one\n  two\nb.txt: hi|b.txt: aGk=',
      '[one][two]',
      'c/templates/out.yaml c/templates rel ns true 1 Helm',
      'c 1.0.0 v2 v1.31.0 true',
      '{}',
    ].join('\n').replace(/^/gm, '  ') + '\n');
  });
  it('renders helpers from _*.tpl, drops NOTES.txt and empty documents, sorts by kind', () => {
    const r = renderChart(chart('', '---\nkind: Deployment\n---\n\n---\nkind: Namespace\n', [
      { path: 'templates/_h.tpl', text: '{{ define "x" }}kind: ConfigMap{{ end }}' },
      { path: 'templates/b.yaml', text: '{{ include "x" . }}\n' },
      { path: 'templates/NOTES.txt', text: 'thanks' },
    ]));
    assert.ok(r.ok);
    // Each document keeps its trailing newline before Helm's own: a blank line, as helm template prints.
    assert.equal(r.text, '---\n# Source: c/templates/out.yaml\nkind: Namespace\n\n---\n# Source: c/templates/b.yaml\nkind: ConfigMap\n\n---\n# Source: c/templates/out.yaml\nkind: Deployment\n');
  });
  it('reports fail and required as Helm does, at their position', () => {
    const r = renderChart(chart('', 'a: {{ required "set a" .Values.a }}'));
    assert.deepEqual(r, { ok: false, error: 'execution error at (c/templates/out.yaml:1:6): set a', at: { path: 'templates/out.yaml', line: 1, col: 6 } });
    const p = renderChart(chart('', 'a: {{ nope }}'));
    assert.ok(!p.ok);
    assert.equal(p.error, 'parse error at (c/templates/out.yaml:1): function "nope" not defined');
  });
  it('ends a runaway template within its time budget', () => {
    const started = Date.now();
    const r = renderChart(chart('', '{{ range until 100000000 }}x{{ end }}'), { budgetMs: 200 });
    assert.ok(!r.ok);
    assert.ok(Date.now() - started < 5000);
  });
});

describe('.helmignore', () => {
  it('ignores globs at any depth, rooted paths, folders, and honours negation', () => {
    const ig = new HelmIgnore('# comment\n*.bak\n/docs\nsecret/\n!keep.bak\n');
    assert.deepEqual(['a.bak', 'x/b.bak', 'keep.bak', 'docs/r.md', 'secret/k', 'secret', 'templates/.hidden.yaml', 'templates/a.yaml'].map(p => ig.ignores(p)),
      [true, true, false, true, true, false, true, false]);
  });
});

describe('dependency version ranges (Masterminds/semver constraints)', () => {
  it('matches a charts/ folder to its Chart.yaml entry as Helm does', () => {
    const table: Array<[string, string, boolean]> = [
      ['', '1.2.3', true], ['1.2.3', '1.2.3', true], ['1.2.3', '1.2.4', false],
      ['~1.2.0', '1.2.9', true], ['~1.2.0', '1.3.0', false], ['^1.2.0', '1.9.0', true], ['^1.2.0', '2.0.0', false],
      ['^0.2.0', '0.2.5', true], ['^0.2.0', '0.3.0', false], ['1.x', '1.7.0', true], ['1.x', '2.0.0', false],
      ['>=1.0.0 <2.0.0', '1.5.0', true], ['>=1.0.0 <2.0.0', '2.0.0', false], ['>=1.0.0, <2.0.0', '0.9.0', false],
      ['1.0.0 || 2.0.0', '2.0.0', true], ['*', '9.9.9', true],
    ];
    for (const [range, version, want] of table) assert.equal(versionMatches(range, version), want, `${range} ~ ${version}`);
  });
});

describe('toToml', () => {
  it('writes keys sorted, tables after plain keys, floats with a fraction', () => {
    // (`n` would be false in YAML 1.1, as in Helm: hence `k`.)
    const r = renderChart(chart('b: 1\na: x\nt:\n  k: 2.5\n  l: [1, 2]\n', 'v: |\n{{ toToml .Values | indent 2 }}'));
    assert.equal(body(r), 'v: |\n  a = "x"\n  b = 1.0\n  \n  [t]\n    k = 2.5\n    l = [1.0, 2.0]\n');
  });
});
