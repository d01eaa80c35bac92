import { OWASP_K03 } from '../references';
import { grantRule, RBAC_DOC, RBAC_GOOD_PRACTICES } from '../rbac-common';

export default grantRule({
  id: 'restrict-admission-webhook-write',
  title: 'Roles do not change admission webhooks',
  severity: 'error',
  covers: ['RB17'],
  equivalents: { checkov: ['CKV_K8S_155'], trivy: ['KSV114'], kubescape: ['C-0281'] },
  messages: {
    webhook: '{{kind}} "{{name}}" grants {{grant}}{{scope}}: any subject bound to it {{impact}}. Grant it only to '
      + 'the controller that owns the webhook, naming it in resourceNames.',
  },
  messageFor: { RB17: 'webhook' },
  docs: {
    summary: 'Writing MutatingWebhookConfigurations or ValidatingWebhookConfigurations lets a subject send every '
      + 'admitted object to a server of its choice (reading and rewriting them, Secrets included) or switch '
      + 'off the webhooks that enforce policy.',
    remediation: 'Grant webhook configuration writes only to the controller that owns the webhook, naming its configuration in `resourceNames`.',
    references: [RBAC_GOOD_PRACTICES, RBAC_DOC, OWASP_K03],
  },
  examples: {
    incorrect: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ingress-nginx-admission
rules:
- apiGroups: ["admissionregistration.k8s.io"]
  resources: ["validatingwebhookconfigurations"]
  resourceNames: ["ingress-nginx-admission"]
  verbs: ["get", "update"]
`,
    correct: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: wrong-group
rules:
- apiGroups: [""]
  resources: ["validatingwebhookconfigurations"]
  verbs: ["update"]
`,
  },
});
