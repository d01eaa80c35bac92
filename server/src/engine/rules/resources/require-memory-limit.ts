import { missingResource } from '../../model/resources';
import { defineRule } from '../../rule';
import { LIMIT_RANGE_READS } from '../../workspace/reads';

export default defineRule({
  id: 'require-memory-limit',
  title: 'Containers set a memory limit',
  category: 'resources',
  severity: 'warning',
  pss: null,
  covers: ['RES04'],
  equivalents: { kubeLinter: ['unset-memory-requirements'], checkov: ['CKV_K8S_13'], trivy: ['KSV018'], kubescape: ['C-0271', 'C-0004', 'C-0009'], polaris: ['memoryLimitsMissing'], kubesec: ['LimitsMemory'] },
  messages: {
    missing: '{{container}} sets no resources.limits.memory: set one (e.g. {{value}}, sized for the workload).',
  },
  defaultReason: 'On by default (warning, at both levels), unlike the other three resource rules: memory is the one '
    + 'resource whose absence of a limit lets a workload harm its neighbours (CPU is throttled, not '
    + 'exhausted), a reviewer of a shared cluster asks for it, and kube-linter, Polaris, Checkov, Trivy and '
    + 'Kubescape all report it by default.',
  docs: {
    summary: 'Without a memory limit one container (a leak, or an attacker feeding it large inputs) can use all of '
      + 'a node\'s memory and get its neighbours OOM-killed: a denial of service across tenants. It stays '
      + 'quiet once a LimitRange of the namespace in the workspace sets a default memory limit; where that '
      + 'LimitRange lives outside the repository, turn the rule off in the settings.',
    remediation: 'Set `resources.limits.memory` on every container, from measured usage. The suggestion inserts a '
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
      limits: {memory: 512Mi}
`,
  },
  fix: null,
  workspaceReads: LIMIT_RANGE_READS,
  checkPod({ pod, workspace, report }) {
    missingResource(pod, workspace, 'limits', 'memory', report);
  },
});
