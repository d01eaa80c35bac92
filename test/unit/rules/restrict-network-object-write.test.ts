import { yaml } from '../../helpers/manifest';
import { ENDPOINTS_LOCK, LEADER_ELECTION } from '../../helpers/operator-roles';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can redirect, expose or unprotect network traffic. Grant it only to the controllers and pipelines that own these objects.';

ruleTester('restrict-network-object-write', {
  valid: [
    // An operator's leader-election Role (the kubebuilder scaffold; the Endpoints lock of older
    // libraries): writing its lock in its own namespace is what it is for.
    { name: 'the leader-election Role of an operator', code: LEADER_ELECTION },
    { name: 'a leader-election Role of the ConfigMap and Endpoints locks', code: ENDPOINTS_LOCK },
    {
      name: 'reading network objects; ingresses in the legacy extensions group',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: net-reader
        rules:
        - apiGroups: ["", "networking.k8s.io", "discovery.k8s.io"]
          resources: ["services", "endpoints", "endpointslices", "networkpolicies", "ingresses"]
          verbs: ["get", "list", "watch"]
        - apiGroups: ["extensions"]
          resources: ["ingresses"]
          verbs: ["update"]
      `,
    },
  ],
  invalid: [
    {
      name: 'writes on Services, EndpointSlices and NetworkPolicies',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: net-admin
          namespace: shop
        rules:
        - apiGroups: [""]
          resources: ["services"]
          verbs: ["create", "delete"]
        - apiGroups: ["networking.k8s.io", "discovery.k8s.io"]
          resources: ["networkpolicies", "endpointslices"]
          verbs: ["patch"]
      `,
      errors: [
        { messageId: 'write', line: 8, column: 15, endLine: 8, endColumn: 25, severity: 'warning', covers: ['RB22'], message: `Role "net-admin" grants "create", "delete" on "services" in namespace "shop": ${END}` },
        { messageId: 'write', line: 11, column: 15, endLine: 11, endColumn: 32, message: `Role "net-admin" grants "patch" on "networkpolicies", "endpointslices" in namespace "shop": ${END}` },
      ],
    },
  ],
});
