import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const END = 'any subject bound to it can create PersistentVolumes that expose host paths. Let a StorageClass provision volumes instead.';

ruleTester('restrict-persistent-volume-creation', {
  valid: [
    {
      name: 'claims, not volumes',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: claims
        rules:
        - apiGroups: [""]
          resources: ["persistentvolumeclaims"]
          verbs: ["create"]
        - apiGroups: [""]
          resources: ["persistentvolumes"]
          verbs: ["get", "list"]
      `,
    },
    {
      name: 'a Role cannot create PersistentVolumes (they are not namespaced)',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: r
        rules:
        - apiGroups: [""]
          resources: ["persistentvolumes"]
          verbs: ["create"]
      `,
    },
  ],
  invalid: [
    {
      name: 'create on persistentvolumes',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: provisioner
        rules:
        - apiGroups: [""]
          resources: ["persistentvolumes"]
          verbs: ["create", "delete"]
      `,
      errors: [{
        messageId: 'create', line: 7, column: 15, endLine: 7, endColumn: 34, severity: 'warning', covers: ['RB20'],
        message: `ClusterRole "provisioner" grants "create" on "persistentvolumes": ${END}`,
      }],
    },
  ],
});
