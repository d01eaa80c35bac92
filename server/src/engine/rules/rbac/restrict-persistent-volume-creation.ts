import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-persistent-volume-creation',
  title: 'Roles do not create PersistentVolumes',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB20'],
  equivalents: { kubescape: ['C-0278'] },
  messages: {
    create: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Let a StorageClass provision volumes instead.',
  },
  messageFor: { RB20: 'create' },
  docs: {
    summary: 'Creating PersistentVolumes lets a subject define `hostPath` (or `local`) volumes that a pod then '
      + 'claims, reaching the node\'s filesystem without the pod spec showing it. A Role cannot grant it '
      + '(PersistentVolumes are not namespaced).',
    remediation: 'Provision volumes dynamically through a StorageClass and grant PersistentVolume creation to no one but the provisioner.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: provisioner
rules:
- apiGroups: [""]
  resources: ["persistentvolumes"]
  verbs: ["create", "delete"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
rules:
- apiGroups: [""]
  resources: ["persistentvolumes"]
  verbs: ["create"]
`,
  },
});
