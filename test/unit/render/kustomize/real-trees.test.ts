// Kustomize trees from real projects that commit the output of `kustomize build` of their own
// tree (test/fixtures/kustomize/real/<project>, see each SOURCE.md): each build must print that
// output, object by object and in order, with nothing noted as left out.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';
import { documentsOf } from './krusty-cases';

const root = join(__dirname, '../../../../fixtures/kustomize/real');

interface Build { dir: string; expected: string; loadRestrictions: 'rootOnly' | 'none' }

function treeFiles(dir: string, into: Record<string, string> = {}, base = dir): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) treeFiles(path, into, base);
    else into['/' + relative(base, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  return into;
}

/** The project's header comment ("# This is an auto-generated file") is not kustomize's output. */
const withoutHeader = (s: string) => s.replace(/^(#[^\n]*\n)+/, '');

describe('kustomize build of real projects', () => {
  for (const project of readdirSync(root).sort()) {
    const builds = JSON.parse(readFileSync(join(root, project, 'cases.json'), 'utf8')) as Build[];
    describe(project, () => {
      let files: Record<string, string>;
      before(() => { files = treeFiles(join(root, project, 'tree')); });
      for (const b of builds) {
        it(`${b.dir} prints ${b.expected}`, () => {
          const r = renderKustomization(memorySource(files), '/' + b.dir, { loadRestrictions: b.loadRestrictions });
          assert.ok(r.ok, r.ok ? '' : r.error.message);
          assert.deepEqual(r.notes, []);
          const got = documentsOf(r.yaml), want = documentsOf(withoutHeader(files['/' + b.expected]));
          const first = want.findIndex((d, i) => got[i] !== d);
          if (first >= 0) assert.equal(got[first], want[first], `object ${first + 1} of ${want.length} differs`);
          assert.equal(got.length, want.length);
        });
      }
    });
  }
});
