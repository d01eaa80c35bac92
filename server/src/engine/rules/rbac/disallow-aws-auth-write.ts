import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

// Only an explicit resourceNames entry is this rule's: writes to every ConfigMap are reported once,
// by restrict-configmap-write.
export default grantRule({
  id: 'disallow-aws-auth-write',
  title: 'Roles do not write the EKS aws-auth ConfigMap',
  severity: 'error',
  covers: ['RB24'],
  equivalents: { trivy: ['KSV115'] },
  messages: {
    awsAuth: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Remove the grant; '
      + 'manage aws-auth (or EKS access entries) from the cluster\'s provisioning instead.',
  },
  messageFor: { RB24: 'awsAuth' },
  docs: {
    summary: 'Writing the `aws-auth` ConfigMap, named in `resourceNames`, maps AWS IAM identities to Kubernetes '
      + 'users and groups on EKS, `system:masters` included. Writes to every ConfigMap are reported by '
      + 'restrict-configmap-write.',
    remediation: 'Remove the grant; manage `aws-auth` (or EKS access entries) from the infrastructure code that provisions the cluster.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: aws-auth-editor
  namespace: kube-system
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  resourceNames: ["aws-auth"]
  verbs: ["get", "patch"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: aws-auth-reader
  namespace: kube-system
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  resourceNames: ["aws-auth"]
  verbs: ["get"]
`,
  },
});
