// The server as editors other than VS Code drive it: clients that count columns in UTF-8 bytes
// (Helix, Neovim 0.10+ offer `utf-8` first), clients that drop a diagnostic's `data` when they
// send it back (Neovim 0.7-0.9) or have no file watching (Helix, Eglot), and the Scan Workspace
// command answering with a notification rather than a prompt that blocks Neovim.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClientCapabilities, CodeAction, CodeActionRequest, Diagnostic, ExecuteCommandRequest, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';
import { rulesIn } from '../helpers/diagnostic-rules';

const NO_MEMORY_LIMIT = { rules: { 'require-memory-limit': 'off' } };

/** What Helix, Neovim 0.10 or Eglot announce, stripped to what the server reads. */
function editorCapabilities(opts: { encodings?: string[]; data?: boolean; watch?: boolean }): ClientCapabilities {
  return {
    general: opts.encodings ? { positionEncodings: opts.encodings } : {},
    workspace: {
      configuration: true, workspaceFolders: true,
      didChangeWatchedFiles: { dynamicRegistration: opts.watch === true },
      workspaceEdit: { documentChanges: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { versionSupport: false, codeDescriptionSupport: true, dataSupport: opts.data !== false, relatedInformation: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
      },
    },
  };
}

/** A container whose flow map holds a non-ASCII name before the setting the rules ask about. */
const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: café
  spec:
    securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
    containers:
    - {name: "crème-brûlée", image: "nginx:1.27", securityContext: {privileged: true}}
`;

/** Applies edits whose characters count UTF-8 bytes of each line. */
function applyUtf8(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => {
    let at = 0;
    for (let i = 0; i < p.line; i++) at += lines[i].length + 1;
    const bytes = Buffer.from(lines[p.line] ?? '', 'utf8').subarray(0, p.character).toString('utf8');
    return at + bytes.length;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function applyUtf16(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function editsOf(a: CodeAction): TextEdit[] {
  const changes = (a.edit?.documentChanges ?? []) as TextDocumentEdit[];
  return changes.flatMap(c => c.edits as TextEdit[]);
}

describe('protocol: any LSP client', function () {
  this.timeout(60_000);
  const clients: LspClient[] = [];
  afterEach(async () => { await Promise.all(clients.splice(0).map(c => c.stop().catch(() => undefined))); });
  const start = async (caps: ClientCapabilities, folder?: string) => {
    const c = await LspClient.start({
      capabilities: caps, settings: { kubeHarden: NO_MEMORY_LIMIT },
      ...(folder ? { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] } : {}),
    });
    clients.push(c);
    return c;
  };

  it('speaks UTF-8 columns to a client that offers them, and the same fixes apply', async () => {
    const uri = 'untitled:/pod.yaml';
    const helix = await start(editorCapabilities({ encodings: ['utf-8', 'utf-32', 'utf-16'] }));
    const code = await start(editorCapabilities({}));
    assert.equal(helix.initializeResult?.capabilities.positionEncoding, 'utf-8');
    assert.equal(code.initializeResult?.capabilities.positionEncoding, 'utf-16');
    await helix.open(uri, POD);
    await code.open(uri, POD);
    const byteDiags = (await helix.waitForDiagnostics(uri)).diagnostics;
    const unitDiags = (await code.waitForDiagnostics(uri)).diagnostics;
    const priv = (ds: Diagnostic[]) => ds.find(d => d.code === 'disallow-privileged-containers')!;
    // Line 8: `  - {name: "crème-brûlée", image: "nginx:1.27", securityContext: {privileged: true}}`.
    // "true" starts after 78 UTF-16 units; "è", "û" and "é" take 2 bytes each: 3 bytes more.
    assert.deepEqual(priv(unitDiags).range, { start: { line: 7, character: 78 }, end: { line: 7, character: 82 } });
    assert.deepEqual(priv(byteDiags).range, { start: { line: 7, character: 81 }, end: { line: 7, character: 85 } });
    assert.deepEqual(rulesIn(byteDiags).sort(), rulesIn(unitDiags).sort());

    const actions = async (c: LspClient, d: Diagnostic) => c.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
    });
    const viaBytes = await actions(helix, priv(byteDiags));
    const viaUnits = await actions(code, priv(unitDiags));
    assert.deepEqual(viaBytes.map(a => a.title), viaUnits.map(a => a.title));
    assert.ok(viaBytes.length > 0);
    for (let i = 0; i < viaBytes.length; i++) {
      assert.equal(applyUtf8(POD, editsOf(viaBytes[i])), applyUtf16(POD, editsOf(viaUnits[i])), viaBytes[i].title);
    }
  });

  it('finds the fixes of a diagnostic sent back without data, in byte columns, by its code and lines', async () => {
    const uri = 'untitled:/pod.yaml';
    const neovim = await start(editorCapabilities({ data: false }));
    await neovim.open(uri, POD);
    const d = (await neovim.waitForDiagnostics(uri)).diagnostics.find(x => x.code === 'disallow-privileged-containers')!;
    const expected = await neovim.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    // What Neovim 0.7 sends back: no data, columns counted in bytes (3 more on this line).
    const sentBack: Diagnostic = { range: { start: { line: 7, character: 81 }, end: { line: 7, character: 85 } }, code: d.code, source: d.source, message: d.message, severity: d.severity };
    const got = await neovim.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range: sentBack.range, context: { diagnostics: [sentBack], only: ['quickfix'] } });
    assert.deepEqual(got.map(a => a.title), expected.map(a => a.title));
    assert.ok(got.some(a => a.title.includes('disallow-privileged-containers')), got.map(a => a.title).join('\n'));
    // Another tool's diagnostic on the same line gets nothing from us.
    const foreign = await neovim.request<CodeAction[]>(CodeActionRequest.method, { textDocument: { uri }, range: sentBack.range, context: { diagnostics: [{ ...sentBack, source: 'yaml-language-server', code: 'x' }], only: ['quickfix'] } });
    assert.deepEqual(foreign, []);
  });

  it('answers Scan Workspace with a notification, not a prompt', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-any-client-'));
    fs.writeFileSync(path.join(folder, 'pod.yaml'), POD);
    const neovim = await start(editorCapabilities({}), folder);
    const result = await neovim.request<{ files: number }>(ExecuteCommandRequest.method, { command: 'kubeHarden.scanWorkspace', arguments: [] });
    assert.equal(result.files, 1);
    await neovim.waitFor(() => neovim.messages.length > 0, 'window/showMessage');
    assert.deepEqual(neovim.messages, [{ type: 3, message: 'Kube Harden scanned 1 manifest file of the workspace and published their findings as diagnostics.' }]);
    assert.deepEqual(neovim.messageRequests, []);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('watches the workspace itself when the client cannot: a file changed by another program counts', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-any-client-'));
    const ns = (level: string) => yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          pod-security.kubernetes.io/enforce: ${level}
    `;
    fs.writeFileSync(path.join(folder, 'namespace.yaml'), ns('restricted'));
    const pod = POD.replace('  name: café', '  name: café\n  namespace: shop').replace('runAsNonRoot: true, ', '');
    const helix = await start(editorCapabilities({ encodings: ['utf-8'] }), folder);
    const uri = pathToFileURL(path.join(folder, 'pod.yaml')).href;
    fs.writeFileSync(path.join(folder, 'pod.yaml'), pod);
    await helix.open(uri, pod);
    const codes = (p: { diagnostics: Diagnostic[] }) => rulesIn(p.diagnostics);
    await helix.waitForDiagnostics(uri, { where: p => codes(p).includes('require-run-as-non-root') });
    // `sed -i` in a terminal: the Namespace now enforces only baseline.
    const since = helix.mark();
    fs.writeFileSync(path.join(folder, 'namespace.yaml'), ns('baseline'));
    const after = await helix.waitForDiagnostics(uri, { since, where: p => !codes(p).includes('require-run-as-non-root'), timeoutMs: 15_000 });
    assert.ok(codes(after).includes('disallow-privileged-containers'));
    fs.rmSync(folder, { recursive: true, force: true });
  });
});
