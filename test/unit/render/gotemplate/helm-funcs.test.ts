// Helm's functions over the engine: include, tpl, required, toYaml (sigs.k8s.io/yaml output),
// fromYaml, fromYamlArray, fromJsonArray; and the include recursion limit.
import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_DEPTH, HELM_FUNCS, HELM_INCLUDE_LIMIT, fromJsonLike, parseTemplates, render, toYaml } from '@kube-harden/server/out/engine/render/gotemplate/index';

function run(text: string, values: unknown = {}, extra: { name: string; text: string }[] = []) {
  const set = parseTemplates([...extra, { name: 't', text }], { funcs: HELM_FUNCS });
  assert.deepEqual(set.errors, []);
  return render(set, 't', fromJsonLike({ Values: values }));
}
const ok = (text: string, values?: unknown, extra?: { name: string; text: string }[]) => {
  const r = run(text, values, extra);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.text;
};

describe('Helm functions', () => {
  it('toYaml writes as sigs.k8s.io/yaml: sorted keys, block sequences at the key, quoting only when needed', () => {
    const v = fromJsonLike({
      b: [1, { x: 'true', y: 'a: b', z: 'multi\nline' }], a: 8080, c: 1.5, d: null, e: {}, f: [], a10: 1, a2: 2,
      s: 'plain', n: '123', empty: '', big: 1000000, tiny: 0.0000001, lead: ' x', hash: 'a #b', star: '*x', yes: 'yes', nl: 'a\nb\n',
    });
    assert.equal(toYaml(v), [
      'a: 8080', 'a2: 2', 'a10: 1', 'b:', '- 1', '- x: "true"', '  "y": \'a: b\'', '  z: |-', '    multi', '    line',
      // "n" and "yes" are YAML 1.1 booleans for go-yaml v2, so even as keys they are quoted.
      'big: 1000000', 'c: 1.5', 'd: null', 'e: {}', 'empty: ""', 'f: []', "hash: 'a #b'", "lead: ' x'", '"n": "123"',
      'nl: |', '  a', '  b', 's: plain', "star: '*x'", 'tiny: 1e-07', '"yes": "yes"',
    ].join('\n'));
  });

  it('toYaml quotes what go-yaml v2 would read back as a timestamp or a Go integer (resolve.go)', () => {
    const quoted = ['2024-01-01', '2024-1-5', '2024-02-29', '2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43Z', '2001-12-14 21:59:43.10',
      '0o17', '0O17', '0X1F', '0B11', '+0x1F', '1_000', '1_000.5', '09', '-0b101', '.5'];
    const plain = ['2023-02-29', '2024-13-01', '2024-01-01T10:00:00', '2024-01-01 10:00:00Z', '2001-12-14 21:59:43.10 -5', '24-01-01', '2024-01-001',
      '0o8', '0x', '1.2.3', '1_000x', 'v2024-01-01'];
    assert.deepEqual(quoted.map(q => toYaml(fromJsonLike({ k: q }))), quoted.map(q => `k: "${q}"`));
    assert.deepEqual(plain.map(q => toYaml(fromJsonLike({ k: q }))), plain.map(q => `k: ${q}`));
  });

  it('fromYaml reads a timestamp as the string it is written as, and 0o17 as 15, as go-yaml v2', () => {
    assert.equal(ok('{{ $v := fromYaml "d: 2024-01-01\\nt: 2001-12-14t21:59:43.10-05:00\\no: 0o17" }}{{ $v.d }} {{ $v.t }} {{ $v.o }} {{ kindOf $v.d }}'),
      '2024-01-01 2001-12-14t21:59:43.10-05:00 15 string');
  });

  it('toYaml folds long plain and single-quoted scalars at a space past column 80, as go-yaml v2 does', () => {
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore';
    assert.equal(toYaml(fromJsonLike({ d: long, l: [long], m: { k: 'a: ' + long } })), [
      'd: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor',
      '  incididunt ut labore',
      'l:',
      '- Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt',
      '  ut labore',
      'm:',
      "  k: 'a: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor",
      "    incididunt ut labore'",
    ].join('\n'));
    // Keys never fold; a run of spaces is never broken.
    assert.equal(toYaml(fromJsonLike({ ['k'.repeat(90) + ' x']: 'v' })), 'k'.repeat(90) + ' x: v');
  });

  it('toYaml of a scalar, a list and nil', () => {
    assert.equal(toYaml('x'), 'x');
    assert.equal(toYaml(fromJsonLike([1, 'two', [3]])), '- 1\n- two\n- - 3');
    assert.equal(toYaml(null), 'null');
    assert.equal(toYaml(3n), '3');
  });

  it('include renders a named template into a string that pipes on', () => {
    assert.equal(ok('{{ include "x" .Values | upper }}', { a: 'b' }, [{ name: 'h', text: '{{ define "x" }}a={{ .a }}{{ end }}' }]), 'A=B');
  });

  it('include of a missing template fails with Go\'s wording', () => {
    const r = run('{{ include "nope" . }}');
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'template: t:1:3: executing "t" at <include "nope" .>: error calling include: template: no template "nope" associated with template "t"');
  });

  it(`stops include recursion at the depth limit (${DEFAULT_MAX_DEPTH}) before the stack runs out, unwrapped`, () => {
    const r = run('{{ include "loop" . }}', {}, [{ name: 'h', text: '{{ define "loop" }}{{ include "loop" . }}{{ end }}' }]);
    assert.ok(!r.ok);
    assert.equal(r.error.message, `template: h:1:22: executing "loop" at <include "loop" .>: exceeded maximum template depth (${DEFAULT_MAX_DEPTH})`);
    assert.equal(HELM_INCLUDE_LIMIT, 1000);
  });

  it('stops template recursion at the depth limit', () => {
    const set = parseTemplates([{ name: 't', text: '{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}' }]);
    const r = render(set, 't', null, { maxDepth: 50 });
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'template: t:1:28: executing "r" at <{{template "r" .}}>: exceeded maximum template depth (50)');
  });

  it('tpl renders a string as a template against the given data, blanking <no value>', () => {
    assert.equal(ok('{{ tpl .Values.t . }}', { t: 'x={{ .Values.x }} y={{ .Values.missing }}', x: 1 }), 'x=1 y=');
  });

  it('tpl reports a parse error of its text with Helm\'s prefix', () => {
    const r = run('{{ tpl "{{ .x" . }}');
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'template: t:1:3: executing "t" at <tpl "{{ .x" .>: error calling tpl: cannot parse template "{{ .x": template: t:1: unclosed action');
  });

  it('required fails on nil and "" and passes anything else through', () => {
    assert.equal(ok('{{ required "need x" .Values.x }}', { x: 0 }), '0');
    const r = run('{{ required "need x" .Values.x }}');
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'template: t:1:3: executing "t" at <required "need x" .V...>: error calling required: need x');
  });

  it('fromYaml reads YAML 1.1 with every number float64; errors land in .Error', () => {
    assert.equal(ok('{{ $m := fromYaml "a: 1\\nb: yes\\nc: [1.5]" }}{{ $m.a }} {{ typeOf $m.a }} {{ $m.b }} {{ $m.c }}'), '1 float64 true [1.5]');
    assert.equal(ok('{{ (fromYaml "- a").Error }}'), 'error unmarshaling JSON: json: cannot unmarshal array into Go value of type map[string]interface {}');
    assert.equal(ok('{{ fromYamlArray "- 1\\n- x" }}'), '[1 x]');
    assert.equal(ok('{{ fromJsonArray "[1, \\"a\\", null]" }}'), '[1 a <nil>]');
  });
});
