// Kustomize's own end-to-end cases (api/krusty), converted to data by
// scripts/dev/krusty-to-fixtures.mjs. Every case runs; cases that need something the renderer
// deliberately leaves out (plugins, remote bases, Helm, Go-side options) are listed by feature
// in krusty-features.ts and are asserted not to pass, so nothing is silently skipped and a
// case that starts passing must come off the list.
import * as assert from 'node:assert/strict';
import { loadCases, runCase, tidy } from './krusty-cases';
import { unsupportedFeature } from './krusty-features';

describe('kustomize krusty conformance', () => {
  for (const c of loadCases()) {
    const feature = unsupportedFeature(c);
    const title = feature ? `${c.name} (unsupported: ${feature})` : c.name;
    it(title, function () {
      const got = runCase(c);
      const pass = c.expected !== undefined ? got.actual !== undefined && tidy(got.actual) === tidy(c.expected)
        : got.error !== undefined && got.error.includes(c.errorContains!);
      if (feature) {
        assert.ok(!pass, `${c.name} passes although listed as needing "${feature}": take it off the list`);
        return;
      }
      if (c.expected !== undefined) {
        assert.equal(got.error, undefined, `unexpected error: ${got.error}`);
        assert.equal(tidy(got.actual!), tidy(c.expected));
      } else {
        assert.ok(got.error?.includes(c.errorContains!), `expected an error containing ${JSON.stringify(c.errorContains)}, got ${got.error ?? 'success'}`);
      }
    });
  }
});
