import * as assert from 'node:assert/strict';
import { lintParsed, parseFile } from '@kube-harden/server';
import { AdaptiveDebounce } from '@kube-harden/server/out/lsp/debounce';
import { ParseCache } from '@kube-harden/server/out/lsp/documents';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { SettingsStore } from '@kube-harden/server/out/lsp/settings';
import { Validator } from '@kube-harden/server/out/lsp/validation';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

describe('lsp: adaptive debounce', () => {
  it('waits the maximum until a lint is measured, then 1.5x the smoothed cost, within [0, max]', () => {
    const d = new AdaptiveDebounce(200);
    assert.equal(d.delay('a'), 200);
    d.record('a', 2);
    assert.equal(d.delay('a'), 3);
    d.record('a', 0);
    assert.equal(d.delay('a'), 2); // estimate 1 ms: half-way to the new measure
    d.record('a', 1000);
    assert.equal(d.delay('a'), 200); // estimate 500.5 ms, capped
    assert.equal(d.delay('b'), 200); // per document
    d.record('b', -5);
    d.record('b', Number.NaN);
    assert.equal(d.delay('b'), 200); // nonsense costs are ignored
    d.forget('a');
    assert.equal(d.delay('a'), 200);
  });

  /** A validator whose lints cost what the test says on a fake clock, with a long maximum wait. */
  function harness(costMs: number) {
    let clock = 0;
    const cache = new ParseCache({ parseFile, lintParsed: (...args) => { clock += costMs; return lintParsed(...args); } });
    const docs = new Map<string, TextDocument>();
    const published: PublishDiagnosticsParams[] = [];
    const log = new RateLimitedLog({ error() {}, warn() {} });
    const validator = new Validator({
      document: uri => docs.get(uri), all: () => [...docs.values()], cache, settings: new SettingsStore(undefined, log),
      publish: p => published.push(p), docsHref: id => id, log, debounceMs: 60_000, now: () => clock,
    });
    const flush = () => new Promise(resolve => setImmediate(resolve));
    return { docs, published, validator, flush };
  }

  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx\n';

  for (const [cost, wait] of [[0, 0], [2, 3], [400, 600], [100_000, 60_000]] as const) {
    it(`a document whose lint costs ${cost} ms waits ${wait} ms after an edit`, async () => {
      const h = harness(cost);
      const uri = 'file:///x/pod.yaml';
      const v1 = TextDocument.create(uri, 'yaml', 1, POD);
      h.docs.set(uri, v1);
      h.validator.contentChanged(v1); // an open is linted at once, whatever it costs
      await h.flush();
      assert.deepEqual(h.published.map(p => p.version), [1]);
      assert.equal(h.validator.debounceFor(uri), wait);
      const v2 = TextDocument.update(v1, [{ text: POD.replace('nginx', 'nginx:1.27') }], 2);
      h.docs.set(uri, v2);
      h.validator.contentChanged(v2);
      await h.flush();
      await h.flush();
      // No wait: published without any timer firing; a long wait: nothing yet (its timer is pending).
      if (wait === 0 || wait >= 600) assert.deepEqual(h.published.map(p => p.version), wait === 0 ? [1, 2] : [1]);
      h.validator.dispose();
    });
  }
});
