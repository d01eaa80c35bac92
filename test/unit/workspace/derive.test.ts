// perModel: a value computed from the workspace model is built once per model revision, rebuilt
// after any change (a moved object too: its range is part of what rules report), and kept per
// model, so two models never share an answer.
import * as assert from 'node:assert/strict';
import { parseFile } from '@kube-harden/server';
import { perModel, perModelMap } from '@kube-harden/server/out/engine/workspace/derive';
import { WorkspaceIndex } from '@kube-harden/server/out/engine/workspace';
import { summarizeFile } from '@kube-harden/server/out/engine/workspace/summary';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
const summaries = (uri: string, text: string) => summarizeFile(uri, parseFile(text));

describe('workspace: perModel', () => {
  it('builds once per revision and again after every change', () => {
    let builds = 0;
    const names = perModel(index => { builds++; return index.all().map(o => o.name); });
    const index = new WorkspaceIndex();
    index.setFile('file:///a.yaml', summaries('file:///a.yaml', CM));
    assert.deepEqual(names(index), ['a']);
    assert.deepEqual(names(index), ['a']);
    assert.equal(builds, 1);

    // The same facts one line lower: no new generation (nothing to re-lint), but a new revision.
    const generation = index.generation;
    assert.equal(index.setFile('file:///a.yaml', summaries('file:///a.yaml', `# moved\n${CM}`)), false);
    assert.equal(index.generation, generation);
    assert.deepEqual(names(index), ['a']);
    assert.equal(builds, 2);

    index.setFile('file:///b.yaml', summaries('file:///b.yaml', CM.replace('name: a', 'name: b')));
    assert.deepEqual(names(index), ['a', 'b']);
    index.setDefaultNamespace('team-a');
    names(index);
    index.removeFile('file:///b.yaml');
    assert.deepEqual(names(index), ['a']);
    assert.equal(builds, 5);
  });

  it('keeps each model\'s value apart', () => {
    const count = perModel(index => index.all().length);
    const one = new WorkspaceIndex(), two = new WorkspaceIndex();
    one.setFile('file:///a.yaml', summaries('file:///a.yaml', CM));
    assert.equal(count(one), 1);
    assert.equal(count(two), 0);
    assert.equal(count(one.withFile('file:///c.yaml', summaries('file:///c.yaml', CM))), 2);
    assert.equal(count(one), 1, 'withFile leaves the original as it was');
  });

  it('perModelMap computes each key once per revision', () => {
    const seen: string[] = [];
    const upper = perModelMap((_index: WorkspaceIndex, key: string) => { seen.push(key); return key.toUpperCase(); });
    const index = new WorkspaceIndex();
    assert.equal(upper(index, 'x'), 'X');
    assert.equal(upper(index, 'x'), 'X');
    assert.equal(upper(index, 'y'), 'Y');
    index.setFile('file:///a.yaml', summaries('file:///a.yaml', CM));
    assert.equal(upper(index, 'x'), 'X');
    assert.deepEqual(seen, ['x', 'y', 'x']);
  });
});
