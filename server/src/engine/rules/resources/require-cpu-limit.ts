import { missingResource } from '../../model/resources';
import { defineRule } from '../../rule';
import { LIMIT_RANGE_READS } from '../../workspace/reads';

export default defineRule({
  id: 'require-cpu-limit',
  title: 'Containers set a CPU limit',
  category: 'resources',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['RES02'],
  equivalents: { checkov: ['CKV_K8S_11'], trivy: ['KSV011'], kubescape: ['C-0270', 'C-0050', 'C-0009'], polaris: ['cpuLimitsMissing'], kubesec: ['LimitsCPU'] },
  messages: {
    missing: '{{container}} sets no resources.limits.cpu: set one (e.g. {{value}}, sized for the workload).',
  },
  defaultReason: 'Off by default (info): whether to set CPU limits is an operational choice, not a security finding.',
  docs: {
    summary: 'A CPU limit caps how much CPU a container can take from its neighbours, but it also throttles the '
      + 'container even when the node is idle, which is why many teams deliberately omit it and rely on '
      + 'requests.',
    remediation: 'Set `resources.limits.cpu` on every container, from measured usage. The suggestion inserts a '
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
      limits: {cpu: "500m"}
`,
  },
  fix: null,
  workspaceReads: LIMIT_RANGE_READS,
  checkPod({ pod, workspace, report }) {
    missingResource(pod, workspace, 'limits', 'cpu', report);
  },
});
