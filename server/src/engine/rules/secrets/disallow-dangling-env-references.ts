import { isMap, Node } from 'yaml';
import { envOf } from '../../model/env';
import { get, getSeq, isTrue, Ref, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import type { ObjectSummary } from '../../workspace/summary';
import { CONFIG_DATA_READS } from '../../workspace/reads';
import { objectsWith } from '../../workspace/facets';

type Provided = 'Secret' | 'ConfigMap';

export default defineRule({
  id: 'disallow-dangling-env-references',
  title: 'Env references name Secrets and ConfigMaps that exist',
  category: 'secrets',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['SEC06'],
  equivalents: { kubeLinter: ['env-value-from'] },
  messages: {
    missingObject: '{{container}} reads {{kind}} "{{name}}", which is not defined in namespace "{{namespace}}" of the '
      + 'workspace: the pod will not start until it exists (or mark the reference optional: true).',
    missingKey: '{{container}} reads key "{{key}}" of {{kind}} "{{name}}", which that {{kind}} does not define: the '
      + 'pod will not start (or mark the reference optional: true).',
  },
  defaultReason: 'Off by default: Secrets are usually created outside the repository (by a pipeline, a secret manager, '
    + 'a kustomize generator), so in most workspaces a missing Secret is expected.',
  docs: {
    summary: 'A `secretKeyRef`/`configMapKeyRef` or `envFrom` reference to an object or key that does not exist '
      + 'keeps the pod in CreateContainerConfigError. Turn it on for repositories that hold the whole '
      + 'application. A Secret produced by an ExternalSecret, SealedSecret or Vault Secrets Operator resource '
      + 'in the workspace counts as defined (its keys unknown); references marked `optional: true` are not '
      + 'checked. An object naming no namespace (applied with `kubectl -n`) may land in any: one whose '
      + 'namespace is such a guess, on either side, is matched across namespaces, so the guess never makes a '
      + 'finding.',
    remediation: 'Define the Secret/ConfigMap (and key) in the same namespace, fix the name, or mark the reference '
      + '`optional: true` when the variable may be absent.',
    references: ['https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - {name: A, valueFrom: {secretKeyRef: {name: dbx, key: password}}}
    - {name: B, valueFrom: {configMapKeyRef: {name: cfg, key: speed}}}
    envFrom:
    - configMapRef: {name: other}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
stringData: {password: ""}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {mode: fast}
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: {name: api-es, namespace: shop}
spec:
  target: {name: api}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: other, namespace: default}
data: {a: b}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - {name: A, valueFrom: {secretKeyRef: {name: db, key: password}}}
    - {name: B, valueFrom: {configMapKeyRef: {name: cfg, key: mode}}}
    - {name: C, valueFrom: {secretKeyRef: {name: api, key: anything}}}
    - {name: D, valueFrom: {secretKeyRef: {name: gone, key: x, optional: true}}}
    envFrom:
    - secretRef: {name: api}
---
apiVersion: v1
kind: Secret
metadata: {name: db, namespace: shop}
stringData: {password: ""}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cfg, namespace: shop}
data: {mode: fast}
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata: {name: api-es, namespace: shop}
spec:
  target: {name: api}
`,
  },
  fix: null,
  workspaceReads: CONFIG_DATA_READS,
  checkPod({ pod, workspace, report }) {
    const { index, self } = workspace;
    const ns = index.namespaceOf(self);
    const providers = (kind: Provided, name: string): ObjectSummary[] =>
      objectsWith(index, 'configData').filter(o => o.configData?.provides === kind && o.configData.name === name && index.mayShareNamespace(o, self));
    const check = (c: { label: string }, kind: Provided, ref: Ref | undefined, at: Node | undefined, withKey: boolean) => {
      if (!ref || !isMap(ref.value) || !at) return;
      if (isTrue(get(ref.value, 'optional', pod.doc))) return;
      const name = str(get(ref.value, 'name', pod.doc));
      if (!name) return;
      const found = providers(kind, name);
      if (found.length === 0) {
        report({ messageId: 'missingObject', data: { container: c.label, kind, name, namespace: ns }, at });
        return;
      }
      const keyRef = get(ref.value, 'key', pod.doc);
      const key = str(keyRef);
      if (!withKey || key === undefined || found.some(o => !o.configData!.keys || o.configData!.keys.includes(key))) return;
      report({
        messageId: 'missingKey', data: { container: c.label, kind, name, key }, at: keyRef!.site,
        related: found.map(o => ({ ref: o, message: `${kind} "${name}" is defined here` })),
      });
    };
    for (const c of pod.containers) {
      for (const e of envOf(c)) {
        const from = e.valueFrom && isMap(e.valueFrom.value) ? e.valueFrom.value : undefined;
        const s = get(from, 'secretKeyRef', pod.doc);
        const m = get(from, 'configMapKeyRef', pod.doc);
        check(c, 'Secret', s, s && isMap(s.value) ? get(s.value, 'name', pod.doc)?.site : undefined, true);
        check(c, 'ConfigMap', m, m && isMap(m.value) ? get(m.value, 'name', pod.doc)?.site : undefined, true);
      }
      for (const item of seqItems(getSeq(c.node, 'envFrom', pod.doc), pod.doc)) {
        if (!isMap(item.value)) continue;
        for (const [field, kind] of [['secretRef', 'Secret'], ['configMapRef', 'ConfigMap']] as const) {
          const r = get(item.value, field, pod.doc);
          check(c, kind, r, r && isMap(r.value) ? get(r.value, 'name', pod.doc)?.site : undefined, false);
        }
      }
    }
  },
});
