// Every output byte knows where it came from: literal text (file, offset) or the action that
// printed it (file, source range, the template/include calls it was reached through) and the
// data path of the printed value.
import * as assert from 'node:assert/strict';
import { HELM_FUNCS, OriginRange, fromJsonLike, parseTemplates, render } from '@kube-harden/server/out/engine/render/gotemplate/index';

const HELPERS = 'templates/_helpers.tpl';
const MAIN = 'templates/deploy.yaml';

function renderChart(helpers: string, main: string, values: unknown) {
  const set = parseTemplates([{ name: HELPERS, text: helpers }, { name: MAIN, text: main }], { funcs: HELM_FUNCS });
  assert.deepEqual(set.errors, []);
  const r = render(set, MAIN, fromJsonLike({ Values: values }));
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r;
}

/** Offset of the n-th occurrence of needle (n from 0). */
function at(text: string, needle: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) { i = text.indexOf(needle, i + 1); assert.ok(i >= 0, `${needle} #${n}`); }
  return i;
}

/** The source range of an action, found by its text. */
function span(text: string, action: string, n = 0) { const s = at(text, action, n); return { start: s, end: s + action.length }; }

function pieces(text: string, origins: OriginRange[]) {
  // The ranges tile the output: sorted, adjacent, complete.
  let pos = 0;
  for (const o of origins) { assert.equal(o.start, pos); assert.ok(o.end > o.start); pos = o.end; }
  assert.equal(pos, text.length);
  return origins.map(o => ({ text: text.slice(o.start, o.end), origin: o.origin }));
}

describe('gotemplate origins', () => {
  it('follows nested includes: inner text and actions carry the chain of call sites', () => {
    const helpers = '{{- define "name" -}}{{ .Values.name }}{{- end }}\n{{- define "fullname" -}}{{ include "name" . }}-app{{- end }}';
    const main = 'name: {{ include "fullname" . }}\n';
    const r = renderChart(helpers, main, { name: 'web' });
    assert.equal(r.text, 'name: web-app\n');
    const outer = { template: MAIN, file: MAIN, ...span(main, '{{ include "fullname" . }}'), callee: 'fullname' };
    const inner = { template: 'fullname', file: HELPERS, ...span(helpers, '{{ include "name" . }}'), callee: 'name' };
    assert.deepEqual(pieces(r.text, r.origins), [
      { text: 'name: ', origin: { kind: 'text', template: MAIN, file: MAIN, offset: 0, via: [] } },
      { text: 'web', origin: { kind: 'action', template: 'name', file: HELPERS, ...span(helpers, '{{ .Values.name }}'), via: [outer, inner], path: ['Values', 'name'] } },
      { text: '-app', origin: { kind: 'text', template: 'fullname', file: HELPERS, offset: at(helpers, '-app'), via: [outer] } },
      { text: '\n', origin: { kind: 'text', template: MAIN, file: MAIN, offset: main.length - 1, via: [] } },
    ]);
  });

  it('gives each range iteration the data path of its element', () => {
    const main = 'containers:\n{{- range $i, $c := .Values.containers }}\n  - name: {{ $c.name | quote }}\n    image: {{ .image }}\n{{- end }}\n';
    const r = renderChart('', main, { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }] });
    assert.equal(r.text, 'containers:\n  - name: "a"\n    image: nginx\n  - name: "b"\n    image: redis\n');
    const nameAction = span(main, '{{ $c.name | quote }}');
    const imageAction = span(main, '{{ .image }}');
    const text = (t: string, offset: number) => ({ text: t, origin: { kind: 'text', template: MAIN, file: MAIN, offset, via: [] } });
    const action = (t: string, s: { start: number; end: number }, path: (string | number)[]) =>
      ({ text: t, origin: { kind: 'action', template: MAIN, file: MAIN, ...s, via: [], path } });
    assert.deepEqual(pieces(r.text, r.origins), [
      text('containers:', 0),
      text('\n  - name: ', at(main, '\n  - name: ')),
      action('"a"', nameAction, ['Values', 'containers', 0, 'name']),
      text('\n    image: ', at(main, '\n    image: ')),
      action('nginx', imageAction, ['Values', 'containers', 0, 'image']),
      text('\n  - name: ', at(main, '\n  - name: ')),
      action('"b"', nameAction, ['Values', 'containers', 1, 'name']),
      text('\n    image: ', at(main, '\n    image: ')),
      action('redis', imageAction, ['Values', 'containers', 1, 'image']),
      text('\n', main.length - 1),
    ]);
  });

  it('moves the origins of an included block through nindent, line by line', () => {
    const helpers = '{{- define "labels" -}}\napp: {{ .Values.name }}\ntier: web\n{{- end }}';
    const main = 'metadata:\n  labels:{{ include "labels" . | nindent 4 }}\n';
    const r = renderChart(helpers, main, { name: 'web' });
    assert.equal(r.text, 'metadata:\n  labels:\n    app: web\n    tier: web\n');
    const site = span(main, '{{ include "labels" . | nindent 4 }}');
    const via = [{ template: MAIN, file: MAIN, ...site, callee: 'labels' }];
    const printed = { kind: 'action', template: MAIN, file: MAIN, ...site, via: [] };
    assert.deepEqual(pieces(r.text, r.origins), [
      { text: 'metadata:\n  labels:', origin: { kind: 'text', template: MAIN, file: MAIN, offset: 0, via: [] } },
      { text: '\n    ', origin: printed },
      { text: 'app: ', origin: { kind: 'text', template: 'labels', file: HELPERS, offset: at(helpers, 'app: '), via } },
      { text: 'web', origin: { kind: 'action', template: 'labels', file: HELPERS, ...span(helpers, '{{ .Values.name }}'), via, path: ['Values', 'name'] } },
      { text: '\n', origin: { kind: 'text', template: 'labels', file: HELPERS, offset: at(helpers, '\ntier'), via } },
      { text: '    ', origin: printed },
      { text: 'tier: web', origin: { kind: 'text', template: 'labels', file: HELPERS, offset: at(helpers, 'tier: web'), via } },
      { text: '\n', origin: { kind: 'text', template: MAIN, file: MAIN, offset: main.length - 1, via: [] } },
    ]);
  });

  it('keeps the data path through variables, with, default, toYaml and nindent', () => {
    const main = '{{- with .Values.securityContext }}{{ $p := .privileged }}a: {{ $p }}\nb: {{ .runAsUser | default 1000 }}\nc: {{ toYaml . | nindent 2 }}{{ end }}';
    const r = renderChart('', main, { securityContext: { privileged: true } });
    assert.equal(r.text, 'a: true\nb: 1000\nc: \n  privileged: true');
    const paths = r.origins.filter(o => o.origin.kind === 'action').map(o => [r.text.slice(o.start, o.end), o.origin.kind === 'action' ? o.origin.path : undefined]);
    assert.deepEqual(paths, [
      ['true', ['Values', 'securityContext', 'privileged']],
      ['1000', undefined],
      ['\n  privileged: true', ['Values', 'securityContext']],
    ]);
  });
});

