// Go's own text/template tests (exec_test.go, multi_test.go, parse/parse_test.go), converted to
// data under test/fixtures/gotemplate/go/, run against the engine. Cases that need Go-only data
// are listed by reason in the fixture files.
import * as assert from 'node:assert/strict';
import {
  FuncDef, FuncError, TemplateSet, Value, def, nodeString, parseNumber, parseTemplates, render, sprint, sprintln,
} from '@kube-harden/server/out/engine/render/gotemplate/index';
import { GoMap, withZero } from '@kube-harden/server/out/engine/render/gotemplate/values';
import { typeName } from '@kube-harden/server/out/engine/render/gotemplate/values';
import { decode, readFixture } from './fixture-data';

interface ExecCase { name: string; input: string; output: string; ok: boolean; data?: unknown; dataRef?: string }
interface ExecFixture { data: Record<string, unknown>; cases: ExecCase[]; total: number; run: number; excluded: Record<string, { count: number; cases: string[] }> }

// The FuncMap testExecute installs (exec_test.go), as engine functions with Go's signatures.
const TEST_FUNCS: Record<string, FuncDef> = {
  add: def([], args => (args as bigint[]).reduce((a, b) => a + b, 0n), 'int'),
  dddArg: def(['int'], ([a, ...b]) => sprintln([a, b]), 'string'),
  die: def([], () => { throw new FuncError('die'); }),
  echo: def(['any'], ([a]) => a),
  makemap: def([], args => {
    if (args.length % 2) throw new FuncError('bad makemap');
    const m: GoMap = {};
    for (let i = 0; i < args.length; i += 2) m[args[i] as string] = args[i + 1];
    return withZero(m, '');
  }, 'string'),
  mapOfThree: def([], () => withZero({ three: 3n }, 0n)),
  oneArg: def(['string'], ([a]) => 'oneArg=' + a),
  returnInt: def([], () => 7n),
  twoArgs: def(['string', 'string'], ([a, b]) => 'twoArgs=' + a + b),
  typeOf: def(['any'], ([a]) => typeName(a)),
  valueString: def(['string'], () => 'value is ignored'),
  zeroArgs: def([], () => 'zeroArgs'),
};

function runCase(set: TemplateSet, name: string, c: ExecCase, data: Value): void {
  assert.deepEqual(set.errors, [], `${c.name}: parse error`);
  const r = render(set, name, data);
  if (c.ok) {
    assert.ok(r.ok, `${c.name}: unexpected execute error: ${r.ok ? '' : r.error.message}`);
    assert.equal(r.text, c.output);
  } else {
    assert.ok(!r.ok, `${c.name}: expected error; got none (output ${r.ok ? JSON.stringify(r.text) : ''})`);
    assert.equal(r.partialText, c.output);
  }
}

describe('Go text/template conformance: exec_test.go execTests', () => {
  const fx = readFixture<ExecFixture>('go/exec.json');
  const data = Object.fromEntries(Object.entries(fx.data).map(([k, v]) => [k, decode(v)]));
  it(`runs ${fx.run} of ${fx.total} cases; every exclusion has a reason`, () => {
    const excluded = Object.values(fx.excluded).reduce((n, e) => n + e.count, 0);
    assert.equal(fx.run + excluded, fx.total);
    assert.equal(fx.cases.length, fx.run);
  });
  fx.cases.forEach((c, i) => {
    it(`${i}: ${c.name}: ${JSON.stringify(c.input)}`, () => {
      const set = parseTemplates([{ name: c.name, text: c.input }], { funcs: TEST_FUNCS, noSprig: true });
      runCase(set, c.name, c, c.dataRef ? data[c.dataRef] : decode(c.data));
    });
  });
});

interface MultiFixture {
  multiParseTests: { name: string; input: string; ok: boolean; names: string[]; results: string[] }[];
  multiText: string[];
  multiExecTests: ExecCase[];
  cloneTexts: string[]; cloneExpect: string;
  execErrorText: string; execErrorWant: string;
}

