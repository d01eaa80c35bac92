import { HIGHEST_LOW_ID } from '../../model/high-ids';
import { defineRule } from '../../rule';
import { lowIdReports } from '../low-ids';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'require-high-gid',
  title: 'Containers should run with a GID above 10000',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H10'],
  equivalents: { trivy: ['KSV021'], kubesec: ['RunAsGroup'] },
  messages: {
    podLow: 'The pod securityContext sets runAsGroup: {{value}}, a GID host groups use: set a GID above 10000 (for example 65532).',
    containerLow: '{{container}} sets runAsGroup: {{value}}, a GID host groups use: set a GID above 10000 (for example 65532).',
    unset: '{{container}} sets no runAsGroup, so the image\'s group ({{imageId}}) applies: set securityContext.runAsGroup above 10000 (for example 65532).',
  },
  defaultReason: 'Info and opt-in: a low non-root GID is a hardening gap, not something a reviewer blocks.',
  docs: {
    summary: `GIDs up to ${HIGHEST_LOW_ID} belong to system groups of a typical host (disk, docker, adm, ...): a `
      + `container process in such a group can use their files through a hostPath mount or after an escape. `
      + `The boundary: ${HIGHEST_LOW_ID} itself fails, as in Trivy KSV021 and kubesec (more than `
      + `${HIGHEST_LOW_ID} passes). Pods with \`hostUsers: false\` pass (user namespaces map every GID `
      + `outside the host's groups), Windows pods are skipped (the field does not apply). An explicit `
      + `\`runAsGroup: 0\` is left to disallow-root-group, which reports that node at every level.`,
    remediation: 'Set `securityContext.runAsGroup` (pod or container) above 10000, for example 65532 (the `nonroot` '
      + 'group of distroless images). Or run the pod in its own user namespace with `hostUsers: false`.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsGroup: 10000
  containers:
  - name: app
    image: nginx:1.27
    securityContext:
      runAsGroup: 1000
  ephemeralContainers:
  - name: debug
    image: busybox:1.36
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: job
            image: busybox:1.36
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsGroup: 0
  containers:
  - name: app
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: q
spec:
  hostUsers: false
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  fix: null, // which GID owns the image's files is the user's choice: a suggestion only
  checkPod({ pod, report }) {
    lowIdReports(pod, 'runAsGroup', true).forEach(report);
  },
});
