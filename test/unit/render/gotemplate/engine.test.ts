// The engine's own contracts: numbers print as Go prints them, errors are values with positions,
// renders are bounded in time and output, the API never throws.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { budgetClock, HELM_FUNCS, formatFloat, fromJsonLike, parseTemplates, render, sprintf } from '@kube-harden/server/out/engine/render/gotemplate/index';
import { sha256Hex } from '@kube-harden/server/out/engine/util/sha256';

const one = (text: string, data: unknown = null, opts = {}) => render(parseTemplates([{ name: 't', text }]), 't', data as never, opts);

describe('gotemplate engine', () => {
  it('prints values from YAML as float64 the way Go does (%v is strconv g, shortest)', () => {
    const r = one('{{ .a }} {{ .b }} {{ .c }} {{ .d }} {{ .e }} {{ .f }} {{ .g }}', fromJsonLike({ a: 8080, b: 1000000, c: 15000000, d: 1.5, e: 123456, f: 0.00001, g: -0 }));
    assert.deepEqual(r, { ok: true, text: '8080 1e+06 1.5e+07 1.5 123456 1e-05 -0', origins: (r as { origins: unknown }).origins });
  });

  it('keeps template constants as ints and distinguishes them from float64 in eq', () => {
    assert.equal((one('{{ 3 }} {{ typeOf 3 }} {{ typeOf 3.0 }}') as { text: string }).text, '3 int float64');
    const r = one('{{ eq .port 80 }}', fromJsonLike({ port: 80 }));
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'template: t:1:3: executing "t" at <eq .port 80>: error calling eq: incompatible types for comparison');
  });

  it('formats floats as strconv.FormatFloat', () => {
    assert.deepEqual([1e21, 1e20, 123456789, 0.1 + 0.2, 5e-324, 2.5].map(f => formatFloat(f, 'g', -1)),
      ['1e+21', '1e+20', '1.23456789e+08', '0.30000000000000004', '5e-324', '2.5']);
    assert.deepEqual([formatFloat(2.5, 'f', 0), formatFloat(3.5, 'f', 0), formatFloat(1.005, 'f', 2), formatFloat(1234.5678, 'e', 3), formatFloat(100, 'g', 2)],
      ['2', '4', '1.00', '1.235e+03', '1e+02']);
  });

  it('implements the fmt verbs templates use', () => {
    const cases: [string, unknown[], string][] = [
      ['%5d|%-5d|%05d|%+d|%x|%X|%o|%b|%c|%U|%q', [42n, 42n, 42n, 42n, 255n, 255n, 8n, 5n, 65n, 0x1f600n, 65n], '   42|42   |00042|+42|ff|FF|10|101|A|U+1F600|\'A\''],
      ['%s|%q|%10s|%-4s|%.2s|%x', ['hi', 'a"b\n', 'r', 'l', 'abc', 'hi'], 'hi|"a\\"b\\n"|         r|l   |ab|6869'],
      ['%v|%+v|%t|%T|%T|%T', [fromJsonLike({ b: [1, 'x'], a: null }), fromJsonLike({}), true, 1.5, 'x', fromJsonLike([1])], 'map[a:<nil> b:[1 x]]|map[]|true|float64|string|[]interface {}'],
      ['%e|%.2f|%8.3f|%g|%G|%.3g', [1234.5678, 3.14159, 2.0, 1e-7, 1e-7, 1234.5678], '1.234568e+03|3.14|   2.000|1e-07|1E-07|1.23e+03'],
      ['%d %s', [1n], '1 %!s(MISSING)'],
      ['%d', ['x'], '%!d(string=x)'],
      ['%d', [1n, 2n], '1%!(EXTRA int=2)'],
      ['%z', [1n], '%!z(int=1)'],
      ['100%%', [], '100%'],
      ['%*d|%.*f|', [2000000n, 3n, -1n, 1.5], '%!(BADWIDTH)3|%!(BADPREC)1.500000|'],
      ['%20000000d', [1n], '%!(NOVERB)%!(EXTRA int=1)'],
    ];
    for (const [f, args, want] of cases) assert.equal(sprintf(f, args as never), want, f);
  });

  it('reports parse errors as values with file, line and column', () => {
    const set = parseTemplates([{ name: 'a.yaml', text: 'ok' }, { name: 'b.yaml', text: 'line1\n  {{ nope }}' }, { name: 'c.yaml', text: '{{ if }}' }]);
    assert.deepEqual(set.errors, [
      { message: 'template: b.yaml:2: function "nope" not defined', template: 'b.yaml', line: 2, col: 5 },
      { message: 'template: c.yaml:1: missing value for if', template: 'c.yaml', line: 1, col: 6 },
    ]);
    assert.ok(set.trees.has('a.yaml'));
    assert.ok(!set.trees.has('b.yaml'));
  });

  it('reports execution errors with the partial output', () => {
    const r = one('a\n{{ .x.y }}', fromJsonLike({ x: null }));
    assert.deepEqual(r, {
      ok: false, partialText: 'a\n', origins: (r as { origins: unknown }).origins,
      error: { message: 'template: t:2:5: executing "t" at <.x.y>: nil pointer evaluating interface {}.y', template: 't', line: 2, col: 5 },
    });
  });

  it('applies missingkey: default prints <no value>, zero gives nil, error fails', () => {
    const data = fromJsonLike({ m: {} });
    assert.equal((one('{{ .m.k }}', data) as { text: string }).text, '<no value>');
    assert.equal((one('{{ .m.k }}', data, { missingkey: 'zero' }) as { text: string }).text, '<no value>');
    const r = one('{{ .m.k }}', data, { missingkey: 'error' });
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'template: t:1:5: executing "t" at <.m.k>: map has no entry for key "k"');
  });

  it('ends a render that exceeds its time budget with an error value', () => {
    const r = one('{{ range until 2000 }}{{ range until 2000 }}x{{ end }}{{ end }}', null, { budgetMs: 20, maxOutput: 1e9 });
    assert.ok(!r.ok);
    assert.match(r.error.message, /render took longer than its time budget$/);
  });

  it('counts the time budget in CPU time: time the process waits is not spent', () => {
    const before = budgetClock();
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    assert.ok(budgetClock() - before < 100, `${budgetClock() - before} ms counted for a 200 ms wait`);
  });

  it('ends a render whose output exceeds its limit', () => {
    const r = one('{{ range until 1000 }}0123456789{{ end }}', null, { maxOutput: 5000 });
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'output exceeds the limit of 5000 characters');
  });

  it('bounds until and repeat', () => {
    const r1 = one('{{ len (until 2000000) }}');
    assert.ok(!r1.ok);
    assert.match(r1.error.message, /error calling until: list of more than 1000000 elements exceeds this renderer's limit$/);
    const r2 = one('{{ repeat 100000000 "ab" }}');
    assert.ok(!r2.ok);
    assert.match(r2.error.message, /error calling repeat: strings: Repeat output of 200000000 characters exceeds this renderer's limit$/);
  });

  it('never throws on hostile input', () => {
    for (const text of ['{{ regexMatch "[[:constructor:]]" "x" }}', '{{ dict "__proto__" 1 | toJson }}', '{{ .constructor }}', '{{', '{{/*', '{{ (((((((( }}', '{{ "\\x" }}', '{{ $x := }}', '{{ define }}', '{{ 0x }}', '{{ .a.b.c.d }}', '\u0000{{ "\ud800" }}']) {
      const set = parseTemplates([{ name: 't', text }]);
      if (set.errors.length) continue;
      assert.doesNotThrow(() => render(set, 't', fromJsonLike({ a: { b: null } })));
    }
  });

  it('refuses unsupported Sprig functions at the call site', () => {
    const r = one('{{ encryptAES "k" "t" }}');
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'template: t:1:3: executing "t" at <encryptAES "k" "t">: error calling encryptAES: encryptAES is not supported by this renderer');
  });

  it('makes random and date functions reproducible from seed and clock', () => {
    const a = one('{{ randAlphaNum 12 }} {{ uuidv4 }}', null, { seed: 7 }), b = one('{{ randAlphaNum 12 }} {{ uuidv4 }}', null, { seed: 7 });
    assert.ok(a.ok && b.ok);
    assert.equal(a.text, b.text);
    assert.match(a.text, /^[A-Za-z0-9]{12} [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal((one('{{ now | date "2006-01-02T15:04:05Z07:00" }} {{ now | unixEpoch }}', null, { clock: Date.UTC(2024, 1, 29, 13, 4, 5) }) as { text: string }).text, '2024-02-29T13:04:05Z 1709211845');
  });

  it('translates Go regexp syntax and refuses what JavaScript cannot match the same way', () => {
    assert.equal((one('{{ regexReplaceAll "(?P<k>[a-z]+)=(\\\\d+)" "a=1 b=22" "${k}:$2" }}') as { text: string }).text, 'a:1 b:22');
    assert.equal((one('{{ regexMatch "^[[:alpha:]]+$" "abc" }} {{ regexFindAll "\\\\d" "a1b2c3" 2 }}') as { text: string }).text, 'true [1 2]');
    const r = one('{{ mustRegexMatch "a(?=b)" "ab" }}');
    assert.ok(!r.ok);
    assert.match(r.error.message, /error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`$/);
  });

  it('hashes with SHA-256 in pure TypeScript', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Every padding boundary (55/56/63/64 bytes) and multi-byte UTF-8, against node:crypto.
    for (const text of [...[0, 1, 55, 56, 63, 64, 65, 119, 120, 1000].map(n => 'a'.repeat(n)), 'héllo wörld ✓ 𝄞']) {
      assert.equal(sha256Hex(text), createHash('sha256').update(text, 'utf8').digest('hex'), `${text.length} chars`);
    }
  });
});

describe('gotemplate engine: Helm-shaped renders', () => {
  const values = fromJsonLike({
    Values: { replicas: 3, port: 8080, enabled: true, image: { repository: 'nginx' }, list: ['a', 'b'], map: { z: 1, a: 'x' },
      env: [{ name: 'A', value: '1' }], extra: 'k: {{ .Values.port }}' },
    Chart: { AppVersion: '1.2.3' }, Capabilities: { KubeVersion: { Version: 'v1.28.3' } },
  });
  const cases: [string, string][] = [
    ['{{ .Values.replicas | int }} {{ typeOf (.Values.replicas | int) }} {{ printf "%d" .Values.port }}', '3 int %!d(float64=8080)'],
    ['{{ .Values.port | quote }} {{ .Values.missing | quote }}|', '"8080" |'],
    ['{{ .Values.list | join "," }} {{ range $k, $v := .Values.map }}{{ $k }}={{ $v }};{{ end }}', 'a,b a=x;z=1;'],
    ['{{ .Values.image.tag | default .Chart.AppVersion }}', '1.2.3'],
    ['{{ $x := dict "a" 1 }}{{ $_ := set $x "b" .Values.port }}{{ $x | toJson }}', '{"a":1,"b":8080}'],
    ['env:{{ toYaml .Values.env | nindent 2 }}', 'env:\n  - name: A\n    value: "1"'],
    ['{{ semverCompare ">=1.21-0" .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Version | trimPrefix "v" }}', 'true 1.28.3'],
    ['{{ tpl .Values.extra . }}', 'k: 8080'],
    ['{{ if and .Values.enabled (gt (len .Values.list) 1) }}yes{{ end }}', 'yes'],
    // strings.TrimSpace trims Unicode spaces but not a byte-order mark.
    ['[{{ trim "\u00a0 x \ufeff" }}]', '[x \ufeff]'],
  ];
  for (const [text, want] of cases) {
    it(text, () => {
      const r = render(parseTemplates([{ name: 't', text }], { funcs: HELM_FUNCS }), 't', values, { noValue: '' });
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(r.text, want);
    });
  }
});

describe('gotemplate regex guard', () => {
  it('refuses nested unbounded repetition, which backtracking engines can take exponential time on', () => {
    const r = render(parseTemplates([{ name: 't', text: '{{ mustRegexMatch "^(a+)+$" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!" }}' }]), 't', null);
    assert.ok(!r.ok);
    assert.match(r.error.message, /nested repetition such as \(a\+\)\+ is not supported by this renderer/);
  });
  it('keeps the patterns charts use, bounded groups around repetition included', () => {
    const r = render(parseTemplates([{ name: 't', text: '{{ regexMatch "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" "my-app" }} {{ regexMatch "^(ab)+$" "abab" }} {{ regexFind "[0-9]+(\\\\.[0-9]+)*" "v1.2.3" }}' }]), 't', null);
    assert.deepEqual(r.ok && r.text, 'true true 1.2.3');
    for (const evil of ['(a+)+', '([a-z]*)*', '(a|aa)+', '(.*)+', '(?:x+)+']) {
      const e = render(parseTemplates([{ name: 't', text: `{{ regexFind ${JSON.stringify(evil)} "x" }}` }]), 't', null);
      assert.ok(!e.ok, evil);
    }
  });
});

describe('gotemplate dates', () => {
  const at = (text: string) => {
    const r = render(parseTemplates([{ name: 't', text }]), 't', null, { clock: Date.UTC(2024, 0, 15, 12, 0, 0) });
    return r.ok ? r.text : r.error.message;
  };
  it('formats in IANA zones with their offset and abbreviation', () => {
    assert.equal(at('{{ dateInZone "2006-01-02 15:04 MST -0700" now "America/New_York" }}'), '2024-01-15 07:00 EST -0500');
    assert.equal(at('{{ dateInZone "Jan 2, 2006 3:04PM Z07:00" now "UTC" }}'), 'Jan 15, 2024 12:00PM Z');
  });
  it('parses with toDate and reports unknown zones at the call site', () => {
    assert.equal(at('{{ toDate "2006-01-02" "2017-12-31" | date "02/01/2006" }} {{ htmlDate (toDate "2006-01-02" "2017-12-31") }}'), '31/12/2017 2017-12-31');
    assert.equal(at('{{ dateInZone "2006" now "Nope/Zone" }}'), 'template: t:1:3: executing "t" at <dateInZone "2006" no...>: error calling dateInZone: unknown time zone Nope/Zone');
  });
});