describe('Go text/template conformance: multi_test.go', () => {
  const fx = readFixture<MultiFixture>('go/multi.json');
  const tVal = decode(readFixture<ExecFixture>('go/exec.json').data.tVal);
  for (const t of fx.multiParseTests) {
    it(`multiParse ${t.name}`, () => {
      const set = parseTemplates([{ name: 'root', text: t.input }], { noSprig: true });
      if (!t.ok) { assert.equal(set.errors.length, 1); return; }
      assert.deepEqual(set.errors, []);
      assert.equal(set.trees.size, t.names.length + 1);
      t.names.forEach((n, i) => assert.equal(nodeString(set.trees.get(n)!.root), t.results[i]));
    });
  }
  for (const c of fx.multiExecTests) {
    it(`multiExec ${c.name}`, () => {
      const files = [{ name: 'root', text: fx.multiText[0] }, { name: 'root2', text: fx.multiText[1] }, { name: c.name, text: c.input }];
      const set = parseTemplates(files, { funcs: TEST_FUNCS, noSprig: true });
      runCase(set, c.name, c, c.dataRef ? tVal : decode(c.data));
    });
  }
  it('executes a define that calls templates defined by later parses', () => {
    const set = parseTemplates(fx.cloneTexts.map((text, i) => ({ name: `root${i}`, text })), { noSprig: true });
    const r = render(set, 'a', 0n);
    assert.deepEqual(r, { ok: true, text: fx.cloneExpect, origins: (r as { origins: unknown }).origins });
  });
  it('reports an error in a nested template with its position and name (TestExecError)', () => {
    const set = parseTemplates([{ name: 'top', text: fx.execErrorText }], { noSprig: true });
    const r = render(set, 'top', 5n);
    assert.ok(!r.ok);
    assert.equal(r.error.message, fx.execErrorWant);
    assert.deepEqual([r.error.template, r.error.line, r.error.col], ['top', 7, 20]);
  });
});

interface ParseFixture {
  parseTests: { name: string; input: string; ok: boolean; result: string }[];
  errorTests: { name: string; input: string; result: string }[];
  numberTests: { text: string; isInt: boolean; isUint: boolean; isFloat: boolean; isComplex: boolean; int: string; uint: string; float: number }[];
}

describe('Go text/template conformance: parse_test.go', () => {
  const fx = readFixture<ParseFixture>('go/parse.json');
  const funcs: Record<string, FuncDef> = { printf: def(['string'], () => ''), contains: def(['string', 'string'], () => false) };
  fx.parseTests.forEach((t, i) => {
    it(`parse ${i}: ${t.name}`, () => {
      const set = parseTemplates([{ name: 'test', text: t.input }], { funcs, noSprig: true, maxStackDepth: 3 });
      if (!t.ok) {
        assert.equal(set.errors.length, 1, 'expected error; got none');
        if (t.result.startsWith('template:')) assert.equal(set.errors[0].message, t.result);
        return;
      }
      assert.deepEqual(set.errors, []);
      assert.equal(nodeString(set.trees.get('test')!.root), t.result);
    });
  });
  for (const t of fx.errorTests) {
    it(`error ${t.name}`, () => {
      const set = parseTemplates([{ name: t.name, text: t.input }], { noSprig: true, maxStackDepth: 3 });
      assert.equal(set.errors.length, 1, 'expected an error');
      assert.ok(set.errors[0].message.includes(t.result), `${JSON.stringify(set.errors[0].message)} does not contain ${JSON.stringify(t.result)}`);
    });
  }
  for (const t of fx.numberTests) {
    it(`number ${t.text}`, () => {
      const kind = t.text[0] === "'" ? 'char' : /^[+-]?[^+-]+[+-][^+-]*i$/.test(t.text) && !/[eEpP][+-][^+-]*i$/.test(t.text) ? 'complex' : 'number';
      const n = parseNumber(t.text, kind);
      const ok = t.isInt || t.isUint || t.isFloat || t.isComplex;
      if (!ok) { assert.equal(typeof n, 'string', `expected error for ${t.text}`); return; }
      assert.notEqual(typeof n, 'string', String(n));
      const node = n as Exclude<typeof n, string>;
      assert.deepEqual(
        [node.isInt, node.isUint, node.isFloat, node.isComplex, node.isInt ? node.int.toString() : '0', node.isUint ? node.uint.toString() : '0', node.isFloat ? node.float : 0],
        [t.isInt, t.isUint, t.isFloat, t.isComplex, t.int, t.uint, t.float]);
    });
  }
});

void sprint;
