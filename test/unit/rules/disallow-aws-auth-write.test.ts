import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can map cloud identities to Kubernetes users and groups, system:masters included. Remove the grant; manage aws-auth (or EKS access entries) from the cluster\'s provisioning instead.';

ruleTester('disallow-aws-auth-write', {
  valid: [
    {
      name: 'reading aws-auth',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
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
    {
      name: 'writes to every ConfigMap are restrict-configmap-write\'s',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: cm
          namespace: kube-system
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          verbs: ["update"]
      `,
    },
  ],
  invalid: [
    {
      name: 'patch on aws-auth by name',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
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
      errors: [{
        messageId: 'awsAuth', line: 8, column: 15, endLine: 8, endColumn: 27, severity: 'error', covers: ['RB24'],
        message: `Role "aws-auth-editor" grants "patch" on "configmaps" in namespace "kube-system": ${END}`,
      }],
    },
  ],
});
