import { isMap } from 'yaml';
import { envOf } from '../../model/env';
import { get, getSeq, keyOf, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'prefer-secret-volumes-over-env',
  title: 'Secrets are mounted as files rather than passed as environment variables',
  category: 'secrets',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['SEC01'],
  equivalents: { kubeLinter: ['read-secret-from-env-var'], checkov: ['CKV_K8S_35'], kubescape: ['C-0207'], kubesec: ['SecretsAsEnvironmentVariables'] },
  messages: {
    secretKeyRef: '{{container}} reads Secret "{{name}}" into env {{env}}: environment variables leak into crash dumps, '
      + 'child processes and `kubectl describe`-style tooling; prefer a secret volume.',
    secretRef: '{{container}} loads every key of Secret "{{name}}" into its environment: prefer mounting the Secret as a volume.',
  },
  defaultReason: 'Off by default (and only info): reading a Secret through `secretKeyRef` is the usual, documented '
    + 'way, and far better than a literal value (see disallow-secrets-in-env).',
  docs: {
    summary: 'Environment variables are inherited by every child process, printed by debug endpoints and crash '
      + 'reporters, and cannot be updated without a restart; a Secret mounted as files avoids all three.',
    remediation: 'Mount the Secret as a `secret` volume (read-only) and have the application read the file, e.g. `DB_PASSWORD_FILE=/run/secrets/db/password`.',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef: {name: db, key: password}
    envFrom:
    - secretRef:
        name: api
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: A
      valueFrom:
        configMapKeyRef: {name: cfg, key: a}
    envFrom:
    - configMapRef: {name: cfg}
`,
  },
  fix: null,
  checkPod({ pod, report }) {
    const doc = pod.doc;
    for (const c of pod.containers) {
      for (const e of envOf(c)) {
        const from = e.valueFrom && isMap(e.valueFrom.value) ? e.valueFrom.value : undefined;
        const ref = get(from, 'secretKeyRef', doc);
        const at = keyOf(from, 'secretKeyRef', doc);
        if (!ref || !at) continue;
        const name = isMap(ref.value) ? (str(get(ref.value, 'name', doc)) ?? '?') : '?';
        report({ messageId: 'secretKeyRef', data: { container: c.label, name, env: e.name ?? '?' }, at });
      }
      for (const item of seqItems(getSeq(c.node, 'envFrom', doc), doc)) {
        if (!isMap(item.value)) continue;
        const ref = get(item.value, 'secretRef', doc);
        const at = keyOf(item.value, 'secretRef', doc);
        if (!ref || !at) continue;
        const name = isMap(ref.value) ? (str(get(ref.value, 'name', doc)) ?? '?') : '?';
        report({ messageId: 'secretRef', data: { container: c.label, name }, at });
      }
    }
  },
});
