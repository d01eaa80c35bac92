#!/usr/bin/env node
// Render timings for the in-process Kustomize renderer: the largest krusty case, and an overlay
// (namespace, prefix, labels, images, a patch, a generator) over a 50-object base.
// Run after `npx tsc -b`: node scripts/dev/bench-kustomize.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { clearParseCache, memorySource, renderKustomization } = require('../../server/out/engine/render/kustomize/index.js');

const dir = new URL('../../test/fixtures/kustomize/krusty/', import.meta.url).pathname;
const largest = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json')
  .map((f) => ({ f, size: statSync(join(dir, f)).size })).sort((a, b) => b.size - a.size)[0];
const c = JSON.parse(readFileSync(join(dir, largest.f), 'utf8'));
const krustyFiles = Object.fromEntries(Object.entries(c.files).map(([p, t]) => ['/' + p, t]));
report(`largest krusty case (${c.name}, ${largest.size} bytes)`, krustyFiles, '/' + c.dir.replace(/^\/+/, ''));

const base = { '/b/kustomization.yaml': 'resources:\n' + Array.from({ length: 25 }, (_, i) => `- app${i}.yaml\n`).join('') };
for (let i = 0; i < 25; i++) {
  base[`/b/app${i}.yaml`] = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app${i}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: app${i}
  template:
    metadata:
      labels:
        app: app${i}
    spec:
      serviceAccountName: sa
      containers:
      - name: main
        image: registry.example/app${i}:1.0
        envFrom:
        - configMapRef:
            name: settings
        ports:
        - containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: app${i}
spec:
  selector:
    app: app${i}
  ports:
  - port: 80
    targetPort: 8080
`;
}
const overlay = {
  ...base,
  '/o/kustomization.yaml': `namespace: prod
namePrefix: prod-
commonLabels:
  env: prod
resources:
- ../b
images:
- name: registry.example/app3
  newTag: "2.0"
configMapGenerator:
- name: settings
  literals:
  - MODE=prod
patches:
- target:
    kind: Deployment
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 3
`,
};
report('overlay over a 50-object base', overlay, '/o');

function report(label, files, root) {
  const fs = memorySource(files);
  const runs = 30;
  // Cold: every file parsed; warm: files unchanged since the last render (the editor's case).
  let cold = 0, objects = 0;
  for (let i = 0; i < runs; i++) {
    clearParseCache();
    const t0 = process.hrtime.bigint();
    const r = renderKustomization(fs, root);
    cold += Number(process.hrtime.bigint() - t0) / 1e6;
    if (!r.ok) throw new Error(`${label}: ${r.error.message}`);
    objects = r.objects.length;
  }
  renderKustomization(fs, root);
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) renderKustomization(fs, root);
  const warm = Number(process.hrtime.bigint() - t1) / 1e6 / runs;
  console.log(`${label}: ${objects} objects, cold ${(cold / runs).toFixed(1)} ms, warm ${warm.toFixed(1)} ms per render (mean of ${runs})`);
}
