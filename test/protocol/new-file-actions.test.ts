// Suggestions that create an object (a default-deny NetworkPolicy for a namespace) over stdio:
// a client that can create files is offered the object at the end of the file OR in a new file
// beside it, and chooses; the new file is created without overwriting anything, under a name no
// file uses. A client without resource operations gets only the in-file action.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClientCapabilities, CodeAction, CodeActionRequest, CodeActionResolveRequest, Diagnostic } from 'vscode-languageserver-protocol';
import { applyVersioned } from '../helpers/lsp-edits';
import { LspClient } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';
import { range } from './fixtures';
import { rulesOf } from '../helpers/diagnostic-rules';

const RULE = 'require-default-deny-network-policy';

function capabilities(opts: { create: boolean; resolve?: boolean }): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      workspaceEdit: { documentChanges: true, ...(opts.create ? { resourceOperations: ['create'] } : { resourceOperations: ['rename'] }) },
    },
    textDocument: {
      publishDiagnostics: { versionSupport: true, dataSupport: true, relatedInformation: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
        isPreferredSupport: true,
        ...(opts.resolve ? { dataSupport: true, resolveSupport: { properties: ['edit'] } } : {}),
      },
    },
  };
}

// Line 3 `  name: shop`: the finding is on `shop` (chars 8-12).
const NAMESPACE = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
`;

const DENY = yaml`
  # Denies all traffic to and from every pod in namespace "shop". Pods then need policies
  # allowing what they use, DNS (kube-dns in kube-system) included.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
    namespace: shop
  spec:
    podSelector: {}
    policyTypes:
      - Ingress
      - Egress
`;

const TITLE = 'Create a default-deny NetworkPolicy (ingress and egress) for namespace "shop"';

describe('protocol: suggestions that create a file', () => {
  let dir: string;
  let nsUri: string;
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-newfile-')));
    nsUri = pathToFileURL(path.join(dir, 'namespace.yaml')).href;
    fs.writeFileSync(path.join(dir, 'namespace.yaml'), NAMESPACE);
    // Not a manifest, but a file: its name is taken, so the new file gets the next one.
    fs.writeFileSync(path.join(dir, 'shop-default-deny.yaml'), 'notes: keep me\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function actionsFor(client: LspClient): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic }> {
    await client.open(nsUri, NAMESPACE);
    const p = await client.waitForDiagnostics(nsUri, { version: 1 });
    const diagnostic = p.diagnostics.find(d => rulesOf(d).includes(RULE));
    assert.ok(diagnostic, `a ${RULE} diagnostic among ${JSON.stringify(p.diagnostics.map(d => d.code))}`);
    assert.deepEqual(diagnostic.range, range(3, 8, 3, 12));
    const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri: nsUri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    // The Namespace also lacks Pod Security labels, on the same name: that rule's actions share
    // the diagnostic and are not what this suite is about.
    return { actions: actions.filter(a => !/Pod Security|require-namespace-pod-security/.test(a.title)), diagnostic };
  }

  const expectedCreate = () => {
    const uri = pathToFileURL(path.join(dir, 'shop-default-deny-2.yaml')).href;
    return {
      documentChanges: [
        { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri, version: null }, edits: [{ range: range(0, 0, 0, 0), newText: DENY }] },
      ],
    };
  };

  it('offers the policy at the end of the file or in a new file under a free name, with the exact WorkspaceEdit', async () => {
    const client = await LspClient.start({ capabilities: capabilities({ create: true }), settings: { kubeHarden: {} }, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    try {
      const { actions } = await actionsFor(client);
      assert.deepEqual(actions.map(a => [a.title, a.kind, a.isPreferred]), [
        [`${TITLE} at the end of this file`, 'quickfix', false],
        [`${TITLE} in a new file "shop-default-deny-2.yaml"`, 'quickfix', false],
        [`Suppress ${RULE} on this line`, 'quickfix', false],
        [`Suppress ${RULE} for Namespace "shop"`, 'quickfix', false],
      ]);
      assert.equal(applyVersioned(actions[0].edit, { uri: nsUri, version: 1, text: NAMESPACE }), `${NAMESPACE}---\n${DENY}`);
      assert.deepEqual(actions[1].edit, expectedCreate());
      assert.equal(fs.readFileSync(path.join(dir, 'shop-default-deny.yaml'), 'utf8'), 'notes: keep me\n', 'offering creates nothing');
    } finally {
      await client.stop();
    }
  });

  it('fills in the same edit on resolve, and picks the next free name when the offered one was taken meanwhile', async () => {
    const client = await LspClient.start({ capabilities: capabilities({ create: true, resolve: true }), settings: { kubeHarden: {} } });
    try {
      const { actions } = await actionsFor(client);
      const newFile = actions.find(a => a.title.endsWith('"shop-default-deny-2.yaml"'));
      assert.ok(newFile);
      assert.equal(newFile.edit, undefined);
      const resolve = (a: CodeAction) => client.request<CodeAction>(CodeActionResolveRequest.method, a);
      assert.deepEqual((await resolve(newFile)).edit, expectedCreate());
      fs.writeFileSync(path.join(dir, 'shop-default-deny-2.yaml'), 'created by someone else\n');
      const uri3 = pathToFileURL(path.join(dir, 'shop-default-deny-3.yaml')).href;
      assert.deepEqual((await resolve(newFile)).edit, {
        documentChanges: [
          { kind: 'create', uri: uri3, options: { overwrite: false, ignoreIfExists: false } },
          { textDocument: { uri: uri3, version: null }, edits: [{ range: range(0, 0, 0, 0), newText: DENY }] },
        ],
      });
    } finally {
      await client.stop();
    }
  });

  it('offers only the in-file action to a client that cannot create files', async () => {
    const client = await LspClient.start({ capabilities: capabilities({ create: false }), settings: { kubeHarden: {} } });
    try {
      const { actions } = await actionsFor(client);
      assert.deepEqual(actions.map(a => a.title), [TITLE, `Suppress ${RULE} on this line`, `Suppress ${RULE} for Namespace "shop"`]);
      assert.equal(applyVersioned(actions[0].edit, { uri: nsUri, version: 1, text: NAMESPACE }), `${NAMESPACE}---\n${DENY}`);
    } finally {
      await client.stop();
    }
  });
});
