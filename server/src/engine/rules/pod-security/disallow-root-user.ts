import { removeFromContainer, removeFromPod, setInContainer, setInPod } from '../../fix/workload';
import { num } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule, Proposal } from '../../rule';
import { PSS_REFERENCES } from '../references';

/** The `nonroot` user of distroless and Chainguard images: free in most others too. */
const NON_ROOT_UID = 65532;
const noted = (p: Proposal): Proposal => ({ ...p, title: `${p.title} (the image must be able to run as this UID)` });
const removeZero = (p: Proposal): Proposal => ({ ...p, title: p.title.replace('runAsUser', 'runAsUser: 0') });

export default defineRule({
  id: 'disallow-root-user',
  title: 'Pods and containers must not run as UID 0',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'restricted', check: 'runAsUser', since: 23 },
  covers: ['R04'],
  equivalents: { pss: ['runAsUser'], trivy: ['KSV105'], kubeLinter: ['run-as-non-root'] },
  messages: {
    podRoot: 'The pod sets runAsUser: 0 (root): remove it or set spec.securityContext.runAsUser to a non-zero UID.',
    containerRoot: '{{container}} sets runAsUser: 0 (root): remove it or set a non-zero UID.',
  },
  docs: {
    summary: 'runAsUser: 0 runs the container\'s processes as root, whatever the image says. Root in a container '
      + 'keeps the capabilities the runtime grants and owns every file the container can reach; any escape or '
      + 'writable host mount becomes root on the node. The restricted level forbids an explicit UID 0 at pod '
      + 'level and in every container, even where another setting would override it.',
    remediation: 'Remove `runAsUser: 0`, or set a non-zero UID that the image can run as (for example 65532, the '
      + '`nonroot` user of distroless images), and set `runAsNonRoot: true` so the kubelet also refuses '
      + 'images that default to root.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-the-security-context-for-a-pod'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0
  containers:
  - name: app
    image: nginx:1.27
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsUser: 0
`,
  },
  // Which UID the image can run as is the user's choice: removing the 0 (the image's USER, or the
  // pod's UID, applies) or a fixed non-root UID are offered as suggestions. A Windows pod may not
  // set runAsUser at all, so there only its removal is offered.
  fix: null,
  checkPod({ pod, policy, report }) {
    // With user namespaces (policy 1.35+) UID 0 in the pod maps to an unprivileged UID on the node.
    if (atLeast(policy, 35) && pod.usesUserNamespace) return;
    // Each explicit 0 fails on its own: a container value does not excuse the pod's, nor the reverse.
    const podValue = pod.sc('runAsUser');
    if (num(podValue) === 0) {
      report({
        messageId: 'podRoot', at: podValue!.value,
        suggestions: [removeZero(removeFromPod(pod, 'runAsUser')), ...pod.isWindows ? [] : [noted(setInPod(pod, ['securityContext', 'runAsUser'], NON_ROOT_UID))]],
      });
    }
    for (const c of pod.containers) {
      const own = c.sc('runAsUser');
      if (num(own) === 0) {
        report({
          messageId: 'containerRoot', data: { container: c.label }, at: own!.value,
          suggestions: [removeZero(removeFromContainer(c, 'runAsUser')), ...pod.isWindows ? [] : [noted(setInContainer(c, ['securityContext', 'runAsUser'], NON_ROOT_UID))]],
        });
      }
    }
  },
});
