import { setInContainer, setInPod } from '../../fix/workload';
import { ContainerView, PodSpecView } from '../../model/workload';
import { defineRule, Proposal } from '../../rule';
import { OWASP_K01 } from '../references';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const PROFILE = ['securityContext', 'appArmorProfile', 'type'];
// The kubelet refuses a pod that asks for AppArmor explicitly on a node without it.
const noted = (p: Proposal): Proposal => ({ ...p, title: `${p.title} (the nodes must have AppArmor enabled)` });

export default defineRule({
  id: 'require-apparmor-profile',
  title: 'Pods should state their AppArmor profile',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H15'],
  equivalents: { kubesec: ['ApparmorAny'] },
  messages: {
    pod: 'The pod sets no AppArmor profile: set spec.securityContext.appArmorProfile.type: RuntimeDefault so '
      + 'its confinement does not depend on the container runtime\'s default.',
    container: '{{container}} sets no AppArmor profile and the pod sets none: set securityContext.appArmorProfile.type: RuntimeDefault.',
  },
  defaultReason: 'Info and opt-in: on AppArmor nodes the unstated default is already the runtime profile, and on nodes '
    + 'without AppArmor (SELinux distributions) an explicit profile makes the kubelet reject the pod — so '
    + 'the profile is offered as a suggestion, never a fix.',
  docs: {
    summary: 'A container without an AppArmor profile (its own `appArmorProfile`, the pod\'s, or the deprecated '
      + '`container.apparmor.security.beta.kubernetes.io/<container>` annotation on the pod template) gets '
      + 'whatever the container runtime applies by default — on AppArmor nodes with containerd or CRI-O its '
      + 'default profile, elsewhere nothing. Stating the profile makes the confinement part of the manifest. '
      + 'Any stated profile passes here; restrict-apparmor-profile reports `Unconfined` and other disallowed '
      + 'ones. Reported once on the pod when no container states a profile, else on each container that does '
      + 'not. Windows pods are skipped (no AppArmor).',
    remediation: 'Set `securityContext.appArmorProfile.type: RuntimeDefault` in the pod securityContext (or '
      + '`Localhost` with `localhostProfile` naming a profile loaded on the nodes), on clusters whose nodes '
      + 'run AppArmor (Kubernetes 1.30+ for the field).',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: runtime/default
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: app
        image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: windows
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
  },
  fix: null, // whether the nodes run AppArmor is not in the manifest: a suggestion only
  checkPod({ pod, report }) {
    if (pod.isWindows || pod.sc('appArmorProfile')) return;
    const bare = pod.containers.filter(c => !stated(pod, c));
    if (bare.length === 0) return;
    // Nothing stated anywhere: one finding, and the pod level is where one edit covers all.
    // (Were an annotation present for some container, a pod profile could contradict it, which
    // the API server rejects: then each bare container gets its own.)
    if (bare.length === pod.containers.length) {
      report({ messageId: 'pod', at: pod.anchor('securityContext', 'appArmorProfile'), suggestions: [noted(setInPod(pod, PROFILE, 'RuntimeDefault'))] });
      return;
    }
    for (const c of bare) {
      report({
        messageId: 'container', data: { container: c.label }, at: c.anchor('securityContext', 'appArmorProfile'),
        suggestions: [noted(setInContainer(c, PROFILE, 'RuntimeDefault'))],
      });
    }
  },
});

function stated(pod: PodSpecView, c: ContainerView): boolean {
  if (c.sc('appArmorProfile')) return true;
  return c.name !== undefined && pod.annotations().some(a => a.name === ANNOTATION_PREFIX + c.name);
}
