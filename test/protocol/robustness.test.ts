import * as assert from 'node:assert/strict';
import { ErrorCodes, MessageType } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { fileUri, PRIVILEGED_POD } from './fixtures';
import { rulesIn } from '../helpers/diagnostic-rules';

/** Lines each Pod takes in `manyPods`, its `---` separator included. */
const LINES_PER_POD = PRIVILEGED_POD.split('\n').length;

/** `count` privileged Pods, separated by `---`: two findings per Pod. */
function manyPods(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `${i ? '---\n' : ''}${PRIVILEGED_POD.replace('name: web', `name: web-${i}`)}`;
  return text;
}

/**
 * The "billion laughs": nine aliases per level, nine levels deep, plus a chain of `<<` merges
 * thirty deep the pod's securityContext points at. The container's securityContext is an alias
 * of `privileged: true`, so the Pod still has findings to report.
 */
function aliasBomb(): string {
  let anchors = '    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++) anchors += `    l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]\n`;
  let merges = '    m0: &m0 {privileged: true}\n';
  for (let i = 1; i < 30; i++) merges += `    m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], k${i}: *l9}\n`;
  return 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bomb\n  labels:\n' + anchors + merges
    + 'spec:\n  securityContext: *m29\n  containers:\n  - name: app\n    image: nginx\n    securityContext: *m0\n    args: *l9\n';
}

function binaryJunk(): string {
  let s = '';
  let x = 12345;
  for (let i = 0; i < 100_000; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; s += String.fromCharCode(x % 256); }
  return s;
}

describe('protocol: robustness', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client?.stop(); });

  it('lints a 50,000-line manifest', async () => {
    const uri = fileUri('huge.yaml');
    const pods = Math.ceil(50_000 / LINES_PER_POD);
    const text = manyPods(pods);
    assert.ok(text.split('\n').length >= 50_000);
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 15_000 });
    assert.equal(p.diagnostics.length, 2 * pods);
    const last = (pods - 1) * LINES_PER_POD;
    assert.deepEqual(p.diagnostics.at(-1)!.range, { start: { line: last + 9, character: 18 }, end: { line: last + 9, character: 22 } });
  });

  const hostile: [string, () => string][] = [
    ['an empty document', () => ''],
    ['binary junk', binaryJunk],
    ['junk without NUL bytes', () => binaryJunk().replace(/\0/g, '\x01')],
    ['an alias bomb', aliasBomb],
    ['broken YAML', () => 'apiVersion: v1\nkind: Pod\nspec: {containers: [\n  - name: "app\n\t\tprivileged: true\n'],
    ['a document of only separators and comments', () => '---\n# nothing\n---\n...\n---\n'],
    ['deep nesting', () => `${'['.repeat(5000)}${']'.repeat(5000)}\n`],
  ];
  for (const [name, make] of hostile) {
    it(`survives ${name}`, async () => {
      const uri = fileUri('hostile.yaml');
      await client.open(uri, make());
      const p = await client.waitForDiagnostics(uri, { version: 1 });
      // The bomb's container has only `privileged: true` (through *m0) and nothing else set, its
      // image `nginx` has no tag, it sets no memory limit, and no NetworkPolicy selects the pod.
      // What could not be read is said not to be checked.
      const expected = name === 'an alias bomb'
        ? ['disallow-latest-image-tag', 'require-run-as-non-root', 'disallow-privileged-containers', 'require-no-privilege-escalation', 'require-drop-all-capabilities', 'require-seccomp-profile', 'require-memory-limit']
        : ['binary junk', 'broken YAML', 'deep nesting'].includes(name) ? ['not-checked'] : [];
      assert.deepEqual(rulesIn(p.diagnostics).sort(), expected.sort());
    });
  }

  it('still answers requests and lints afterwards, and logged no error', async () => {
    await assert.rejects(client.request('kubeHarden/noSuchMethod', {}), (e: { code?: number }) => e.code === ErrorCodes.MethodNotFound);
    const uri = fileUri('after.yaml');
    await client.open(uri, PRIVILEGED_POD);
    assert.equal((await client.waitForDiagnostics(uri, { version: 1 })).diagnostics.length, 2);
    assert.deepEqual(client.logs.filter(l => l.type === MessageType.Error), []);
  });
});
