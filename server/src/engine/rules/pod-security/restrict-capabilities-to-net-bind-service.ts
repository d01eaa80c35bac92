import { removeFromSeq } from '../../fix/remove';
import { replaceItem } from '../../fix/replace';
import { inTitle } from '../../fix/workload';
import { ContainerView } from '../../model/workload';
import { getMap, getSeq, Ref, str } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule, MessageProposal } from '../../rule';
import { PSS_REFERENCES } from '../references';
import { addedCapabilities, BASELINE_CAPABILITIES } from '../../model/capabilities';

/** Every entry of this name goes; an `add` list left empty goes too (and a capabilities or securityContext map it leaves empty). */
function remove(c: ContainerView, name: string): MessageProposal {
  return {
    messageId: 'removeCapability', data: { capability: name, where: inTitle(c.label) },
    edits: ({ text, doc }) => {
      const sc = c.securityContext;
      return sc ? removeFromSeq(text, doc, sc, ['capabilities', 'add'], name, { ifEmpty: 'removeParent' }) : [];
    },
  };
}

function correct(c: ContainerView, ref: Ref): MessageProposal {
  const add = getSeq(getMap(c.securityContext, 'capabilities', c.pod.doc), 'add', c.pod.doc);
  return {
    messageId: 'replaceWithNetBind', data: { value: str(ref) ?? '', where: inTitle(c.label) },
    edits: ({ text, doc }) => (add ? replaceItem(text, doc, add, add.items.indexOf(ref.site as never), 'NET_BIND_SERVICE') : undefined),
  };
}

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
  fixMessages: {
    removeCapability: 'Remove capability "{{capability}}" from {{where}}',
    replaceWithNetBind: 'Replace "{{value}}" with NET_BIND_SERVICE in securityContext.capabilities.add of {{where}}',
  },
  docs: {
    summary: 'The restricted level lets a container add back a single capability after dropping all of them: '
      + 'NET_BIND_SERVICE, to bind ports below 1024. Every other capability, even those in the runtime\'s '
      + 'default set such as CHOWN or SETUID, widens what a compromised process can do. Names are compared '
      + 'exactly, so `CAP_NET_BIND_SERVICE` or lowercase names fail.',
    remediation: 'Remove every entry other than `NET_BIND_SERVICE` from `securityContext.capabilities.add`. Do the '
      + 'work that needed the capability at image build time (file ownership, setuid bits) instead of at run '
      + 'time.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os: {name: windows}
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
    securityContext:
      capabilities:
        add: [CHOWN, SYS_ADMIN]
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os: {name: windows}
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
    securityContext:
      capabilities:
        add: [CHOWN]
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop a program that needs this capability' }, // the container may rely on the capability
  checkPod({ pod, policy, report }) {
    // From 1.25 the admission plugin skips Windows pods; capabilities outside the baseline set
    // are still what disallow-non-default-capabilities, which this rule replaces, reports.
    const exempt = atLeast(policy, 25) && pod.isWindows;
    for (const c of pod.containers) {
      const added = addedCapabilities(c);
      // `net_bind_service` or `CAP_NET_BIND_SERVICE` meant the one allowed capability (the
      // runtime would grant it): the first such spelling is corrected, unless it is already there.
      const misspelt = added.some(a => a.name === 'NET_BIND_SERVICE') ? undefined : added.find(a => /^(CAP_)?NET_BIND_SERVICE$/i.test(a.name));
      for (const { name, ref } of added) {
        if (name === 'NET_BIND_SERVICE') continue;
        const baseline = !BASELINE_CAPABILITIES.has(name);
        if (exempt && !baseline) continue;
        const covers = exempt ? ['B06'] : baseline ? ['R07', 'B06'] : ['R07'];
        // Beyond the baseline set this is what disallow-non-default-capabilities (an error) reports.
        report({
          messageId: 'added', data: { container: c.label, capability: name }, at: ref.value, covers, severity: baseline ? 'error' : undefined,
          fix: ref === misspelt?.ref ? correct(c, ref) : remove(c, name),
        });
      }
    }
  },
});
