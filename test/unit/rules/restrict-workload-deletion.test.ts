import { yaml } from '../../helpers/manifest';
import { ENDPOINTS_LOCK, LEADER_ELECTION } from '../../helpers/operator-roles';
import { ruleTester } from '../../helpers/rule-tester';

const end = (what: string) => `any subject bound to it can delete ${what}. Grant delete only where it is needed, naming the objects in resourceNames.`;

ruleTester('restrict-workload-deletion', {
  valid: [
    // An operator's leader-election Role (the kubebuilder scaffold; the Endpoints lock of older
    // libraries): writing its lock in its own namespace is what it is for.
    { name: 'the leader-election Role of an operator', code: LEADER_ELECTION },
    { name: 'a leader-election Role of the ConfigMap and Endpoints locks', code: ENDPOINTS_LOCK },
    {
      name: 'deleting named objects only',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: cleanup
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          resourceNames: ["lock"]
          verbs: ["delete"]
      `,
    },
    {
      name: 'deleting objects outside the list',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: leases
        rules:
        - apiGroups: ["coordination.k8s.io"]
          resources: ["leases"]
          verbs: ["delete"]
      `,
    },
  ],
  invalid: [
    {
      name: 'delete and deletecollection over workloads, data and namespaces',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
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
      errors: [
        { messageId: 'delete', line: 7, column: 15, endLine: 7, endColumn: 39, severity: 'warning', covers: ['RB10'], message: `ClusterRole "janitor" grants "deletecollection", "delete" on "persistentvolumeclaims", "namespaces" in every namespace: ${end('whole namespaces with everything in them and the volumes that keep application data')}` },
        { messageId: 'delete', line: 10, column: 15, endLine: 10, endColumn: 29, message: `ClusterRole "janitor" grants "delete" on "statefulsets" in every namespace: ${end('running workloads')}` },
      ],
    },
    {
      name: 'deleting ConfigMaps and Services loses no data: the message says what it does',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: tidy
        rules:
        - apiGroups: [""]
          resources: ["configmaps", "services"]
          verbs: ["delete"]
      `,
      errors: [{
        messageId: 'delete', line: 7, column: 15, endLine: 7, endColumn: 27,
        message: `Role "tidy" grants "delete" on "configmaps", "services" in its namespace: ${end('the configuration workloads read and the Services that route traffic to workloads')}`,
      }],
    },
  ],
});
