import { missingResource } from '../../model/resources';
import { defineRule } from '../../rule';
import { LIMIT_RANGE_READS } from '../../workspace/reads';

export default defineRule({
  id: 'require-memory-request',
  title: 'Containers set a memory request',
  category: 'resources',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['RES03'],
  equivalents: { checkov: ['CKV_K8S_12'], trivy: ['KSV016'], kubescape: ['C-0269'], polaris: ['memoryRequestsMissing'], kubesec: ['RequestsMemory'] },
  messages: {
    missing: '{{container}} sets no resources.requests.memory: set one (e.g. {{value}}, sized for the workload).',
  },
  defaultReason: 'Off by default (info): a capacity concern, often covered by a namespace LimitRange the manifest does not show.',
  docs: {
    summary: 'The scheduler places pods by their memory requests; without one a container is scheduled as if it '
      + 'needed nothing and is among the first evicted under memory pressure.',
    remediation: 'Set `resources.requests.memory` on every container, from measured usage. The suggestion inserts a '
      + 'placeholder value to adjust. A LimitRange of the namespace in the workspace that supplies a default '
      + 'silences the rule.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
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
    resources: {}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: {memory: "1"}
`,
  },
  fix: null,
  workspaceReads: LIMIT_RANGE_READS,
  checkPod({ pod, workspace, report }) {
    missingResource(pod, workspace, 'requests', 'memory', report);
  },
});
