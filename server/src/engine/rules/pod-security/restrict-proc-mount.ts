import { removeFromContainer, setInContainer } from '../../fix/workload';
import { str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'restrict-proc-mount',
  title: 'Containers must keep the default masked /proc, even in a user namespace',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'restricted', check: 'procMount_restricted', since: 35 },
  covers: ['R08', 'B11'],
  equivalents: { pss: ['procMount_restricted'] },
  overrides: ['disallow-unmasked-proc-mount'],
  messages: {
    unmasked: '{{container}} sets procMount: {{value}}: remove it or set it to Default.',
  },
  docs: {
    summary: 'procMount: Unmasked gives the container a /proc without the masks and read-only paths the runtime '
      + 'normally applies (/proc/kcore, /proc/sys, /proc/sysrq-trigger, ...), exposing kernel memory and '
      + 'knobs of the node. From policy 1.35 the baseline level allows it in pods with their own user '
      + 'namespace (hostUsers: false); the restricted level never does.',
    remediation: 'Remove `securityContext.procMount` or set it to `Default`. Nested container builds that need an '
      + 'unmasked /proc belong in a dedicated namespace with a less strict policy.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      procMount: Unmasked
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
      procMount: Default
`,
  },
  fix: { safety: 'unsafe', risk: 'may stop nested container runtimes that need an unmasked /proc' },
  checkPod({ pod, report }) {
    // The baseline check (which this rule replaces) lets user-namespaced pods through, so only
    // host-user pods' findings are also baseline findings.
    const covers = pod.usesUserNamespace ? ['R08'] : ['R08', 'B11'];
    for (const c of pod.containers) {
      const v = c.sc('procMount');
      const value = str(v);
      if (value !== undefined && value !== 'Default') {
        // Default is written where the value stands; a Windows pod may not set procMount at all.
        const fix = pod.isWindows
          ? removeFromContainer(c, 'procMount', 'Windows pods cannot set it')
          : setInContainer(c, ['securityContext', 'procMount'], 'Default');
        report({ messageId: 'unmasked', data: { container: c.label, value }, at: v!.value, covers, fix });
      }
    }
  },
});
