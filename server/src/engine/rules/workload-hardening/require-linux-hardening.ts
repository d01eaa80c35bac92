import { capabilityEntries } from '../../model/capability-names';
import { ContainerView, PodSpecView } from '../../model/workload';
import { isMap } from 'yaml';
import { get, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'require-linux-hardening',
  title: 'Containers should use at least one Linux hardening mechanism',
  category: 'workload-hardening',
  severity: 'warning',
  pss: null,
  optIn: true,
  covers: ['H14'],
  equivalents: { polaris: ['linuxHardening'], kubescape: ['C-0055'] },
  messages: {
    none: '{{container}} uses no Linux hardening (seccomp, AppArmor, SELinux or dropped capabilities): set '
      + 'seccompProfile.type: RuntimeDefault and drop ALL capabilities.',
  },
  defaultReason: 'Opt-in: at the restricted level require-seccomp-profile and require-drop-all-capabilities already '
    + 'ask for more than this; it is for baseline users who want a floor.',
  docs: {
    summary: 'Without a seccomp profile, an AppArmor profile, SELinux options or dropped capabilities, nothing narrows what the kernel lets the container do.',
    remediation: 'Set `seccompProfile.type: RuntimeDefault` (pod securityContext) and `capabilities.drop: [ALL]` on each container.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
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
  - name: side
    image: nginx:1.27
    securityContext:
      appArmorProfile: {type: Unconfined}
      capabilities: {drop: []}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/d: runtime/default
spec:
  securityContext:
    seccompProfile: {type: RuntimeDefault}
  containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: Unconfined}
      capabilities: {drop: [NET_RAW]}
  - name: c
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: Unconfined}
      seLinuxOptions: {level: "s0:c123,c456"}
  - name: d
    image: nginx:1.27
    securityContext:
      seccompProfile: {type: Unconfined}
`,
  },
  fix: null, // several mechanisms qualify; the restricted rules offer their own fixes
  checkPod({ pod, report }) {
    if (pod.isWindows) return;
    for (const c of pod.containers) {
      if (!hardened(pod, c)) report({ messageId: 'none', data: { container: c.label }, at: c.anchor('securityContext') });
    }
  },
});

function hardened(pod: PodSpecView, c: ContainerView): boolean {
  // The container's profile replaces the pod's as a whole (effective value), then its type counts.
  for (const field of ['seccompProfile', 'appArmorProfile'] as const) {
    const eff = c.effective(field);
    const type = str(get(eff && isMap(eff.value) ? eff.value : undefined, 'type', pod.doc));
    if (type !== undefined && type !== 'Unconfined') return true;
  }
  if (c.effective('seLinuxOptions')) return true;
  // A drop narrows nothing when `add` puts everything back (`add: [ALL]`) or re-adds each dropped name.
  const added = new Set(capabilityEntries(c, 'add').map(e => e.name));
  if (!added.has('ALL') && capabilityEntries(c, 'drop').some(e => !added.has(e.name))) return true;
  return pod.annotations().some(a => {
    const v = str(a.ref);
    return v !== undefined && v !== 'unconfined' && (a.name === `container.apparmor.security.beta.kubernetes.io/${c.name}` || a.name === 'seccomp.security.alpha.kubernetes.io/pod' || a.name === `container.seccomp.security.alpha.kubernetes.io/${c.name}`);
  });
}
