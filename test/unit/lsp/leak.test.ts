import * as assert from 'node:assert/strict';
import { RateLimitedLog } from '@kube-harden/server/out/lsp/log';
import { SettingsStore } from '@kube-harden/server/out/lsp/settings';
import { Validator } from '@kube-harden/server/out/lsp/validation';
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { escalatingPod, modelCache } from '../../helpers/model-cache';

// What a long editing session may keep: the current version's text, parse and lints (and the
// earlier lint reused for the next one). Anything per edit beyond that is a leak: 1,000 edits
// leaking even 2 KiB each would exceed the bound.
const BOUND_BYTES = 2 * 1024 * 1024;
const EDITS = 1000;

describe('lsp: memory over a long editing session', function () {
  this.timeout(120_000);

  it(`${EDITS} edits through the validator and the parse cache keep the heap within ${BOUND_BYTES / 1024 / 1024} MiB of where it started`, async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const { cache } = modelCache();
    const uri = 'file:///w/pods.yaml';
    let doc = TextDocument.create(uri, 'yaml', 1, Array.from({ length: 30 }, (_, i) => escalatingPod(`pod-${i}`, `app-${i % 3}`)).join('---\n'));
    let published = 0;
    const log = new RateLimitedLog({ error() {}, warn() {} });
    const validator = new Validator({
      document: u => (u === uri ? doc : undefined), all: () => [doc], cache, settings: new SettingsStore(undefined, log),
      publish: () => { published++; }, docsHref: id => id, log, debounceMs: 0,
    });
    const flush = () => new Promise(resolve => setImmediate(resolve));
    const original = doc.getText();
    const change = (range: [number, number, number, number], text: string) => {
      doc = TextDocument.update(doc, [{ range: { start: { line: range[0], character: range[1] }, end: { line: range[2], character: range[3] } }, text }], doc.version + 1);
      validator.contentChanged(doc);
      return flush();
    };
    // Typing: a character added to and taken from an image in a different pod each time, and
    // every seventh time a comment line inserted and removed, so the documents below move.
    const session = async (from: number, count: number) => {
      for (let n = from; n < from + count; n++) {
        const pod = 13 * (n % 30);
        if (n % 7 === 0) {
          await change([pod + 8, 0, pod + 8, 0], '  # note\n');
          await change([pod + 8, 0, pod + 9, 0], '');
        } else {
          await change([pod + 9, 21, pod + 9, 21], '9');
          await change([pod + 9, 21, pod + 9, 22], '');
        }
      }
    };
    validator.contentChanged(doc);
    await flush();
    await session(0, 50); // warm-up: caches, JIT, the first versions
    gc();
    const start = process.memoryUsage().heapUsed;
    await session(50, EDITS / 2);
    gc();
    const growth = process.memoryUsage().heapUsed - start;
    validator.dispose();
    // Every edit was linted and published, and the text is back where it started.
    assert.equal(published, 1 + 100 + EDITS);
    assert.equal(doc.getText(), original);
    assert.ok(growth < BOUND_BYTES, `heap grew by ${(growth / 1024).toFixed(0)} KiB over ${EDITS} edits`);
  });
});
