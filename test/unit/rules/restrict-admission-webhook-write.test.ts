import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can intercept, rewrite or switch off admission control. Grant it only to the controller that owns the webhook, naming it in resourceNames.';

ruleTester('restrict-admission-webhook-write', {
  valid: [
    {
      name: 'reading webhook configurations',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: reader
        rules:
        - apiGroups: ["admissionregistration.k8s.io"]
          resources: ["mutatingwebhookconfigurations", "validatingwebhookconfigurations"]
          verbs: ["get", "list", "watch"]
      `,
    },
    {
      name: 'the right resource in the wrong group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: wrong-group
        rules:
        - apiGroups: [""]
          resources: ["validatingwebhookconfigurations"]
          verbs: ["update"]
      `,
    },
  ],
  invalid: [
    {
      name: 'a named webhook configuration is still reported',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: ingress-nginx-admission
        rules:
        - apiGroups: ["admissionregistration.k8s.io"]
          resources: ["validatingwebhookconfigurations"]
          resourceNames: ["ingress-nginx-admission"]
          verbs: ["get", "update"]
      `,
      errors: [{
        messageId: 'webhook', line: 7, column: 15, endLine: 7, endColumn: 48, severity: 'error', covers: ['RB17'],
        message: `ClusterRole "ingress-nginx-admission" grants "update" on "validatingwebhookconfigurations": ${END}`,
      }],
    },
  ],
});
