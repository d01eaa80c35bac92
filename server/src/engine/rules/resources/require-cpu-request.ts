import { missingResource } from '../../model/resources';
import { defineRule } from '../../rule';
import { LIMIT_RANGE_READS } from '../../workspace/reads';

export default defineRule({
  id: 'require-cpu-request',
  title: 'Containers set a CPU request',
  category: 'resources',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['RES01'],
  equivalents: { kubeLinter: ['unset-cpu-requirements'], checkov: ['CKV_K8S_10'], trivy: ['KSV015'], kubescape: ['C-0268'], polaris: ['cpuRequestsMissing'], kubesec: ['RequestsCPU'] },
  messages: {
    missing: '{{container}} sets no resources.requests.cpu: set one (e.g. {{value}}, sized for the workload).',
  },
  defaultReason: 'Off by default (info): a capacity and reliability concern more than a security one, and often set by '
    + 'a namespace LimitRange the manifest does not show.',
  docs: {
    summary: 'The scheduler places pods by their requests; a container without a CPU request is scheduled as if it '
      + 'needed none and is the first to be starved under contention.',
    remediation: 'Set `resources.requests.cpu` on every container, from measured usage. The suggestion inserts a '
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
      limits: {cpu: "1"}
`,
  },
  fix: null,
  workspaceReads: LIMIT_RANGE_READS,
  checkPod({ pod, workspace, report }) {
    missingResource(pod, workspace, 'requests', 'cpu', report);
  },
});
