import * as assert from 'node:assert/strict';
import { blockItemLines, blockMapLines, inlineValue, isPlainSafe, renderFlow, renderKey, renderScalar } from '@kube-harden/server';
import type { Style } from '@kube-harden/server';

const two: Style = { eol: '\n', indent: 2, seqIndent: 0, flowSeqs: false };
const four: Style = { eol: '\n', indent: 4, seqIndent: 4, flowSeqs: false };
const flow: Style = { ...two, flowSeqs: true };

describe('fix: rendering values', () => {
  it('writes booleans, numbers and null as YAML, never quoted', () => {
    assert.equal(renderScalar(true), 'true');
    assert.equal(renderScalar(false), 'false');
    assert.equal(renderScalar(1000), '1000');
    assert.equal(renderScalar(0), '0');
    assert.equal(renderScalar(null), 'null');
    assert.equal(renderScalar(true, { quote: 'double' }), 'true');
  });

  it('writes strings plain only when they read back as the same string in YAML 1.1 and 1.2', () => {
    for (const s of ['RuntimeDefault', 'ALL', 'NET_RAW', 'localhost/profile.json', 'runtime/default', 'a.b-c_d', '_x']) {
      assert.equal(renderScalar(s), s, s);
    }
    // Booleans and nulls of YAML 1.1 (Kubernetes' decoder), numbers, sexagesimals, indicators.
    const quoted: Array<[string, string]> = [
      ['yes', '"yes"'], ['y', '"y"'], ['N', '"N"'], ['on', '"on"'], ['Off', '"Off"'], ['true', '"true"'],
      ['null', '"null"'], ['~', '"~"'], ['', '""'], ['1000', '"1000"'], ['1_000', '"1_000"'], ['12:30', '"12:30"'],
      ['0x1f', '"0x1f"'], ['.5', '".5"'], ['-x', '"-x"'], ['a b', '"a b"'], ['a: b', '"a: b"'], ['x # y', '"x # y"'],
      ['[a]', '"[a]"'], ['*x', '"*x"'], ['line\nbreak', '"line\\nbreak"'], ['say "hi"', '"say \\"hi\\""'],
    ];
    for (const [s, out] of quoted) assert.equal(renderScalar(s), out, JSON.stringify(s));
    assert.equal(isPlainSafe('yes'), false);
    assert.equal(isPlainSafe('RuntimeDefault'), true);
  });

  it('follows a requested quoting style', () => {
    assert.equal(renderScalar('ALL', { quote: 'double' }), '"ALL"');
    assert.equal(renderScalar('ALL', { quote: 'single' }), "'ALL'");
    assert.equal(renderScalar("it's", { quote: 'single' }), "'it''s'");
    // Single quotes cannot hold a control character: double quotes instead.
    assert.equal(renderScalar('a\tb', { quote: 'single' }), '"a\\tb"');
    assert.equal(renderKey('runAsNonRoot'), 'runAsNonRoot');
    assert.equal(renderKey('runAsNonRoot', { quoteKeys: true }), '"runAsNonRoot"');
    assert.equal(renderKey('on'), '"on"');
  });

  it('refuses numbers Kubernetes cannot read', () => {
    assert.throws(() => renderScalar(Number.NaN), RangeError);
    assert.throws(() => renderScalar(Number.POSITIVE_INFINITY), RangeError);
  });

  it('writes flow values', () => {
    assert.equal(renderFlow(['ALL']), '[ALL]');
    assert.equal(renderFlow([]), '[]');
    assert.equal(renderFlow({}), '{}');
    assert.equal(renderFlow({ type: 'RuntimeDefault' }), '{type: RuntimeDefault}');
    assert.equal(renderFlow({ capabilities: { drop: ['ALL'] }, runAsUser: 1000 }), '{capabilities: {drop: [ALL]}, runAsUser: 1000}');
    assert.equal(renderFlow({ drop: ['ALL'] }, { quote: 'double', quoteKeys: true }), '{"drop": ["ALL"]}');
  });

  it('keeps what fits on the key line inline', () => {
    assert.equal(inlineValue(true, two), 'true');
    assert.equal(inlineValue({}, two), '{}');
    assert.equal(inlineValue([], two), '[]');
    assert.equal(inlineValue(['ALL'], two), undefined);
    assert.equal(inlineValue(['ALL'], flow), '[ALL]');
    assert.equal(inlineValue([{ a: 1 }], flow), undefined);
    assert.equal(inlineValue({ type: 'RuntimeDefault' }, flow), undefined);
  });

  it('writes nested block maps at the given column with the indentation unit', () => {
    assert.deepEqual(blockMapLines({ seccompProfile: { type: 'RuntimeDefault' } }, 0, two), ['seccompProfile:', '  type: RuntimeDefault']);
    assert.deepEqual(blockMapLines({ seccompProfile: { type: 'RuntimeDefault' } }, 8, four), ['        seccompProfile:', '            type: RuntimeDefault']);
    assert.deepEqual(blockMapLines({ a: {}, b: [], c: 'x' }, 2, two), ['  a: {}', '  b: []', '  c: x']);
  });

  it('writes block lists in the style of the file', () => {
    const value = { capabilities: { drop: ['ALL'] } };
    assert.deepEqual(blockMapLines(value, 4, two), ['    capabilities:', '      drop:', '      - ALL']);
    assert.deepEqual(blockMapLines(value, 4, { ...two, seqIndent: 2 }), ['    capabilities:', '      drop:', '        - ALL']);
    assert.deepEqual(blockMapLines(value, 4, flow), ['    capabilities:', '      drop: [ALL]']);
  });

  it('writes list items, maps and lists inside them aligned after the dash', () => {
    assert.deepEqual(blockItemLines('ALL', 2, two), ['  - ALL']);
    assert.deepEqual(blockItemLines({ name: 'http', containerPort: 80 }, 2, two), ['  - name: http', '    containerPort: 80']);
    assert.deepEqual(blockItemLines({ name: 'http', containerPort: 80 }, 0, two, {}, 4), ['-   name: http', '    containerPort: 80']);
    assert.deepEqual(blockItemLines({ a: { b: 1 } }, 0, two), ['- a:', '    b: 1']);
    assert.deepEqual(blockItemLines(['a', 'b'], 0, two), ['- - a', '  - b']);
    assert.deepEqual(blockItemLines({}, 0, two), ['- {}']);
  });
});
