import { setInContainer, setInherited, setInPod } from '../../fix/workload';
import { ContainerView } from '../../model/workload';
import { isFalse, isTrue, num } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'require-run-as-non-root',
  title: 'Containers must run as non-root',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'restricted', check: 'runAsNonRoot', since: 0 },
  covers: ['R03'],
  equivalents: {
    pss: ['runAsNonRoot'], kubeLinter: ['run-as-non-root'], checkov: ['CKV_K8S_23'], trivy: ['KSV012'],
    kubescape: ['C-0013'], polaris: ['runAsRootAllowed'], kubesec: ['RunAsNonRoot'],
  },
  messages: {
    podFalse: 'The pod sets runAsNonRoot: false; set spec.securityContext.runAsNonRoot: true.',
    containerFalse: '{{container}} sets runAsNonRoot: false; set it to true.',
    missing: '{{container}} may run as root: set securityContext.runAsNonRoot: true (here or in the pod securityContext).',
    missingWithUid: '{{container}} runs as UID {{uid}} but does not set runAsNonRoot: true, which the restricted level '
      + 'requires so that the kubelet refuses UID 0 if runAsUser is ever dropped: set '
      + 'securityContext.runAsNonRoot: true (here or in the pod securityContext).',
  },
  docs: {
    summary: 'A container that runs as UID 0 is root inside the container; any escape or writable host mount is '
      + 'then root on the node. The restricted level requires runAsNonRoot: true, which makes the kubelet '
      + 'refuse to start a container whose image runs as root.',
    remediation: 'Set `securityContext.runAsNonRoot: true` at pod level (spec.securityContext) so every container '
      + 'inherits it, and do not set it to false in any container. The image must define a non-root USER, or '
      + 'set `runAsUser` to a non-zero UID.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
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
    runAsNonRoot: true
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop an image that runs as root' },
  checkPod({ pod, policy, report }) {
    // User namespaces map root in the pod to an unprivileged host UID (policy 1.35+).
    if (atLeast(policy, 35) && pod.usesUserNamespace) return;
    // runAsNonRoot: true next to an effective runAsUser: 0 is no hardening: the kubelet refuses
    // to start the container. No fix reaches such a container until its UID 0 is resolved
    // (disallow-root-user offers the choices).
    const runsAsRoot = (c: ContainerView) => num(c.effective('runAsUser')) === 0;
    const inheritors = pod.containers.filter(c => !c.sc('runAsNonRoot'));
    const podFix = inheritors.some(runsAsRoot) ? undefined : setInPod(pod, ['securityContext', 'runAsNonRoot'], true);
    const podValue = pod.sc('runAsNonRoot');
    if (isFalse(podValue)) report({ messageId: 'podFalse', at: podValue!.value, fix: podFix });
    for (const c of pod.containers) {
      const own = c.sc('runAsNonRoot');
      const data = { container: c.label };
      const fix = runsAsRoot(c) ? undefined : setInContainer(c, ['securityContext', 'runAsNonRoot'], true);
      if (isFalse(own)) report({ messageId: 'containerFalse', data, at: own!.value, fix });
      // An unset container inherits the pod value; a pod-level false is reported once, above.
      else if (!own && !isTrue(podValue) && !isFalse(podValue)) {
        // One pod-level edit covers every container, unless it would also reach one running as root.
        const uid = num(c.effective('runAsUser'));
        const said = uid !== undefined && uid > 0 ? { messageId: 'missingWithUid' as const, data: { ...data, uid } } : { messageId: 'missing' as const, data };
        report({ ...said, at: c.anchor('securityContext', 'runAsNonRoot'), fix: podFix ? setInherited(pod, c, 'runAsNonRoot', true) : fix });
      }
    }
  },
});
