import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-configmap-write',
  title: 'Roles do not write every ConfigMap',
  severity: 'warning',
  level: 'restricted',
  covers: ['RB23'],
  equivalents: { trivy: ['KSV049'], kubescape: ['C-0037'] },
  messages: {
    write: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Name the ConfigMaps it writes in resourceNames.',
  },
  messageFor: { RB23: 'write' },
  docs: {
    summary: 'Writing ConfigMaps without `resourceNames` changes configuration that workloads and cluster add-ons '
      + 'trust: CoreDNS\'s `coredns`, EKS\'s `aws-auth`, application settings. A rule that names its '
      + 'ConfigMaps is not reported (aws-auth by name is, by disallow-aws-auth-write).',
    remediation: 'Name the ConfigMaps the subject writes in `resourceNames`.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cm-writer
rules:
- apiGroups:
  - ""
  resources:
  - configmaps
  verbs:
  - create
  - update
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: leader-election
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  resourceNames: ["my-operator-lock", "aws-auth"]
  verbs: ["update", "patch"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch"]
`,
  },
});
