import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester('restrict-pod-exec-attach-port-forward', {
  valid: [
    {
      name: 'pods itself does not grant its subresources, nor does "pods/*"',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: pod-reader
        rules:
        - apiGroups: [""]
          resources: ["pods", "pods/log", "pods/*"]
          verbs: ["get", "list", "create"]
      `,
    },
    {
      name: 'verbs that open no stream',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: r
        rules:
        - apiGroups: [""]
          resources: ["pods/exec"]
          verbs: ["list", "watch"]
      `,
    },
    {
      name: 'pods/exec named to a pod in resourceNames',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: r
        rules:
        - apiGroups: [""]
          resources: ["pods/exec"]
          resourceNames: ["debug-shell"]
          verbs: ["create"]
      `,
    },
  ],
  invalid: [
    {
      name: 'exec, attach and port-forward in one ClusterRole rule',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: debugger
        rules:
        - apiGroups: [""]
          resources: ["pods/exec", "pods/attach", "pods/portforward"]
          verbs: ["create"]
      `,
      errors: [
        {
          messageId: 'exec', line: 7, column: 15, endLine: 7, endColumn: 26, severity: 'error', covers: ['RB06'],
          message: 'ClusterRole "debugger" grants "create" on "pods/exec" in every namespace: any subject bound to it can run commands in any pod, with its service account token and Secrets. Keep exec out of everyday roles; grant it through a separate, audited break-glass role.',
        },
        {
          messageId: 'attach', line: 7, column: 28, endLine: 7, endColumn: 41, severity: 'error', covers: ['RB07'],
          message: 'ClusterRole "debugger" grants "create" on "pods/attach" in every namespace: any subject bound to it can attach to the processes of any running container. Keep attach out of everyday roles; grant it through a separate, audited break-glass role.',
        },
        {
          messageId: 'portforward', line: 7, column: 43, endLine: 7, endColumn: 61, severity: 'warning', covers: ['RB08'],
          message: 'ClusterRole "debugger" grants "create" on "pods/portforward" in every namespace: any subject bound to it can connect to the ports of any pod, around Services and NetworkPolicies. Keep port-forward out of everyday roles; grant it through a separate, audited role.',
        },
      ],
    },
    {
      name: 'WebSocket clients exec with get; "*/exec" names the subresource of any resource',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: shell
          namespace: dev
        rules:
        - apiGroups:
          - ""
          resources:
          - "*/exec"
          verbs:
          - get
      `,
      errors: [{
        messageId: 'exec', line: 10, column: 5, endLine: 10, endColumn: 13, covers: ['RB06'],
        message: 'Role "shell" grants "get" on "*/exec" in namespace "dev": any subject bound to it can run commands in any pod, with its service account token and Secrets. Keep exec out of everyday roles; grant it through a separate, audited break-glass role.',
      }],
    },
  ],
});
