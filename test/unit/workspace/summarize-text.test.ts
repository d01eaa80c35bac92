// summarizeText (each document summarised as soon as it is parsed, then dropped) against
// summarizeFile over parseFile, which the editor uses: the same summaries, field for field.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFile } from '@kube-harden/server/out/engine/model/parse';
import { summarizeFile, summarizeText } from '@kube-harden/server/out/engine/workspace/summary';
import { REPO_ROOT } from '../../helpers/fixture-paths';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels: {app: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      serviceAccountName: ${name}
      hostNetwork: true
      containers: [{name: c, image: "registry.example/${name}:1"}]
`;

function same(uri: string, text: string, options: { helmTemplate?: boolean; maxLength?: number } = {}): ReturnType<typeof summarizeText> {
  const streamed = summarizeText(uri, text, options);
  assert.deepEqual(streamed, summarizeFile(uri, parseFile(text, options)));
  return streamed;
}

describe('workspace: summarizeText (a document at a time)', () => {
  it('summarises every document of a file as summarizeFile does: objects of several runs, lists, a syntax error between them', () => {
    const text = [
      deployment('web'),
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: web}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: web}\n  spec: {selector: {app: web}}\n',
      'kind: [unclosed\n',
      '# only a comment\n',
      deployment('api'),
    ].join('---\n');
    const summaries = same('file:///w/app.yaml', text);
    assert.deepEqual(summaries.map(s => `${s.docIndex}:${s.kind}/${s.name}@${s.range.start.line}`), [
      '0:Deployment/web@3', '1:ServiceAccount/web@20', '1:Service/web@23', '4:Deployment/api@33',
    ]);
  });

  it('lists a kustomization without kind after every object, as summarizeFile does', () => {
    const text = `resources: [a.yaml]\nnamespace: shop\n---\n${deployment('web')}`;
    const summaries = same('file:///w/kustomization.yaml', text);
    assert.deepEqual(summaries.map(s => `${s.docIndex}:${s.kind}`), ['1:Deployment', '0:Kustomization']);
    assert.deepEqual(summaries[1].kustomization, { namespace: 'shop', resources: ['a.yaml'], patches: [] });
  });

  it('summarises nothing of a file judged whole: a chart template, too large, binary', () => {
    assert.deepEqual(same('file:///c/templates/d.yaml', deployment('web'), { helmTemplate: true }), []);
    assert.deepEqual(same('file:///w/d.yaml', deployment('web'), { maxLength: 100 }), []);
    assert.deepEqual(same('file:///w/d.yaml', `${deployment('web')}---\n${deployment('api')}\u0000`), []);
  });

  it('summarises every real-world install as summarizeFile does', function () {
    this.timeout(60000);
    const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'real');
    let objects = 0;
    for (const name of fs.readdirSync(dir).filter(n => /\.ya?ml$/.test(n))) {
      objects += same(`file:///real/${name}`, fs.readFileSync(path.join(dir, name), 'utf8')).length;
    }
    // The corpus's objects (the indexing bench counts the same): not a comparison of nothing.
    assert.equal(objects, 539);
  });
});
