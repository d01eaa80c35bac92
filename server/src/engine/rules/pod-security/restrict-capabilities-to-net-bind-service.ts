import { atLeast } from '../../policy';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';
import { addedCapabilities, BASELINE_CAPABILITIES } from '../../model/capabilities';

export default defineRule({
  id: 'restrict-capabilities-to-net-bind-service',
  title: 'Containers may add only NET_BIND_SERVICE',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'restricted', check: 'capabilities_restricted', since: 22 },
  covers: ['R07', 'B06'],
  equivalents: { pss: ['capabilities_restricted'], trivy: ['KSV106'] },
  overrides: ['disallow-non-default-capabilities'],
  messages: {
    added: '{{container}} adds capability "{{capability}}": remove it from securityContext.capabilities.add (only NET_BIND_SERVICE is allowed).',
  },
  docs: {
    summary: 'The restricted level lets a container add back a single capability after dropping all of them: NET_BIND_SERVICE, to bind ports below 1024. Every other capability, even those in the runtime\'s default set such as CHOWN or SETUID, widens what a compromised process can do. Names are compared exactly, so `CAP_NET_BIND_SERVICE` or lowercase names fail.',
    remediation: 'Remove every entry other than `NET_BIND_SERVICE` from `securityContext.capabilities.add`. Do the work that needed the capability at image build time (file ownership, setuid bits) instead of at run time.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
  },
  fix: { safety: 'unsafe' }, // the container may rely on the capability
  checkPod({ pod, policy, report }) {
    // From 1.25 the admission plugin skips Windows pods; capabilities outside the baseline set
    // are still what disallow-non-default-capabilities, which this rule replaces, reports.
    const exempt = atLeast(policy, 25) && pod.isWindows;
    for (const c of pod.containers) {
      for (const { name, ref } of addedCapabilities(c)) {
        if (name === 'NET_BIND_SERVICE') continue;
        const baseline = !BASELINE_CAPABILITIES.has(name);
        if (exempt && !baseline) continue;
        const covers = exempt ? ['B06'] : baseline ? ['R07', 'B06'] : ['R07'];
        // Beyond the baseline set this is what disallow-non-default-capabilities (an error) reports.
        report({ messageId: 'added', data: { container: c.label, capability: name }, at: ref.value, covers, severity: baseline ? 'error' : undefined });
      }
    }
  },
});
