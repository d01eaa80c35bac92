// The effective-permissions hover over the protocol: a ServiceAccount in one file, bound in
// another that is never opened.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Hover } from 'vscode-languageserver-protocol';
import { LspClient } from '../helpers/lsp-client';
import { yaml } from '../helpers/manifest';
import { webReaderBinding } from '../helpers/rbac';

const SA = yaml`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: web
    namespace: shop
`;

const RBAC = `${webReaderBinding()}---\n${yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: reader
    namespace: shop
  rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [get, list]
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [get]
    resourceNames: [web]
  ---
  apiVersion: rbac.authorization.k8s.io/v1
  kind: ClusterRoleBinding
  metadata:
    name: all-service-accounts
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: ClusterRole
    name: view
  subjects:
  - kind: Group
    name: system:serviceaccounts
`}`;

describe('protocol: RBAC hover', () => {
  let dir: string;
  let client: LspClient;
  let saUri: string;
  let rbacUri: string;

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-harden-hover-')));
    fs.writeFileSync(path.join(dir, 'sa.yaml'), SA);
    fs.writeFileSync(path.join(dir, 'rbac.yaml'), RBAC);
    saUri = pathToFileURL(path.join(dir, 'sa.yaml')).href;
    rbacUri = pathToFileURL(path.join(dir, 'rbac.yaml')).href;
    client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const hover = (uri: string, line: number, character: number) =>
    client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  it('shows what a ServiceAccount holds through bindings in a file that is not open', async () => {
    await client.open(saUri, SA);
    // On `web` of `  name: web` (line 4).
    const h = await hover(saUri, 3, 9);
    assert.deepEqual(h?.contents, {
      kind: 'markdown',
      value: [
        '**ServiceAccount `shop/web`**: permissions granted in the workspace',
        '',
        'RoleBinding `web-reader`, in namespace `shop`: Role `reader`',
        '- `get`, `list` on `configmaps`, `secrets` — ⚠ **RB05** can read every Secret',
        '- `get` on `deployments` (API groups `apps`) named `web`',
        '',
        'ClusterRoleBinding `all-service-accounts` (through group `system:serviceaccounts`), cluster-wide: ClusterRole `view` (built-in)',
        '- from ClusterRole `system:aggregate-to-view` (built-in):',
        '  - 9 rules without dangerous grants',
      ].join('\n'),
    });
  });

  it('answers on a binding subject, and nothing elsewhere', async () => {
    await client.open(rbacUri, RBAC);
    const subject = await hover(rbacUri, 11, 9);
    assert.ok(subject && typeof subject.contents === 'object' && 'value' in subject.contents);
    assert.match(subject.contents.value, /^\*\*ServiceAccount `shop\/web`\*\*/);
    // The roleRef name is no subject, and the Role's grants are reported on the Role (once, not
    // again on each binding): nothing to show there.
    assert.equal(await hover(rbacUri, 8, 9), null, 'the roleRef name is no subject and carries no finding');
    assert.equal(await hover(saUri, 1, 3), null, 'the kind is no name');
  });
});
