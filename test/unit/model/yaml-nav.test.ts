import * as assert from 'node:assert/strict';
import { isMap, YAMLMap } from 'yaml';
import { parseFile } from '@kube-harden/server';
import { entries, get, getIn, isFalse, isTrue, num, str } from '@kube-harden/server/out/engine/model/yaml-nav';

function root(text: string) {
  const d = parseFile(text).documents[0].doc;
  assert.deepEqual(d.errors, []);
  assert.ok(isMap(d.contents));
  return { doc: d, map: d.contents as YAMLMap };
}

describe('yaml-nav', () => {
  it('reads YAML 1.1 booleans as kubectl does', () => {
    const { doc, map } = root('a: yes\nb: off\nc: "true"\nd: True\n');
    assert.ok(isTrue(get(map, 'a', doc)));
    assert.ok(isFalse(get(map, 'b', doc)));
    assert.ok(!isTrue(get(map, 'c', doc)), 'a quoted "true" is a string, which the API server rejects');
    assert.ok(isTrue(get(map, 'd', doc)));
  });

  it('follows aliases and records that it did', () => {
    const { doc, map } = root('base: &sc\n  privileged: true\nc:\n  securityContext: *sc\n');
    const r = getIn(map, ['c', 'securityContext', 'privileged'], doc);
    assert.ok(isTrue(r));
    assert.equal(r!.viaAlias, true);
    assert.equal(getIn(map, ['base', 'privileged'], doc)!.viaAlias, false);
  });

  it('expands << merge keys behind own keys', () => {
    const { doc, map } = root('base: &b {privileged: true, runAsUser: 0}\nsc:\n  <<: *b\n  runAsUser: 1000\n');
    const sc = get(map, 'sc', doc)!.value as YAMLMap;
    assert.ok(isTrue(get(sc, 'privileged', doc)), 'merged value found');
    assert.equal(get(sc, 'privileged', doc)!.viaAlias, true);
    assert.equal(num(get(sc, 'runAsUser', doc)), 1000, 'own key wins over the merge');
    assert.deepEqual(entries(sc, doc).map(e => [e.name, e.ref.value.toJSON()]), [['runAsUser', 1000], ['privileged', true]]);
  });

  it('lets the last duplicate key win, as Go decoders do', () => {
    const { doc, map } = root('a: 1\na: 2\n');
    assert.equal(num(get(map, 'a', doc)), 2);
  });

  it('treats null values as absent', () => {
    const { doc, map } = root('a:\nb: ~\nc: x\n');
    assert.equal(get(map, 'a', doc), undefined);
    assert.equal(get(map, 'b', doc), undefined);
    assert.equal(str(get(map, 'c', doc)), 'x');
  });
});
