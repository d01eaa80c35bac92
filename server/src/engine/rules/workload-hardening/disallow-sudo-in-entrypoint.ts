import { getSeq, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

// `sudo` as a word: the program itself, or after a shell separator in `sh -c "... && sudo x"`.
const SUDO = /(^|[\s;&|(`/])sudo(\s|$)/;

export default defineRule({
  id: 'disallow-sudo-in-entrypoint',
  title: 'Containers must not run sudo in their command or args',
  category: 'workload-hardening',
  severity: 'warning',
  pss: null,
  covers: ['H20'],
  equivalents: { kubescape: ['C-0062'] },
  messages: {
    sudo: '{{container}} runs sudo in its {{field}}: give the image the permissions it needs at build time and run without sudo.',
  },
  defaultReason: 'On by default: a reviewer asks why.',
  docs: {
    summary: 'A container that calls sudo expects to switch to root at run time: the image ships a setuid binary '
      + 'and a sudoers policy, which is exactly the escalation path allowPrivilegeEscalation: false and '
      + 'runAsNonRoot are meant to close, and a sign the workload was ported from a VM without hardening.',
    remediation: 'Remove sudo from `command`/`args`. Do privileged setup at image build time (file ownership, '
      + 'packages) or in an init container with only the capability it needs, and remove sudo from the image.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: init
    image: app:1.0
    command: [sudo, chown, app, /data]
  containers:
  - name: app
    image: app:1.0
    command: ["/bin/sh", "-c"]
    args:
    - mkdir -p /run/app && /usr/bin/sudo -u app serve
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: app:1.0
    command: [/usr/bin/pseudo-sudoku]
    args: ["--sudo-mode=off", "run sudoers-check"]
`,
  },
  fix: null, // the command must change, and only its author knows how
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      for (const field of ['command', 'args'] as const) {
        for (const item of seqItems(getSeq(c.node, field, pod.doc), pod.doc)) {
          const s = str(item);
          if (s !== undefined && SUDO.test(s)) report({ messageId: 'sudo', data: { container: c.label, field }, at: item.value });
        }
      }
    }
  },
});
