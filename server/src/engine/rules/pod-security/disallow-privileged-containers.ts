import { removeFrom, setInContainer, titleLabel } from '../../fix/workload';
import { hasBidirectionalMount } from '../../fix/constraints';
import { isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { PSS_REFERENCES } from '../references';

export default defineRule({
  id: 'disallow-privileged-containers',
  title: 'Containers must not be privileged',
  category: 'pod-security',
  severity: 'error',
  pss: { level: 'baseline', check: 'privileged', since: 0 },
  covers: ['B05'],
  equivalents: {
    pss: ['privileged'], kubeLinter: ['privileged-container'], checkov: ['CKV_K8S_16'], trivy: ['KSV017'],
    kubescape: ['C-0057'], polaris: ['runAsPrivileged'], kubesec: ['Privileged'],
  },
  messages: {
    privileged: '{{container}} is privileged: remove securityContext.privileged or set it to false.',
  },
  docs: {
    summary: 'A privileged container has every capability, sees every host device and is not confined by seccomp '
      + 'or AppArmor: it is root on the node. Both Pod Security levels forbid it.',
    remediation: 'Remove `securityContext.privileged: true` (or set it to false). Grant the single capability the workload needs instead, if any.',
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/concepts/workloads/pods/#privileged-mode-for-containers'],
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
      privileged: true
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
      privileged: false
`,
  },
  // Never safe: a CNI, CSI or device plugin is privileged because it must be (the node loses its
  // network or storage when it stops).
  fix: { safety: 'unsafe', risk: 'a CNI, CSI or device-plugin container that needs the host stops working' },
  checkPod({ pod, report }) {
    for (const c of pod.containers) {
      const v = c.sc('privileged');
      if (!isTrue(v)) continue;
      // `false` replaces `true` where it is written: the line and its comment stay, and the change
      // reads as a decision. Windows pods are the exception: the API rejects the field there at
      // all (spec.os.name: windows), so it is removed instead.
      // A Bidirectional mount is allowed only in a privileged container: no fix there (the API
      // server would reject the result), the mount must change first.
      const fix = hasBidirectionalMount(c) ? undefined : pod.isWindows && c.securityContext
        ? removeFrom(c.securityContext, 'privileged', `Remove securityContext.privileged from ${titleLabel(c)}`)
        : setInContainer(c, ['securityContext', 'privileged'], false);
      report({ messageId: 'privileged', data: { container: c.label }, at: v!.value, fix });
    }
  },
});
