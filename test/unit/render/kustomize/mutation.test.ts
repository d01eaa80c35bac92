// Bad input gets an answer, never an exception: every krusty case with one file damaged
// (truncated, an indicator inserted, re-indented, lines shuffled) renders or fails cleanly.
import * as assert from 'node:assert/strict';
import { memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';
import { loadCases } from './krusty-cases';

const INSERTS = ['- ', ': ', '{', '[', '\t', 'null', '~', '$patch: delete\n', '&a *a', '"'];

describe('kustomize renderer on damaged input', () => {
  it('never throws, whatever one damaged file says', function () {
    this.timeout(120_000);
    let seed = 1;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
    const escaped: string[] = [];
    for (const c of loadCases()) {
      const files = Object.fromEntries(Object.entries(c.files).map(([p, v]) => ['/' + p, v]));
      const names = Object.keys(files);
      const name = names[rnd(names.length)];
      const text = files[name];
      const at = rnd(text.length + 1);
      files[name] = [
        () => text.slice(0, at),
        () => text.slice(0, at) + INSERTS[rnd(INSERTS.length)] + text.slice(at),
        () => text.replace(/\n {2}/g, rnd(2) ? '\n' : '\n    '),
        () => text.split('\n').sort(() => rnd(3) - 1).join('\n'),
      ][rnd(4)]();
      try {
        const r = renderKustomization(memorySource(files), '/' + c.dir.replace(/^\/+/, ''));
        if (!r.ok) assert.ok(r.error.message.length > 0);
      } catch (e) {
        escaped.push(`${c.name} (${name}): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    assert.deepEqual(escaped, []);
  });
});
