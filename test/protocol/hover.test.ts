// Hover over stdio: the capability, the exact markdown and range on a flagged node, null on a
// clean one, and the rule page link into the docs folder the client named.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES } from '@kube-harden/server';
import { renderFindingHover } from '@kube-harden/server/out/lsp/hover';
import { Hover, HoverRequest } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { fileUri, PRIVILEGED_MESSAGE, PRIVILEGED_POD, range, REPO_ROOT } from './fixtures';

const PRIVILEGED = 'disallow-privileged-containers';

describe('protocol: hover', () => {
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client?.stop(); });

  const hoverAt = (uri: string, line: number, character: number) =>
    client.request<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: { line, character } });

  it('advertises hoverProvider', () => {
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
  });

  it('answers the finding on a flagged node with its markdown and range, null on a clean node', async () => {
    const uri = fileUri('pod.yaml');
    await client.open(uri, PRIVILEGED_POD);
    await client.waitForDiagnostics(uri, { version: 1 });
    const docsHref = (id: string) => pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`)).href;
    const expected = renderFindingHover({ ruleId: PRIVILEGED, message: PRIVILEGED_MESSAGE, severity: 'error' }, docsHref, RULES.find(r => r.id === PRIVILEGED));
    // Line 9 `      privileged: true`: the value `true` is chars 18-22.
    assert.deepEqual(await hoverAt(uri, 9, 19), { contents: { kind: 'markdown', value: expected }, range: range(9, 18, 9, 22) });
    assert.ok(expected.startsWith(`**Containers must not be privileged** — error · \`${PRIVILEGED}\`\n\n${PRIVILEGED_MESSAGE}\n\n`));
    assert.ok(expected.endsWith(`[Rule page](${docsHref(PRIVILEGED)})`));
    // Line 7 `    image: nginx:1.27`: nothing to say; the YAML extension's hover stands alone.
    assert.equal(await hoverAt(uri, 7, 12), null);
  });

  it('follows edits: a fixed value has no hover in the new version', async () => {
    const uri = fileUri('edited.yaml');
    await client.open(uri, PRIVILEGED_POD);
    await client.waitForDiagnostics(uri, { version: 1 });
    await client.change(uri, 2, [{ range: range(9, 18, 9, 22), text: 'false' }]);
    await client.waitForDiagnostics(uri, { version: 2 });
    assert.equal(await hoverAt(uri, 9, 19), null);
  });

  it('answers null for a document it does not know', async () => {
    assert.equal(await hoverAt(fileUri('unknown.yaml'), 0, 0), null);
  });
});
