// Benchmark of the Go template engine: a Helm-like template set of 1,000 lines with 200 actions
// (includes, range, with, default, quote, toYaml | nindent), parsed and rendered against values
// read as Helm reads them. Prints cold and warm (median) times; asserts nothing.
// Uses the built engine (run `npx tsc -b` first).
//
//   node scripts/bench/gotemplate.mjs [--runs N]
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const enginePath = path.join(root, 'server', 'out', 'engine', 'render', 'gotemplate', 'index.js');
if (!fs.existsSync(enginePath)) {
  console.error(`bench: ${path.relative(process.cwd(), enginePath)} not found: build first with \`npx tsc -b\``);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { parseTemplates, render, fromJsonLike, HELM_FUNCS } = require(enginePath);

const args = process.argv.slice(2);
const runs = Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 200);
const WARMUP = 30;

const helpers = `{{- define "app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "app.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "app.name" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
`;

/** One workload document: 50 lines, 10 actions. */
function workload(i) {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}-w${i}
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app: w${i}
  template:
    metadata:
      labels:
        app: w${i}
    spec:
      serviceAccountName: default
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      containers:
      {{- range .Values.containers }}
        - name: {{ .name | quote }}
          image: "{{ .image }}:{{ .tag | default "latest" }}"
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 8080
              protocol: TCP
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop:
                - ALL
          resources:
            {{- toYaml $.Values.resources | nindent 12 }}
      {{- end }}
      volumes:
        - name: tmp
          emptyDir: {}
        - name: cache
          emptyDir: {}
      nodeSelector:
        kubernetes.io/os: linux
      tolerations: []
      affinity: {}
      terminationGracePeriodSeconds: {{ .Values.grace | default 30 }}
`;
}

// 19 workloads (10 actions each) + helpers (11 actions) + comment lines to 1,000 lines.
const docs = Array.from({ length: 19 }, (_x, i) => workload(i)).join('');
const main = docs + '# end\n'.repeat(1000 - (docs.split('\n').length - 1) - (helpers.split('\n').length - 1));
const files = [{ name: 'templates/_helpers.tpl', text: helpers }, { name: 'templates/workloads.yaml', text: main }];
const lines = files.reduce((n, f) => n + f.text.split('\n').length - 1, 0);
const actions = files.reduce((n, f) => n + (f.text.match(/\{\{/g) ?? []).length, 0);
const data = fromJsonLike({
  Chart: { Name: 'bench' }, Release: { Name: 'rel', Service: 'Helm' },
  Values: {
    replicaCount: 2, nameOverride: '',
    containers: [{ name: 'app', image: 'ghcr.io/acme/app', tag: '1.2.3' }, { name: 'sidecar', image: 'envoyproxy/envoy' }],
    resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
  },
});

const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const time = f => { const t = process.hrtime.bigint(); const r = f(); return [Number(process.hrtime.bigint() - t) / 1e6, r]; };

const [coldParse, set] = time(() => parseTemplates(files, { funcs: HELM_FUNCS }));
if (set.errors.length) { console.error(set.errors); process.exit(1); }
const [coldRender, first] = time(() => render(set, 'templates/workloads.yaml', data));
if (!first.ok) { console.error(first.error); process.exit(1); }

// Warm-up: let the JIT compile the engine before timing (the "cold" numbers above show the rest).
for (let i = 0; i < WARMUP; i++) render(parseTemplates(files, { funcs: HELM_FUNCS }), 'templates/workloads.yaml', data);
const parseTimes = [], renderTimes = [];
for (let i = 0; i < runs; i++) {
  parseTimes.push(time(() => parseTemplates(files, { funcs: HELM_FUNCS }))[0]);
  renderTimes.push(time(() => render(set, 'templates/workloads.yaml', data))[0]);
}
console.log(`gotemplate: ${lines} template lines, ${actions} actions -> ${first.text.length} output chars, ${first.origins.length} origin ranges`);
console.log(`  cold: parse ${coldParse.toFixed(2)} ms, render ${coldRender.toFixed(2)} ms`);
console.log(`  warm (median of ${runs} after ${WARMUP} warm-up runs): parse ${median(parseTimes).toFixed(2)} ms, render ${median(renderTimes).toFixed(2)} ms, parse+render ${(median(parseTimes) + median(renderTimes)).toFixed(2)} ms (goal < 10 ms)`);
