import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can set the load-balancer address of a Service and intercept traffic (CVE-2020-8554). Grant it only to the load-balancer controller.';

ruleTester('disallow-service-status-write', {
  valid: [
    {
      name: 'reading the status, writing the Service',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: svc
        rules:
        - apiGroups: [""]
          resources: ["services/status"]
          verbs: ["get"]
        - apiGroups: [""]
          resources: ["services"]
          verbs: ["patch"]
      `,
    },
  ],
  invalid: [
    {
      name: 'patch on services/status, and update through "*/status"',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: lb
        rules:
        - apiGroups: [""]
          resources: ["services/status"]
          verbs: ["patch"]
        - apiGroups: ["*"]
          resources: ["*/status"]
          verbs: ["update"]
      `,
      errors: [
        { messageId: 'status', line: 7, column: 15, endLine: 7, endColumn: 32, severity: 'warning', covers: ['RB21'], message: `ClusterRole "lb" grants "patch" on "services/status" in every namespace: ${END}` },
        { messageId: 'status', line: 10, column: 15, endLine: 10, endColumn: 25, message: `ClusterRole "lb" grants "update" on "*/status" in every namespace: ${END}` },
      ],
    },
  ],
});
