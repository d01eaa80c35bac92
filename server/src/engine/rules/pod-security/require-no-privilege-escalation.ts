import { isNullScalar } from '../../fix/nodes';
import { disableEscalation } from '../../fix/workload';
import { isFalse, isTrue } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'require-no-privilege-escalation',
  title: 'Containers must disable privilege escalation',
  category: 'pod-security',
  severity: 'warning',
  pss: { level: 'restricted', check: 'allowPrivilegeEscalation', since: 8 },
  covers: ['R02', 'R02b'],
  equivalents: {
    pss: ['allowPrivilegeEscalation'], checkov: ['CKV_K8S_20'], trivy: ['KSV001'], kubescape: ['C-0016'],
    polaris: ['privilegeEscalationAllowed'],
  },
  overrides: ['disallow-privilege-escalation'],
  messages: {
    enabled: '{{container}} sets allowPrivilegeEscalation: true: set it to false.',
    notFalse: '{{container}} does not disable privilege escalation: set securityContext.allowPrivilegeEscalation: false.',
  },
  docs: {
    summary: 'Unless allowPrivilegeEscalation is explicitly false, a process in the container can gain privileges '
      + 'through setuid/setgid binaries or file capabilities, because the kernel\'s no_new_privs flag is not '
      + 'set. The field defaults to true, so the restricted level requires every container to set it to '
      + 'false.',
    remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container, init and ephemeral '
      + 'containers included (the field exists only at container level).',
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
      allowPrivilegeEscalation: false
`,
  },
  fix: {
    safety: 'safe',
    risk: 'setuid programs (sudo, su, some ping builds) stop gaining privileges',
    safeBecause: 'Adding `allowPrivilegeEscalation: false` to a container that does not state the field only sets the '
      + 'kernel\'s no_new_privs flag: setuid/setgid binaries and file capabilities can no longer raise a '
      + 'process\'s privileges. Nearly every image runs without relying on that (runc and Docker\'s hardening '
      + 'guides recommend the flag for all containers). The safe fix is offered only where the field is '
      + 'unset; it is not offered at all on a privileged container or one that adds CAP_SYS_ADMIN (the API '
      + 'server rejects the combination), and an explicit `allowPrivilegeEscalation: true` is turned off only '
      + 'by an unsafe fix, because the author asked for it.',
  },
  checkPod({ pod, policy, report }) {
    // From 1.25 the admission plugin skips Windows pods (the field means nothing there); an
    // explicit true is still what disallow-privilege-escalation, which this rule replaces, reports.
    const exempt = atLeast(policy, 25) && pod.isWindows;
    for (const c of pod.containers) {
      const v = c.sc('allowPrivilegeEscalation');
      const data = { container: c.label };
      if (isTrue(v)) report({ messageId: 'enabled', data, at: v!.value, covers: exempt ? ['R02b'] : ['R02', 'R02b'], severity: 'error', fix: disableEscalation(c, 'unsafe') });
      else if (!exempt && !isFalse(v)) {
        report({ messageId: 'notFalse', data, at: v?.value ?? c.anchor('securityContext', 'allowPrivilegeEscalation'), covers: ['R02'], fix: disableEscalation(c, v === undefined || isNullScalar(v.value) ? 'safe' : 'unsafe') });
      }
    }
  },
});
