// Replacement field paths as kyaml splits them: escaped dots, bracketed map keys holding dots,
// list selectors whose value holds a dot. The rendered expectation is what `kustomize build`
// (v5.5.0) prints for the same files.
import * as assert from 'node:assert/strict';
import { memorySource, renderKustomization } from '@kube-harden/server/out/engine/render/kustomize';
import { buildYaml } from './build-yaml';
import { splitFieldPath } from '@kube-harden/server/out/engine/render/kustomize/field-path';

describe('kustomize field paths', () => {
  it('splits as kyaml SmarterPathSplitter does', () => {
    assert.deepEqual(splitFieldPath('metadata.annotations.[cert-manager.io/inject-ca-from]'), ['metadata', 'annotations', 'cert-manager.io/inject-ca-from']);
    assert.deepEqual(splitFieldPath('spec.containers.[name=a.b].image'), ['spec', 'containers', '[name=a.b]', 'image']);
    assert.deepEqual(splitFieldPath('metadata.annotations.a\\.b'), ['metadata', 'annotations', 'a.b']);
    assert.deepEqual(splitFieldPath('.spec. replicas'), ['spec', 'replicas']);
    assert.deepEqual(splitFieldPath('a.[b].c'), ['a', '[b]', 'c']);
  });

  it('replaces into bracketed and escaped annotation keys and a dotted list selector', () => {
    const y = buildYaml({
      '/r/kustomization.yaml': `resources:
- objects.yaml
replacements:
- source:
    kind: ConfigMap
    name: params
    fieldPath: data.[ca.name]
  targets:
  - select:
      kind: Service
    fieldPaths:
    - metadata.annotations.[cert-manager.io/inject-ca-from]
    - metadata.annotations.example\\.com/escaped
    - spec.ports.[name=web.http].name
`,
      '/r/objects.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: params
data:
  ca.name: kubeflow/webhook-cert
---
apiVersion: v1
kind: Service
metadata:
  name: svc
  annotations:
    cert-manager.io/inject-ca-from: PLACEHOLDER
    example.com/escaped: PLACEHOLDER
spec:
  ports:
  - name: web.http
    port: 80
`,
    });
    assert.equal(y, `apiVersion: v1
data:
  ca.name: kubeflow/webhook-cert
kind: ConfigMap
metadata:
  name: params
---
apiVersion: v1
kind: Service
metadata:
  annotations:
    cert-manager.io/inject-ca-from: kubeflow/webhook-cert
    example.com/escaped: kubeflow/webhook-cert
  name: svc
spec:
  ports:
  - name: kubeflow/webhook-cert
    port: 80
`);
  });

  // kustomize build (v5.5.0) copies the empty string and refuses the empty list.
  it('takes an empty string as a replacement source value, an empty list as missing', () => {
    const files = (path: string) => memorySource({
      '/r/kustomization.yaml': `resources:\n- o.yaml\nreplacements:\n- source:\n    kind: ConfigMap\n    name: p\n    fieldPath: ${path}\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - spec.template.spec.containers.0.env.0.value\n`,
      '/r/o.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\ndata:\n  PREFIX: ""\n  LIST: []\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        env:\n        - name: PREFIX\n          value: PLACEHOLDER\n',
    });
    const r = renderKustomization(files('data.PREFIX'), '/r');
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.match(r.yaml, /- name: PREFIX\n {10}value: ""\n/);
    const refused = renderKustomization(files('data.LIST'), '/r');
    assert.equal(refused.ok ? '' : refused.error.message, 'fieldPath `data.LIST` is missing for replacement source ConfigMap.[noVer].[noGrp]/p.[noNs]');
  });
});
