// Kustomize reads a kustomization through encoding/json, which matches field names without
// regard to case, inside vars, replacements, images and the other entries as at the top. The
// expected output is what `kustomize build` (v5.5.0) prints for the same files.
import * as assert from 'node:assert/strict';
import { buildYaml } from './build-yaml';

describe('kustomization field names in any case', () => {
  it('reads objRef, fieldRef, fieldPath, FieldPath, KIND and NewTag as their fields; leaves data keys alone', () => {
    const y = buildYaml({
      '/r/kustomization.yaml': `resources:
- objects.yaml
vars:
- name: PORT
  objRef:
    apiVersion: v1
    Kind: ConfigMap
    name: params
  fieldRef:
    fieldPath: data.port
- name: PREFIX
  objref:
    apiVersion: v1
    kind: ConfigMap
    name: params
  fieldref:
    fieldpath: data.prefix
replacements:
- source:
    Kind: ConfigMap
    name: params
    FieldPath: data.host
  targets:
  - select:
      KIND: Deployment
    fieldpaths:
    - spec.template.spec.containers.0.args.0
images:
- name: app
  NewTag: "2"
`,
      '/r/objects.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: params
data:
  port: "8080"
  prefix: /api
  host: example.com
  fieldpath: kept
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: app:1
        args: [placeholder]
        env:
        - name: PORT
          value: $(PORT)
        - name: PREFIX
          value: $(PREFIX)
`,
    });
    assert.equal(y, `apiVersion: v1
data:
  fieldpath: kept
  host: example.com
  port: "8080"
  prefix: /api
kind: ConfigMap
metadata:
  name: params
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - args:
        - example.com
        env:
        - name: PORT
          value: "8080"
        - name: PREFIX
          value: /api
        image: app:2
        name: app
`);
  });
});
