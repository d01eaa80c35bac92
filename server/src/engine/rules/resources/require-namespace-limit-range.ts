import { get, getMap } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { NAMESPACE_DEFAULTS_READS } from '../../workspace/reads';
import { objectsOfKind } from '../../workspace/facets';

export default defineRule({
  id: 'require-namespace-limit-range',
  title: 'Namespaces have a LimitRange',
  category: 'resources',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['RES05'],
  equivalents: {},
  kinds: ['Namespace'],
  messages: {
    missing: 'Namespace "{{name}}" has no LimitRange in the workspace: add one to set default requests and limits '
      + 'for containers that set none, and bounds for those that do.',
  },
  defaultReason: 'Off by default (info): it reads the whole workspace, and clusters often add these objects from a '
    + 'platform repository rather than next to the Namespace.',
  docs: {
    summary: 'A LimitRange sets default requests and limits for containers that set none, and bounds for those '
      + 'that do, so one workload cannot exhaust what the namespace shares. An object naming no namespace in '
      + 'the Namespace object\'s folder counts for it (applied there with `kubectl -n`).',
    remediation: 'Add a LimitRange to the namespace (in the same repository, so the workspace sees it).',
    references: ['https://kubernetes.io/docs/concepts/policy/limit-range/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: LimitRange
metadata: {name: x, namespace: other}
spec: {limits: [{type: Container, default: {memory: 1Gi}}]}
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: LimitRange
metadata: {name: x}
spec: {limits: [{type: Container, default: {memory: 1Gi}}]}
`,
  },
  fix: null,
  workspaceReads: NAMESPACE_DEFAULTS_READS,
  checkObject({ object, workspace, report }) {
    const name = object.name;
    if (object.group !== '' || !name) return;
    const { index, self } = workspace;
    if (objectsOfKind(index, 'LimitRange').some(o => o.group === '' && index.mayBelongTo(o, name, self))) return;
    const at = get(getMap(object.node, 'metadata', object.doc), 'name', object.doc)?.site;
    if (at) report({ messageId: 'missing', data: { name }, at });
  },
});