describe('gotemplate origins through trim and tpl', () => {
  it('keeps the origins of an included block through trim | nindent', () => {
    const helpers = '{{- define "sel" }}\n  app: {{ .Values.name }}\n{{ end }}';
    const main = 'selector:{{ include "sel" . | trim | nindent 2 }}';
    const r = renderChart(helpers, main, { name: 'api' });
    assert.equal(r.text, 'selector:\n  app: api');
    const site = span(main, '{{ include "sel" . | trim | nindent 2 }}');
    const via = [{ template: MAIN, file: MAIN, ...site, callee: 'sel' }];
    assert.deepEqual(pieces(r.text, r.origins), [
      { text: 'selector:', origin: { kind: 'text', template: MAIN, file: MAIN, offset: 0, via: [] } },
      { text: '\n  ', origin: { kind: 'action', template: MAIN, file: MAIN, ...site, via: [] } },
      { text: 'app: ', origin: { kind: 'text', template: 'sel', file: HELPERS, offset: at(helpers, 'app: '), via } },
      { text: 'api', origin: { kind: 'action', template: 'sel', file: HELPERS, ...span(helpers, '{{ .Values.name }}'), via, path: ['Values', 'name'] } },
    ]);
  });

  it('attributes what tpl prints to the tpl call, with the values path of what it printed', () => {
    const main = 'a: {{ tpl .Values.t . }}';
    const r = renderChart('', main, { t: 'x-{{ .Values.n }}', n: 5 });
    assert.equal(r.text, 'a: x-5');
    const site = span(main, '{{ tpl .Values.t . }}');
    const got = pieces(r.text, r.origins);
    assert.deepEqual(got.map(p => p.text), ['a: ', 'x-', '5']);
    // The printed action lives in the tpl text (offsets in it), reached through the tpl call.
    const tplText = 'x-{{ .Values.n }}';
    const via = [{ template: MAIN, file: MAIN, ...site, callee: `${MAIN}#tpl1` }];
    assert.deepEqual(got[1].origin, { kind: 'text', template: MAIN, file: `${MAIN}#tpl1`, offset: 0, via });
    assert.deepEqual(got[2].origin, { kind: 'action', template: MAIN, file: `${MAIN}#tpl1`, ...span(tplText, '{{ .Values.n }}'), via, path: ['Values', 'n'] });
  });
});
