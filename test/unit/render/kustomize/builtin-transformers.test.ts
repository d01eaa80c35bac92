// Transformer configurations of Kustomize's built-in kinds listed under transformers: they run
// after the kustomization's own fields, in order. Expected outputs are what `kustomize build`
// (v5.5.0) prints for the same files.
import * as assert from 'node:assert/strict';
import { memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';
import { buildYaml } from './build-yaml';

const FILES: Record<string, string> = {
  '/r/kustomization.yaml': `namespace: team
namePrefix: app-
resources:
- objects.yaml
transformers:
- prefix-names.yaml
- move-binding.yaml
`,
  '/r/objects.yaml': `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader
subjects:
- kind: ServiceAccount
  name: controller
  namespace: system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: extension-apiserver-authentication-reader
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: serving-cert
spec:
  commonName: webhook
  secretName: webhook-cert
`,
  '/r/prefix-names.yaml': `apiVersion: builtin
kind: PrefixSuffixTransformer
metadata:
  name: prefix-cert-names
prefix: app-
suffix: -v1
fieldSpecs:
- kind: Certificate
  group: cert-manager.io
  path: spec/commonName
- kind: Certificate
  group: cert-manager.io
  path: spec/secretName
- kind: RoleBinding
  group: rbac.authorization.k8s.io
  path: subjects/name
`,
  '/r/move-binding.yaml': `apiVersion: builtin
kind: PatchTransformer
metadata:
  name: move-binding
patch: '[{"op": "replace", "path": "/metadata/namespace", "value": "kube-system"}]'
target:
  kind: RoleBinding
  name: reader
`,
};

describe('kustomize built-in transformer configurations', () => {
  it('runs PrefixSuffixTransformer field specs and a PatchTransformer after namespace and namePrefix', () => {
    assert.equal(buildYaml(FILES), `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: app-reader
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: extension-apiserver-authentication-reader
subjects:
- kind: ServiceAccount
  name: app-controller-v1
  namespace: system
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: app-serving-cert
  namespace: team
spec:
  commonName: app-webhook-v1
  secretName: app-webhook-cert-v1
`);
  });

  it('notes a transformer configuration it does not run, and refuses prefix specs that are missing', () => {
    const plugin = renderKustomization(memorySource({ ...FILES, '/r/move-binding.yaml': 'apiVersion: example.com/v1\nkind: SedTransformer\nmetadata:\n  name: x\n' }), '/r');
    assert.ok(plugin.ok);
    assert.deepEqual(plugin.notes.map((n) => n.message), ['transformer plugins are not run']);
    const bare = renderKustomization(memorySource({ ...FILES, '/r/prefix-names.yaml': 'apiVersion: builtin\nkind: PrefixTransformer\nmetadata:\n  name: x\nprefix: p-\n' }), '/r');
    assert.equal(bare.ok ? '' : bare.error.message, 'fieldSpecs is not expected to be nil');
  });
});
