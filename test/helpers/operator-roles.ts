// Roles operators ship for leader election, as their scaffolds write them: the RBAC rules that
// would report a ConfigMap, Endpoints or delete grant leave these alone.
import { yaml } from './manifest';

/** The kubebuilder scaffold's leader-election Role: ConfigMap and Lease locks, events. */
export const LEADER_ELECTION = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: manager-role
    namespace: widget-system
  rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
  - apiGroups: ["coordination.k8s.io"]
    resources: ["leases"]
    verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
  - apiGroups: [""]
    resources: ["events"]
    verbs: ["create", "patch"]
`;
/** The ConfigMap and Endpoints locks of older client libraries, in a Role named for them. */
export const ENDPOINTS_LOCK = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata:
    name: operator-leader-election
    namespace: ops
  rules:
  - apiGroups: [""]
    resources: ["endpoints", "configmaps"]
    verbs: ["get", "create", "update"]
`;
