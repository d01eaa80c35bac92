import { isScalar, YAMLMap } from 'yaml';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'require-security-context',
  title: 'Pods and containers should state a securityContext',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H12', 'H13'],
  equivalents: { checkov: ['CKV_K8S_29', 'CKV_K8S_30'], trivy: ['KSV118'] },
  messages: {
    pod: 'The pod spec has no securityContext: set one (runAsNonRoot, seccompProfile, fsGroup) so the pod\'s defaults are stated.',
    container: '{{container}} has no securityContext: set one (allowPrivilegeEscalation: false, capabilities.drop: [ALL], readOnlyRootFilesystem: true).',
  },
  defaultReason: 'The specific rules (run as non-root, seccomp, capabilities, privilege escalation) already say what '
    + 'to set, so this one is info and opt-in: it is for teams that want every manifest to state its '
    + 'security settings explicitly, as Checkov CKV_K8S_29/30 do.',
  docs: {
    summary: 'A missing or empty securityContext means every setting is the runtime\'s permissive default.',
    remediation: 'Add `spec.securityContext` (runAsNonRoot: true, seccompProfile.type: RuntimeDefault) and a '
      + '`securityContext` on each container (allowPrivilegeEscalation: false, capabilities.drop: [ALL], '
      + 'readOnlyRootFilesystem: true).',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
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
    image: busybox:1.36
    securityContext: {}
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext: {runAsNonRoot: true}
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      allowPrivilegeEscalation: false
`,
  },
  fix: null, // what to state is the subject of the specific rules and their fixes
  checkPod({ pod, report }) {
    if (statesNothing(pod.securityContext)) report({ messageId: 'pod', at: pod.anchor('securityContext'), covers: ['H12'] });
    for (const c of pod.containers) {
      if (statesNothing(c.securityContext)) report({ messageId: 'container', data: { container: c.label }, at: c.anchor('securityContext'), covers: ['H13'] });
    }
  },
});

/** Absent, or no field with a value: `{runAsUser: null}` decodes to an empty securityContext. */
function statesNothing(sc: YAMLMap | undefined): boolean {
  return !sc || sc.items.every(pair => pair.value === null || (isScalar(pair.value) && pair.value.value === null));
}
