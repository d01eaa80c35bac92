// --set-json and --set-file as Helm reads them. The ParseJSON cases are Helm's own
// (helm/helm pkg/strvals/parser_test.go TestParseJSON, commit e9b85e4de16ad45805843fb121748018cf89094b,
// Apache-2.0, see test/fixtures/helm/LICENSE); the order of the flags is Helm's MergeValues
// (pkg/cli/values/options.go): -f files, --set-json, --set, --set-string, --set-file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSetAs } from '@kube-harden/server/out/engine/render/helm/strvals';
import { renderChart } from '@kube-harden/server/out/engine/render/helm/index';
import { main } from '@kube-harden/server/out/cli/main';

const json = (input: string, got: Record<string, unknown>) => { parseSetAs(input, got as never, { kind: 'json' }); return got; };

describe('helm --set-json (strvals.ParseJSON)', () => {
  it('sets JSON scalars and replaces an existing key', () => {
    assert.deepEqual(json('outer.inner1="1",outer.inner3=3,outer.inner4=true,outer.inner5="true"', { outer: { inner1: 'overwrite', inner2: 'value2' } }),
      { outer: { inner1: '1', inner2: 'value2', inner3: 3, inner4: true, inner5: 'true' } });
  });
  it('sets JSON objects and arrays whose commas are their own', () => {
    assert.deepEqual(json('outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5=[{"A":"1","B":2,"C":[1,2,3]}]',
      { outer: { inner1: { x: 'overwrite' }, inner2: 'value2', inner3: ['overwrite'] } }),
    { outer: {
      inner1: { a: '1', b: 2, c: [1, 2, 3] }, inner2: 'value2', inner3: ['new value 1', 'new value 2'],
      inner4: { aa: '1', bb: 2, cc: [1, 2, 3] }, inner5: [{ A: '1', B: 2, C: [1, 2, 3] }],
    } });
  });
  it('reads nothing after = as null, and indexes into a list it set', () => {
    assert.deepEqual(json('outer.inner1=,outer.inner3={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner3.cc[1]=null', { outer: { inner1: { x: 'overwrite' }, inner2: 'value2' } }),
      { outer: { inner1: null, inner2: 'value2', inner3: { aa: '1', bb: 2, cc: [1, null, 3] } } });
  });
  it('refuses a syntax error', () => {
    assert.throws(() => json('outer.inner1={"a":"1","b":2,"c":[1,2,3]},outer.inner3=["new value 1","new value 2"],outer.inner4={"aa":"1","bb":2,"cc":[1,2,3]},outer.inner5={"A":"1","B":2,"C":[1,2,3]}]', {}));
  });
});

describe('helm --set-file (strvals.ParseIntoFile)', () => {
  it('sets the content the reader gives for the path, and reads each item of a list', () => {
    const got = {};
    const files: Record<string, string> = { path1: 'value1', a: 'A', b: 'B' };
    parseSetAs('name1=path1,l={a,b}', got, { kind: 'file', read: p => files[p] });
    assert.deepEqual(got, { name1: 'value1', l: ['A', 'B'] });
  });
});

describe('values from flags, in Helm\'s order', () => {
  const chart = [
    { path: 'Chart.yaml', text: 'apiVersion: v2\nname: c\nversion: 1.0.0\n' },
    { path: 'values.yaml', text: 'a: 0\n' },
    { path: 'templates/out.yaml', text: 'a: {{ .Values.a | toJson }}\nb: {{ .Values.b | toJson }}\nc: {{ .Values.c | toJson }}\n' },
  ];
  const body = (r: ReturnType<typeof renderChart>) => (r.ok ? r.text.replace(/^---\n# Source: [^\n]*\n/, '') : `error: ${r.error}`);

  it('applies -f, then --set-json, --set, --set-string, --set-file, whatever order they were given in', () => {
    const r = renderChart(chart, {
      valueFiles: [{ name: 'v.yaml', text: 'a: 1\nb: 1\nc: 1\n' }],
      setFile: ['c=cert.pem'], setString: ['b=2'], set: ['a=3,b=3'], setJson: ['a={"x":[1,2]},b=4,c=4'],
      readFile: p => `-----BEGIN ${p}-----\n`,
    });
    assert.equal(body(r), 'a: 3\nb: "2"\nc: "-----BEGIN cert.pem-----\\n"\n');
  });

  it('merges a whole JSON object, and names the flag and argument Helm names on errors', () => {
    assert.equal(body(renderChart(chart, { setJson: ['{"b": {"k": true}}'] })), 'a: 0\nb: {"k":true}\nc: null\n');
    assert.equal(body(renderChart(chart, { setJson: ['b={"k":'] })), 'error: failed parsing --set-json data b={"k":');
    assert.equal(body(renderChart(chart, { setJson: ['{"b":'] })), 'error: failed parsing --set-json data JSON: {"b":');
    assert.equal(body(renderChart(chart, { setFile: ['b=missing.pem'], readFile: p => { throw new Error(`open ${p}: no such file or directory`); } })),
      'error: failed parsing --set-file data: open missing.pem: no such file or directory');
  });

  it('reads --set-file paths from the working folder in `kube-harden render`', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-setfile-'));
    try {
      for (const f of chart) { fs.mkdirSync(path.dirname(path.join(dir, 'c', f.path)), { recursive: true }); fs.writeFileSync(path.join(dir, 'c', f.path), f.text); }
      fs.writeFileSync(path.join(dir, 'note.txt'), 'hello\n');
      let out = '', err = '';
      const code = await main(['render', path.join(dir, 'c'), '--set-file', 'c=note.txt', '--set-json', 'b=[1,"x"]'], { out: t => { out += t; }, err: t => { err += t; }, color: false, cwd: dir });
      assert.deepEqual([code, err, out], [0, '', '---\n# Source: c/templates/out.yaml\na: 0\nb: [1,"x"]\nc: "hello\\n"\n']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
