// Naming the new file a suggestion creates beside the current one: never a name in use, never
// outside the document's folder, and only where there is a folder (file: URIs).
import * as assert from 'node:assert/strict';
import { freeFileName, siblingUri } from '@kube-harden/server/out/lsp/newFiles';

describe('lsp: new file names', () => {
  it('keeps a free name, else numbers it before the extension from 2', () => {
    assert.equal(freeFileName('shop-default-deny.yaml', () => false), 'shop-default-deny.yaml');
    const taken = new Set(['shop-default-deny.yaml', 'shop-default-deny-2.yaml']);
    assert.equal(freeFileName('shop-default-deny.yaml', n => taken.has(n)), 'shop-default-deny-3.yaml');
    assert.equal(freeFileName('policy', n => n === 'policy'), 'policy-2');
    // A dot file has no extension to keep.
    assert.equal(freeFileName('.hidden', n => n === '.hidden'), '.hidden-2');
  });

  it('gives up rather than search forever', () => {
    const asked: string[] = [];
    assert.equal(freeFileName('a.yaml', n => { asked.push(n); return true; }, 3), undefined);
    assert.deepEqual(asked, ['a.yaml', 'a-2.yaml', 'a-3.yaml']);
  });

  it('places the file in the document\'s folder, encoded as a URI', () => {
    assert.equal(siblingUri('file:///work/k8s/namespace.yaml', 'shop-default-deny.yaml'), 'file:///work/k8s/shop-default-deny.yaml');
    assert.equal(siblingUri('file:///work/my%20k8s/ns.yaml', 'a b#1.yaml'), 'file:///work/my%20k8s/a%20b%231.yaml');
    // Spelled as the workspace model spells files, however the editor encoded the document's URI.
    assert.equal(siblingUri('file:///work/k%38s/ns.yaml', 'x.yaml'), 'file:///work/k8s/x.yaml');
  });

  it('refuses names that leave the folder, and documents without one', () => {
    for (const name of ['../x.yaml', 'sub/x.yaml', 'a\\b.yaml', '..', '.', '']) assert.equal(siblingUri('file:///work/ns.yaml', name), undefined, name);
    assert.equal(siblingUri('untitled:Untitled-1', 'x.yaml'), undefined);
    assert.equal(siblingUri('vscode-vfs://github/o/r/ns.yaml', 'x.yaml'), undefined);
  });
});
