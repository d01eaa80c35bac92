import { disableEscalation } from '../../fix/workload';
import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

// Not a Pod Security Admission check: kube-linter and kubesec fail only an explicit `true`, and
// people migrating from them expect that finding at every level (docs/kubernetes-semantics.md §5, trap 1). At the
// restricted level require-no-privilege-escalation, which also fails an unset field, replaces it.
export default defineRule({
  id: 'disallow-privilege-escalation',
  title: 'Containers must not explicitly allow privilege escalation',
  category: 'pod-security',
  severity: 'error',
  pss: null,
  level: 'baseline',
  covers: ['R02b'],
  equivalents: { kubeLinter: ['privilege-escalation-container'], kubesec: ['AllowPrivilegeEscalation'] },
  messages: {
    enabled: '{{container}} sets allowPrivilegeEscalation: true: set it to false.',
  },
  docs: {
    summary: 'allowPrivilegeEscalation: true lets a process gain more privileges than its parent, through '
      + 'setuid/setgid binaries or file capabilities (the kernel\'s no_new_privs flag stays off). An attacker '
      + 'who gets a shell as a non-root user can then become root inside the container with a setuid binary '
      + 'shipped in the image.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on the container. Few workloads need setuid '
      + 'binaries at run time; install files with the right ownership at build time instead.',
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
    securityContext:
      allowPrivilegeEscalation: true
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
      allowPrivilegeEscalation: false
`,
  },
  // The rule reports only an explicit `true`: flipping what the author asked for is never safe.
  fix: { safety: 'unsafe', risk: 'setuid programs (sudo, su, some ping builds) stop gaining privileges' },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const v = c.sc('allowPrivilegeEscalation');
      if (isTrue(v)) report({ messageId: 'enabled', data: { container: c.label }, at: v!.value, fix: disableEscalation(c, 'unsafe') });
    }
  },
});
