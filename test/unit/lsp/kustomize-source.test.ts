// What the renderer reads in the editor: open documents before the disk, the disk as kubectl
// reads it (a UTF-16 file with its BOM) and kept until a file event, and a render's reads
// checked again to tell whether it can be reused.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EditorFileSource, readsHold, RecordingSource } from '@kube-harden/server/out/lsp/composed/kustomize-source';
import { renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';
import { removeTempTrees, tempTree } from '../../helpers/cli';

describe('lsp: the files Kustomize renders from in the editor', () => {
  after(removeTempTrees);

  it('reads open text first, then the disk (decoded, kept until the disk changes)', () => {
    const dir = tempTree({ 'a.yaml': 'kind: A\n', 'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: U\n', 'utf16le')]) });
    const open = new Map<string, string>();
    const source = new EditorFileSource(p => open.get(p));
    const a = path.join(dir, 'a.yaml');
    assert.equal(source.readFile(a), 'kind: A\n');
    assert.equal(source.readFile(path.join(dir, 'utf16.yaml')), 'kind: U\n');
    open.set(a, 'kind: Typed\n');
    assert.equal(source.readFile(a), 'kind: Typed\n');
    // An unsaved new document is a file of its folder's render all the same.
    open.set(path.join(dir, 'new.yaml'), 'kind: N\n');
    assert.equal(source.kindOf(path.join(dir, 'new.yaml')), 'file');
    open.clear();
    fs.writeFileSync(a, 'kind: B\n');
    assert.equal(source.readFile(a), 'kind: A\n', 'kept until a file event');
    source.diskChanged();
    assert.equal(source.readFile(a), 'kind: B\n');
    assert.equal(source.readFile(path.join(dir, 'missing.yaml')), undefined);
    assert.deepEqual(source.listDir(dir), ['a.yaml', 'utf16.yaml']);
  });

  it('renders a generator file that is not UTF-8 into binaryData, as the CLI does', () => {
    const bytes = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe]);
    const dir = tempTree({
      'kustomization.yaml': 'configMapGenerator:\n- name: c\n  files:\n  - bin.dat\n',
      'bin.dat': bytes,
    });
    const source = new EditorFileSource(() => undefined);
    assert.deepEqual(source.readBytes(path.join(dir, 'bin.dat')), new Uint8Array(bytes));
    const recording = new RecordingSource(source);
    const r = renderKustomization(recording, dir);
    assert.ok(r.ok, !r.ok ? r.error.message : '');
    assert.match(r.yaml, /^binaryData:\n {2}bin\.dat: H4sIAP\/\+$/m);
    // The bytes were read as part of the render: a change of the file is seen.
    assert.ok(recording.reads.some(x => x.op === 'readFile' && x.path === path.join(dir, 'bin.dat')));
    // An open document is text: no bytes of its own.
    assert.equal(new EditorFileSource(() => 'x: 1\n').readBytes(path.join(dir, 'bin.dat')), undefined);
  });

  it('tells whether every read of a render still answers the same', () => {
    const open = new Map<string, string>([['/w/k.yaml', 'resources: []\n']]);
    const source = new EditorFileSource(p => open.get(p));
    const recording = new RecordingSource(source);
    recording.readFile('/w/k.yaml');
    recording.kindOf('/w/k.yaml');
    assert.equal(readsHold(recording.reads, source), true);
    open.set('/w/k.yaml', 'resources: [a.yaml]\n');
    assert.equal(readsHold(recording.reads, source), false);
  });
});
