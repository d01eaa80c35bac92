// Kustomize in the editor: files a kustomization root reaches get the findings of the rendered
// roots (as `kube-harden check` reports them), unsaved text included, and fixes where the value lives.
import * as assert from 'node:assert/strict'; void assert;
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp-client';
import { removeTempTrees, tempTree } from '../helpers/cli';

// A Deployment that is clean at the restricted level (isolated by its NetworkPolicy).
const BASE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: nginx:1.27.0
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: ["ALL"]
          resources:
            limits:
              memory: 128Mi
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

function patch(settings: string[]): string {
  const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:', '        - name: web', '          securityContext:'];
  return [...head, ...settings.map(l => `            ${l}`), ''].join('\n');
}

const TREE: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml': BASE,
  'overlays/production/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: privileged.yaml\n',
  'overlays/production/privileged.yaml': patch(['privileged: true']),
  'overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - path: harden.yaml\n',
  'overlays/staging/harden.yaml': patch(['readOnlyRootFilesystem: true']),
};

describe('protocol: Kustomize in the editor', function () {
  this.timeout(60_000);
  after(removeTempTrees);

  it('explore', async () => {
    const dir = fs.realpathSync(tempTree(TREE));
    const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
    const client = await LspClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    try {
      for (const f of ['overlays/production/privileged.yaml', 'overlays/staging/harden.yaml', 'base/deployment.yaml', 'overlays/production/kustomization.yaml']) {
        await client.open(uri(f), TREE[f]);
        const p = await client.waitForDiagnostics(uri(f), { version: 1 });
        console.log(f, JSON.stringify(p.diagnostics, null, 1));
      }
    } finally {
      await client.stop();
    }
  });
});
