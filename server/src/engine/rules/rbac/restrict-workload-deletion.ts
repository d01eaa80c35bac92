import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-workload-deletion',
  title: 'Roles do not delete workloads and their data',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB10'],
  equivalents: { trivy: ['KSV048'], kubescape: ['C-0007'] },
  messages: {
    delete: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Grant delete only '
      + 'where it is needed, naming the objects in resourceNames.',
  },
  messageFor: { RB10: 'delete' },
  docs: {
    summary: '`delete` or `deletecollection` on workloads, pods, Services, Secrets, ConfigMaps, '
      + 'PersistentVolumeClaims, PersistentVolumes or Namespaces lets a subject take applications down and '
      + 'destroy their data.',
    remediation: 'Grant delete only to the controllers and pipelines that own the objects, naming them in `resourceNames` where possible.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: janitor
rules:
- apiGroups: [""]
  resources: ["persistentvolumeclaims", "namespaces"]
  verbs: ["deletecollection", "delete"]
- apiGroups: ["apps"]
  resources: ["statefulsets"]
  verbs: ["delete"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: leases
rules:
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["delete"]
`,
  },
});
