import { getSeq, num, seqItems } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-root-group',
  title: 'Containers must not run with the root group',
  category: 'workload-hardening',
  severity: 'warning',
  pss: null,
  covers: ['H11'],
  equivalents: { kubeLinter: ['run-as-non-root'], trivy: ['KSV116'], kubescape: ['C-0013'] },
  messages: {
    runAsGroup: '{{where}} sets runAsGroup: 0 (root group): set a non-zero group ID.',
    supplementalGroups: 'The pod securityContext adds group 0 (root) to supplementalGroups: remove it.',
    fsGroup: 'The pod securityContext sets fsGroup: 0 (root): set a non-zero group ID.',
  },
  docs: {
    summary: 'Group 0 owns much of a typical root filesystem and many host files: a process in the root group can '
      + 'read and often write them, even as a non-root user, and runAsNonRoot does not look at groups. '
      + 'Reported for explicit 0 values only (runAsGroup at pod or container level, supplementalGroups, '
      + 'fsGroup); an unset runAsGroup falls back to the image\'s group, which the advisory low-GID row '
      + 'covers. Pods with `hostUsers: false` are skipped (group 0 maps to an unprivileged host group), as '
      + 'are Windows pods (the fields do not apply). On by default.',
    remediation: 'Set `runAsGroup` and `fsGroup` to a dedicated non-zero group (for example 10001) and remove 0 from `supplementalGroups`.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsGroup: 0
    supplementalGroups: [10002, 0]
    fsGroup: 0
  containers:
  - name: app
    image: nginx:1.27
  - name: side
    image: busybox:1.36
    securityContext:
      runAsGroup: 0
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsGroup: 0
    fsGroup: 10001
    supplementalGroups: [10002]
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsGroup: 10001
`,
  },
  fix: null, // which group owns the files is the image's business
  checkPod({ pod, report }) {
    if (pod.usesUserNamespace || pod.isWindows) return;
    const podGroup = pod.sc('runAsGroup');
    // The pod value matters only if some container inherits it.
    if (num(podGroup) === 0 && pod.containers.some(c => c.sc('runAsGroup') === undefined)) {
      report({ messageId: 'runAsGroup', data: { where: 'The pod securityContext' }, at: podGroup!.value });
    }
    for (const item of seqItems(getSeq(pod.securityContext, 'supplementalGroups', pod.doc), pod.doc)) {
      if (num(item) === 0) report({ messageId: 'supplementalGroups', at: item.value });
    }
    const fsGroup = pod.sc('fsGroup');
    if (num(fsGroup) === 0) report({ messageId: 'fsGroup', at: fsGroup!.value });
    for (const c of pod.containers) {
      const g = c.sc('runAsGroup');
      if (num(g) === 0) report({ messageId: 'runAsGroup', data: { where: c.label }, at: g!.value });
    }
  },
});
