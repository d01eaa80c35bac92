import { setInContainer } from '../../fix/workload';
import { str } from '../../model/yaml-nav';
import { atLeast } from '../../policy';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-unmasked-proc-mount',
  title: 'Containers must keep the default masked /proc',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'procMount', since: 0 },
  covers: ['B11'],
  equivalents: {
    pss: ['procMount'], kubeLinter: ['unsafe-proc-mount'], trivy: ['KSV027'], kubescape: ['C-0211'], polaris: ['procMount'],
  },
  messages: {
    procMount: '{{container}} sets procMount "{{value}}": remove securityContext.procMount or set it to Default.',
  },
  docs: {
    summary: 'By default the container runtime masks and makes read-only the parts of /proc that expose or control '
      + 'the host kernel (/proc/kcore, /proc/sys, /proc/sysrq-trigger, ...). `procMount: Unmasked` removes '
      + 'those masks. The baseline level forbids it, except (policy 1.35+) in pods with `hostUsers: false`, '
      + 'where the user namespace keeps the container from acting on the host; the restricted level forbids '
      + 'it always.',
    remediation: 'Remove `securityContext.procMount` or set it to `Default`. Nested container runtimes that need an '
      + 'unmasked /proc should run in a user namespace (`hostUsers: false`).',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: b
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      procMount: "Unmasked"  # nested builds
      runAsNonRoot: true
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: b
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      procMount: "Default"  # nested builds
      runAsNonRoot: true
`,
  },
  // Default where the value is written (the API default, explicit): a nested container runtime
  // that needed the unmasked /proc stops working.
  fix: { safety: 'unsafe', risk: 'may stop nested container runtimes that need an unmasked /proc' },
  checkPod({ pod, policy, report }) {
    // From 1.35 the baseline check trusts a user namespace (procMount_restricted does not).
    if (atLeast(policy, 35) && pod.usesUserNamespace) return;
    for (const c of pod.containers) {
      const v = c.sc('procMount');
      const value = str(v);
      // Any set value other than Default fails, even one the API would not know.
      if (v && value !== 'Default') {
        report({ messageId: 'procMount', data: { container: c.label, value: value ?? '' }, at: v.value, fix: setInContainer(c, ['securityContext', 'procMount'], 'Default') });
      }
    }
  },
});
