// Large JSON that is not Kubernetes is judged from its top-level keys, without a parse; anything
// that might hold an object kubectl reads is parsed as before.
import * as assert from 'node:assert/strict';
import { lint, parseFile } from '@kube-harden/server';
import { JSON_JUDGED_FROM } from '@kube-harden/server/out/engine/model/parse';
import { isNonKubernetesJson } from '@kube-harden/server/out/engine/model/json-kind';

const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', securityContext: { privileged: true } }] } };

describe('non-Kubernetes JSON', () => {
  const notKubernetes: Record<string, string> = {
    'a package.json': JSON.stringify({ name: 'x', version: '1.0.0', dependencies: { 'kind-of': '^6.0.0' } }, null, 2),
    'a tsconfig with a path escape': '{"compilerOptions": {"outDir": "out\\\\lib", "kind": "nested keys do not count"}}',
    'an array of non-objects': '[1, "two", true, null, {"a": [ {"kind": "deeper"} ]}]',
    'an empty object': '{}',
    'an escaped key below the top': '{"a": {"\\u006bind": "Pod"}}',
    // kubectl reads no object without an apiVersion: text that never spells it holds none.
    'an object naming only kind': '{"kind": "Pod"}',
    'YAML-looking text without apiVersion': '{"<<": {"kind": "Pod"}}',
  };
  for (const [what, text] of Object.entries(notKubernetes)) {
    it(`is judged without parsing: ${what}`, () => assert.equal(isNonKubernetesJson(text), true));
  }

  const maybe: Record<string, string> = {
    'a Kubernetes object': JSON.stringify(POD),
    'a list': JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [POD] }),
    'an array of objects': JSON.stringify([{ a: 1 }, POD]),
    'an escaped top-level key': '{"\\u006bind": "Pod", "apiVersion": "v1"}',
    'a merge key': '{"<<": {"apiVersion": "v1", "kind": "Pod"}}',
    'YAML flow with bare keys': '{apiVersion: v1, kind: Pod}',
    'a comment': '{"a": 1} # apiVersion',
    'two documents': '{"a": 1}\n---\napiVersion: v1\nkind: Pod\n',
    'YAML': 'apiVersion: v1\nkind: Pod\n',
    'unbalanced': '{"a": [1, 2}, "apiVersion": "v1"}',
  };
  for (const [what, text] of Object.entries(maybe)) {
    it(`is parsed: ${what}`, () => assert.equal(isNonKubernetesJson(text), false));
  }

  it('is judged so only when large: smaller JSON is parsed, and a broken one is said to be skipped', () => {
    const large = JSON.stringify({ name: 'x', files: ['y'.repeat(JSON_JUDGED_FROM)] });
    assert.deepEqual([parseFile(large).notKubernetes, parseFile(large).documents.length], [true, 0]);
    const small = parseFile('{"name": "x"}');
    assert.deepEqual([small.notKubernetes, small.documents.length], [undefined, 1]);
    assert.equal(lint('{ [ } ]').notChecked?.length, 1);
  });

  it('still reports a privileged container in JSON with an escape that spells a key', () => {
    const text = JSON.stringify(POD).replace('"kind"', '"\\u006bind"');
    assert.deepEqual(lint(text).findings.filter(f => f.ruleId === 'disallow-privileged-containers').length, 1);
  });
});
