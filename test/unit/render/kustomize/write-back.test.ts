// What Kustomize writes back that the input did not say: annotations rewritten at the end of the
// build, and strategic merge patches that bring maps and lists the object lacks. Every expected
// output below is what `kustomize build` (v5.5.0) prints for the same files.
import * as assert from 'node:assert/strict';
import { buildYaml as build } from './build-yaml';

describe('kustomize write-back of annotations', () => {
  it('drops empty and null annotations, writes other values as strings, leaves labels typed', () => {
    const y = build({
      '/r/kustomization.yaml': 'resources:\n- svc.yaml\n',
      '/r/svc.yaml': `apiVersion: v1
kind: Service
metadata:
  name: empty
  annotations:
  labels:
    port: 8080
    on: true
---
apiVersion: v1
kind: Service
metadata:
  name: odd
  annotations:
    blank:
    tilde: ~
    hex: 0x1F
    list: [1]
---
apiVersion: v1
kind: Service
metadata:
  name: none
  annotations: {}
`,
    });
    assert.equal(y, `apiVersion: v1
kind: Service
metadata:
  labels:
    "on": true
    port: 8080
  name: empty
---
apiVersion: v1
kind: Service
metadata:
  name: none
---
apiVersion: v1
kind: Service
metadata:
  annotations:
    blank: ""
    hex: "0x1F"
    list: ""
    tilde: "~"
  name: odd
`);
  });
});

describe('kustomize strategic merge into fields the object lacks', () => {
  it('drops the nulls of a new map and of new keyed list items, keeps those of a replaced list', () => {
    const y = build({
      '/r/kustomization.yaml': 'resources:\n- web.yaml\npatches:\n- path: patch.yaml\n',
      '/r/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: app:1\n',
      '/r/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        a: null
    spec:
      containers:
      - name: app
        env:
        - name: A
          value: x
          valueFrom: null
        envFrom:
        - configMapRef: {name: c, optional: null}
        resources:
          limits: {cpu: null, memory: 1Gi}
        args: [a, null]
`,
    });
    assert.equal(y, `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations: {}
    spec:
      containers:
      - args:
        - a
        - null
        env:
        - name: A
          value: x
        envFrom:
        - configMapRef:
            name: c
            optional: null
        image: app:1
        name: app
        resources:
          limits:
            memory: 1Gi
`);
  });

  it('keeps a new keyed list item without its key where the patch wrote it', () => {
    const y = build({
      '/r/kustomization.yaml': 'resources:\n- web.yaml\npatches:\n- path: patch.yaml\n',
      '/r/web.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n',
      '/r/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n        - valueFrom: {fieldRef: {fieldPath: metadata.name}}\n',
    });
    assert.equal(y, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - env:\n        - valueFrom:\n            fieldRef:\n              fieldPath: metadata.name\n        name: app\n');
  });

  it('drops the empty fields of an object it patches, through maps and keyed lists only', () => {
    const y = build({
      '/r/kustomization.yaml': 'resources:\n- objects.yaml\npatches:\n- path: patch.yaml\n',
      '/r/objects.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  labels:
    a:
    t: ~
spec:
  replicas:
  template:
    spec:
      tolerations:
      - key: k
        value:
      containers:
      - name: c
        resources:
          limits:
        env:
        - name: X
          value:
        args: [a, ]
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: f
spec:
  a:
  b:
    c:
  l:
  - name: x
    v:
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: untouched
data:
  a:
`,
      '/r/patch.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  paused: true
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: f
spec:
  z: 1
`,
    });
    assert.equal(y, `apiVersion: v1
data:
  a: null
kind: ConfigMap
metadata:
  name: untouched
---
apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    t: null
  name: d
spec:
  paused: true
  template:
    spec:
      containers:
      - args:
        - a
        env:
        - name: X
        name: c
        resources: {}
      tolerations:
      - key: k
        value: null
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: f
spec:
  b: {}
  l:
  - name: x
    v: null
  z: 1
`);
  });
});
