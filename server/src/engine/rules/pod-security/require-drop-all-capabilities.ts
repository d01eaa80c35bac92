import { replaceItem } from '../../fix/replace';
import { ensureInSeq } from '../../fix/seq';
import { inTitle } from '../../fix/workload';
import { getMap, getSeq, keyOf, seqItems, str } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'require-drop-all-capabilities',
  title: 'Containers must drop all Linux capabilities',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'restricted', check: 'capabilities_restricted', since: 22 },
  covers: ['R06'],
  equivalents: {
    pss: ['capabilities_restricted'], checkov: ['CKV_K8S_37'], trivy: ['KSV003', 'KSV106'], polaris: ['insecureCapabilities'],
    kubesec: ['CapDropAll'],
  },
  messages: {
    missing: '{{container}} does not drop all capabilities: set securityContext.capabilities.drop: ["ALL"].',
    wrongCase: '{{container}} drops "{{value}}", but Kubernetes matches only the exact name "ALL": write ALL.',
  },
  fixMessages: {
    replaceWithAll: 'Replace "{{value}}" with ALL in securityContext.capabilities.drop of {{where}}',
    addAll: 'Add ALL to securityContext.capabilities.drop in {{where}}',
  },
  docs: {
    summary: 'Container runtimes grant a default set of Linux capabilities (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, '
      + 'SETGID, NET_RAW, ...), most of which an application never uses and each of which widens what an '
      + 'attacker can do after a compromise (NET_RAW allows packet spoofing, for example). The restricted '
      + 'level requires every container to drop ALL of them, adding back at most NET_BIND_SERVICE.',
    remediation: 'Add `capabilities: {drop: ["ALL"]}` to every container\'s securityContext (init and ephemeral '
      + 'containers included). If the application binds a port below 1024, also add `add: '
      + '["NET_BIND_SERVICE"]`, or better, listen on a higher port.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      capabilities:
        drop:
        - ALL
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop a program that needs a capability; add it back explicitly' }, // an image that relies on a default capability (chown at start-up, ...) breaks
  checkPod({ pod, policy, report }) {
    // From 1.25 the admission plugin skips Windows pods, which have no Linux capabilities.
    if (atLeast(policy, 25) && pod.isWindows) return;
    for (const c of pod.containers) {
      const caps = getMap(c.securityContext, 'capabilities', pod.doc);
      const dropSeq = getSeq(caps, 'drop', pod.doc);
      const drop = seqItems(dropSeq, pod.doc);
      // The admission plugin compares exactly: "all" or "CAP_ALL" drop nothing.
      if (drop.some(d => str(d) === 'ALL')) continue;
      const nearMiss = drop.find(d => /^(CAP_)?ALL$/i.test(str(d) ?? ''));
      // A Windows pod (checked before 1.25) may not set capabilities at all: nothing to fix there.
      const windows = pod.isWindows;
      // Not dropping ALL keeps NET_RAW too unless it is dropped by name: this finding then also
      // answers for H05 (require-drop-net-raw stays silent where this rule speaks).
      const covers = drop.some(d => str(d) === 'NET_RAW') ? ['R06'] : ['R06', 'H05'];
      if (nearMiss && dropSeq) {
        const index = dropSeq.items.indexOf(nearMiss.site as never);
        report({
          messageId: 'wrongCase', data: { container: c.label, value: str(nearMiss)! }, at: nearMiss.value, covers,
          // The entry the user wrote, corrected where it stands.
          fix: windows ? undefined : {
            messageId: 'replaceWithAll', data: { value: str(nearMiss) ?? '', where: inTitle(c.label) },
            edits: ({ text, doc }) => replaceItem(text, doc, dropSeq, index, 'ALL'),
          },
        });
      } else {
        report({
          messageId: 'missing', data: { container: c.label }, at: keyOf(caps, 'drop', pod.doc) ?? c.anchor('securityContext', 'capabilities'), covers,
          fix: windows ? undefined : {
            messageId: 'addAll', data: { where: inTitle(c.label) },
            edits: ({ text, doc }) => ensureInSeq(text, doc, c.node, ['securityContext', 'capabilities', 'drop'], 'ALL'),
          },
        });
      }
    }
  },
});
