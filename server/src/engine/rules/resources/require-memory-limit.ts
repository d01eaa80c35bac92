import { missingResource } from '../../model/resources';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'require-memory-limit',
  title: 'Containers set a memory limit',
  category: 'resources',
  severity: 'warning',
  pss: null,
  optIn: true,
  covers: ['RES04'],
  equivalents: { kubeLinter: ['unset-memory-requirements'], checkov: ['CKV_K8S_13'], trivy: ['KSV018'], kubescape: ['C-0271'], polaris: ['memoryLimitsMissing'], kubesec: ['LimitsMemory'] },
  messages: {
    missing: '{{container}} sets no resources.limits.memory: set one (e.g. {{value}}, sized for the workload).',
  },
  docs: {
    summary: 'Without a memory limit one container (a leak, or an attacker feeding it large inputs) can use all of a node\'s memory and get its neighbours OOM-killed: a denial of service across tenants. Off by default for now, although the strongest of the four: a LimitRange the manifest does not show usually sets the default, so in a single file the rule cannot tell; turn it on (warning) in repositories that hold their namespaces\' LimitRanges, where it stays quiet once a LimitRange sets a default memory limit.',
    remediation: 'Set `resources.limits.memory` on every container, from measured usage. The suggestion inserts a placeholder value to adjust. A LimitRange of the namespace in the workspace that supplies a default silences the rule.',
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
  },
  fix: null,
  checkPod({ pod, workspace, report }) {
    missingResource(pod, workspace, 'limits', 'memory', report);
  },
});
