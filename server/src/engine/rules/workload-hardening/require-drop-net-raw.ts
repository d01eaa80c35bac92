import { removeItem } from '../../fix/remove';
import { inTitle } from '../../fix/workload';
import { ensureInSeq } from '../../fix/seq';
import { capabilityEntries } from '../../model/capability-names';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'require-drop-net-raw',
  title: 'Containers should drop NET_RAW',
  category: 'workload-hardening',
  severity: 'warning',
  pss: null,
  optIn: true,
  covers: ['H05'],
  // A container that drops nothing keeps NET_RAW: this rule's finding says more on the same node.
  overrides: ['require-capability-drop'],
  equivalents: { kubeLinter: ['drop-net-raw-capability'], checkov: ['CKV_K8S_28'], kubescape: ['C-0211'] },
  messages: {
    added: '{{container}} adds capability "{{capability}}", which allows packet spoofing on the pod network: remove it from securityContext.capabilities.add.',
    notDropped: '{{container}} keeps NET_RAW, which containerd and Docker grant by default (CRI-O does not) and which '
      + 'allows packet spoofing: add NET_RAW (or ALL) to securityContext.capabilities.drop.',
  },
  fixMessages: {
    dropNetRaw: 'Drop capability NET_RAW in {{where}}',
    removeCapability: 'Remove capability "{{capability}}" from {{where}}',
  },
  defaultReason: 'Opt-in: at the default restricted level everything it would say is already said by '
    + 'require-drop-all-capabilities and the Pod Security capability rules.',
  docs: {
    summary: 'NET_RAW lets a process craft any packet: ARP and DNS spoofing against its neighbours on the node, '
      + 'and it has been the key to several container escapes. containerd and Docker grant it by default '
      + '(CRI-O has left it out of its default set since 1.18), so on most clusters a container keeps it '
      + 'unless it drops it; the baseline Pod Security level does not let a container add it, which is not '
      + 'the same as taking it away. At the restricted level require-drop-all-capabilities already asks for '
      + '`drop: [ALL]` and the Pod Security rules report any add of NET_RAW, so this rule speaks only where '
      + 'they are silent: a container that does not drop NET_RAW at the baseline level (severity info: most '
      + 'images never need it, but baseline users chose fewer findings), and an added NET_RAW in a namespace '
      + 'labelled `pod-security.kubernetes.io/enforce: privileged`. Windows pods are skipped: capabilities do '
      + 'not exist there.',
    remediation: 'Add `NET_RAW` to `securityContext.capabilities.drop`, or better drop `ALL` and add back only what '
      + 'the program needs. Tools such as ping need NET_RAW; most services do not.',
    references: [OWASP_K01, 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Namespace
metadata:
  name: net
  labels: {pod-security.kubernetes.io/enforce: privileged}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: net
spec:
  containers:
  - name: ping
    image: busybox:1.36
    securityContext:
      capabilities:
        add: [NET_RAW]
        drop: [ALL]
`,
    correct: `apiVersion: v1
kind: Namespace
metadata:
  name: net
  labels: {pod-security.kubernetes.io/enforce: privileged}
---
apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: net
spec:
  containers:
  - name: ping
    image: busybox:1.36
    securityContext:
      capabilities:
        add: []
        drop: [ALL]
`,
  },
  // A program that sends ICMP or raw packets (ping, some health checks) fails without NET_RAW.
  fix: { safety: 'unsafe', risk: 'ping and other raw-socket tools stop working' },
  checkPod({ pod, policy, report }) {
    if (pod.isWindows) return;
    for (const c of pod.containers) {
      const what = inTitle(c.label);
      const added = capabilityEntries(c, 'add').filter(e => e.name === 'NET_RAW' || e.name === 'ALL');
      if (added.length > 0) {
        // Outside a privileged namespace the Pod Security capability rules report this add.
        if (!policy.privileged) continue;
        for (const e of added.filter(x => x.name === 'NET_RAW')) {
          report({
            messageId: 'added', data: { container: c.label, capability: e.raw }, at: e.ref.value,
            fix: { messageId: 'removeCapability', data: { capability: e.raw, where: what }, edits: ({ text, doc }) => removeItem(text, doc, e.seq, e.index) },
          });
        }
        continue;
      }
      if (policy.level === 'restricted' && !policy.privileged) continue; // require-drop-all-capabilities
      if (capabilityEntries(c, 'drop').some(e => e.name === 'NET_RAW' || e.name === 'ALL')) continue;
      report({
        messageId: 'notDropped', data: { container: c.label }, severity: 'info',
        at: c.anchor('securityContext', 'capabilities', 'drop'),
        fix: { messageId: 'dropNetRaw', data: { where: what }, edits: ({ text, doc }) => ensureInSeq(text, doc, c.node, ['securityContext', 'capabilities', 'drop'], 'NET_RAW') },
      });
    }
  },
});
