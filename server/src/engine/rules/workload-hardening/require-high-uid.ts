import { HIGHEST_LOW_ID } from '../../model/high-ids';
import { defineRule } from '../../rule';
import { lowIdReports } from '../low-ids';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'require-high-uid',
  title: 'Containers should run with a UID above 10000',
  category: 'workload-hardening',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['H09'],
  equivalents: { checkov: ['CKV_K8S_40'], trivy: ['KSV020'], kubesec: ['RunAsUser'] },
  messages: {
    podLow: 'The pod securityContext sets runAsUser: {{value}}, a UID host accounts use: set a UID above 10000 (for example 65532).',
    containerLow: '{{container}} sets runAsUser: {{value}}, a UID host accounts use: set a UID above 10000 (for example 65532).',
    unset: '{{container}} sets no runAsUser, so the image\'s user ({{imageId}}) applies: set securityContext.runAsUser above 10000 (for example 65532).',
  },
  defaultReason: 'Info and opt-in: a low non-root UID is a hardening gap, not something a reviewer blocks, and most images pick their own UID.',
  docs: {
    summary: `UIDs up to ${HIGHEST_LOW_ID} belong to system accounts and the first users of a typical host: a `
      + `container process with such a UID owns their files through a hostPath mount or after an escape. The `
      + `boundary: ${HIGHEST_LOW_ID} itself fails (Trivy KSV020 and kubesec want more than ${HIGHEST_LOW_ID}, `
      + `Checkov CKV_K8S_40 accepts it), so a UID that passes here passes all three. Pods with \`hostUsers: `
      + `false\` pass (user namespaces map every UID outside the host's user table), Windows pods are skipped `
      + `(the field does not apply). At the restricted level an explicit \`runAsUser: 0\` is left to `
      + `disallow-root-user, which already reports that node.`,
    remediation: 'Set `securityContext.runAsUser` (pod or container) above 10000, for example 65532 (the `nonroot` '
      + 'user of distroless images), and make sure the image\'s files are readable by that UID. Or run the '
      + 'pod in its own user namespace with `hostUsers: false`.',
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
    securityContext:
      runAsUser: 0
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  securityContext:
    runAsUser: 1000
  containers:
  - name: app
    image: nginx:1.27
`,
  },
  fix: null, // which UID the image can run as is the user's choice: a suggestion only
  checkPod({ pod, policy, report }) {
    lowIdReports(pod, 'runAsUser', policy.level === 'restricted').forEach(report);
  },
});
