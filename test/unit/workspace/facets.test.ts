// objectsWith / objectsOfKind: the objects of the model that carry a fact or are of a kind, in
// the model's order (so a rule's `find` answers as its scan of every object did), built again
// after any change of the model.
import * as assert from 'node:assert/strict';
import { parseFile } from '@kube-harden/server';
import { WorkspaceIndex } from '@kube-harden/server/out/engine/workspace';
import { objectsOfKind, objectsWith } from '@kube-harden/server/out/engine/workspace/facets';
import { summarizeFile } from '@kube-harden/server/out/engine/workspace/summary';

const summaries = (uri: string, text: string) => summarizeFile(uri, parseFile(text));
const sa = (name: string, extra = '') => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n${extra}`;
const limitRange = (name: string) => `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: ${name}\nspec:\n  limits:\n  - type: Container\n    default: {memory: 256Mi}\n`;
const ids = (objects: ReadonlyArray<{ uri: string; name?: string }>) => objects.map(o => `${o.uri.slice(8)}:${o.name}`);

describe('workspace: objects by fact and by kind', () => {
  it('lists the objects carrying a fact, in the order of the model', () => {
    const index = new WorkspaceIndex();
    index.setFile('file:///b.yaml', summaries('file:///b.yaml', `${sa('b1', 'automountServiceAccountToken: false\n')}---\n${limitRange('lr')}---\n${sa('b2')}`));
    index.setFile('file:///a.yaml', summaries('file:///a.yaml', sa('a1')));
    assert.deepEqual(ids(index.all().filter(o => o.serviceAccount)), ['b.yaml:b1', 'b.yaml:b2', 'a.yaml:a1']);
    assert.deepEqual(ids(objectsWith(index, 'serviceAccount')), ['b.yaml:b1', 'b.yaml:b2', 'a.yaml:a1']);
    assert.deepEqual(objectsWith(index, 'serviceAccount').map(o => o.serviceAccount.automountToken), [false, undefined, undefined]);
    assert.deepEqual(ids(objectsWith(index, 'limitRange')), ['b.yaml:lr']);
    assert.deepEqual(objectsWith(index, 'imageVerification'), []);
    assert.deepEqual(ids(objectsOfKind(index, 'ServiceAccount')), ['b.yaml:b1', 'b.yaml:b2', 'a.yaml:a1']);
    assert.deepEqual(ids(objectsOfKind(index, 'LimitRange')), ['b.yaml:lr']);
    assert.deepEqual(objectsOfKind(index, 'Pod'), []);
  });

  it('answers for the model as it is after a change, and never for another model', () => {
    const index = new WorkspaceIndex();
    index.setFile('file:///a.yaml', summaries('file:///a.yaml', sa('a1')));
    const first = objectsWith(index, 'serviceAccount');
    assert.equal(objectsWith(index, 'serviceAccount'), first, 'built once per revision');
    index.setFile('file:///a.yaml', summaries('file:///a.yaml', limitRange('lr')));
    assert.deepEqual(objectsWith(index, 'serviceAccount'), []);
    assert.deepEqual(ids(objectsOfKind(index, 'LimitRange')), ['a.yaml:lr']);
    index.removeFile('file:///a.yaml');
    assert.deepEqual(objectsOfKind(index, 'LimitRange'), []);

    const other = new WorkspaceIndex();
    other.setFile('file:///c.yaml', summaries('file:///c.yaml', sa('c1')));
    assert.deepEqual(ids(objectsWith(other, 'serviceAccount')), ['c.yaml:c1']);
    assert.deepEqual(objectsWith(index, 'serviceAccount'), []);
  });
});
