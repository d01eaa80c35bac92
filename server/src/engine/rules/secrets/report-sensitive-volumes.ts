import { isMap } from 'yaml';
import { getSeq, keyOf, seqItems, str, get } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

const KINDS: ReadonlyArray<{ field: string; what: string; nameField: string }> = [
  { field: 'secret', what: 'Secret', nameField: 'secretName' },
  { field: 'configMap', what: 'ConfigMap', nameField: 'name' },
  { field: 'persistentVolumeClaim', what: 'PersistentVolumeClaim', nameField: 'claimName' },
];

export default defineRule({
  id: 'report-sensitive-volumes',
  title: 'Inventory: volumes that expose Secrets, ConfigMaps and persistent data',
  category: 'secrets',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['SEC10'],
  equivalents: { kubescape: ['C-0255', 'C-0258', 'C-0257'] },
  messages: {
    volume: 'Volume "{{volume}}" mounts {{what}} "{{name}}" into the pod: whoever controls this workload reads it.',
  },
  defaultReason: 'Nothing here is wrong in itself, so the rule is off by default and only informational; turn it on to map data access across a repository.',
  docs: {
    summary: 'An inventory for reviews and audits: which workloads can read which Secrets, ConfigMaps and persistent volumes.',
    remediation: 'Nothing to fix. Check that each workload mounts only what it needs, read-only where possible, and '
      + 'that Secrets are scoped with `items` to the keys it uses.',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/'],
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
  volumes:
  - name: creds
    secret: {secretName: db}
  - name: cfg
    configMap:
      name: app-config
  - name: data
    persistentVolumeClaim: {claimName: data-0}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
  volumes:
  - name: tmp
    emptyDir: {}
`,
  },
  fix: null,
  checkPod({ pod, report }) {
    const doc = pod.doc;
    for (const v of seqItems(getSeq(pod.spec, 'volumes', doc), doc)) {
      if (!isMap(v.value)) continue;
      for (const k of KINDS) {
        const at = keyOf(v.value, k.field, doc);
        if (!at) continue;
        const src = get(v.value, k.field, doc);
        const name = src && isMap(src.value) ? str(get(src.value, k.nameField, doc)) : undefined;
        report({ messageId: 'volume', data: { volume: str(get(v.value, 'name', doc)) ?? '?', what: k.what, name: name ?? '?' }, at });
      }
    }
  },
});
