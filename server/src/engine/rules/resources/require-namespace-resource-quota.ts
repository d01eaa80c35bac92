import { get, getMap } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { NAMESPACE_DEFAULTS_READS } from '../../workspace/reads';
import { objectsOfKind } from '../../workspace/facets';

export default defineRule({
  id: 'require-namespace-resource-quota',
  title: 'Namespaces have a ResourceQuota',
  category: 'resources',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['RES06'],
  equivalents: {},
  kinds: ['Namespace'],
  messages: {
    missing: 'Namespace "{{name}}" has no ResourceQuota in the workspace: add one to set a ceiling on the CPU, memory and object counts the namespace can use.',
  },
  defaultReason: 'Off by default (info): it reads the whole workspace, and clusters often add these objects from a '
    + 'platform repository rather than next to the Namespace.',
  docs: {
    summary: 'A ResourceQuota sets a ceiling on the CPU, memory and object counts the namespace can use, so one '
      + 'workload cannot exhaust what the namespace shares. An object naming no namespace in the Namespace '
      + 'object\'s folder counts for it (applied there with `kubectl -n`).',
    remediation: 'Add a ResourceQuota to the namespace (in the same repository, so the workspace sees it).',
    references: ['https://kubernetes.io/docs/concepts/policy/resource-quotas/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: x, namespace: other}
spec: {hard: {pods: "10"}}
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: x}
spec: {hard: {pods: "10"}}
`,
  },
  fix: null,
  workspaceReads: NAMESPACE_DEFAULTS_READS,
  checkObject({ object, workspace, report }) {
    const name = object.name;
    if (object.group !== '' || !name) return;
    const { index, self } = workspace;
    if (objectsOfKind(index, 'ResourceQuota').some(o => o.group === '' && index.mayBelongTo(o, name, self))) return;
    const at = get(getMap(object.node, 'metadata', object.doc), 'name', object.doc)?.site;
    if (at) report({ messageId: 'missing', data: { name }, at });
  },
});
