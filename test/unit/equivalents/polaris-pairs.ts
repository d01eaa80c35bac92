// Polaris (FairwindsOps/polaris, pkg/config/checks/*.yaml): for each kept or added mapping, a
// manifest the check fails and one it passes, written from its JSON schema (test/fixtures/peers).
import { binding, doc, EXEC, FULL, Pair, PODS, role } from './manifests';

export const POLARIS_PAIRS: Record<string, Pair> = {
  'polaris:clusterrolebindingClusterAdmin:disallow-cluster-admin-binding': { fail: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('ClusterRoleBinding', 'ClusterRole', 'view') },
  'polaris:clusterrolebindingClusterAdmin:disallow-full-wildcard-rules': {
    fail: doc(binding('ClusterRoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', FULL)),
    pass: doc(binding('ClusterRoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', PODS)),
  },
  'polaris:rolebindingClusterAdminClusterRole:disallow-cluster-admin-binding': { fail: binding('RoleBinding', 'ClusterRole', 'cluster-admin'), pass: binding('RoleBinding', 'ClusterRole', 'view') },
  'polaris:rolebindingClusterAdminClusterRole:disallow-full-wildcard-rules': {
    fail: doc(binding('RoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', FULL)),
    pass: doc(binding('RoleBinding', 'ClusterRole', 'ops'), role('ClusterRole', 'ops', PODS)),
  },
  'polaris:rolebindingClusterAdminRole:disallow-full-wildcard-rules': {
    fail: doc(binding('RoleBinding', 'Role', 'ops'), role('Role', 'ops', FULL)),
    pass: doc(binding('RoleBinding', 'Role', 'ops'), role('Role', 'ops', PODS)),
  },
  'polaris:clusterrolebindingPodExecAttach:restrict-pod-exec-attach-port-forward': {
    fail: doc(binding('ClusterRoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', EXEC)),
    pass: doc(binding('ClusterRoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', PODS)),
  },
  'polaris:rolebindingClusterRolePodExecAttach:restrict-pod-exec-attach-port-forward': {
    fail: doc(binding('RoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', EXEC)),
    pass: doc(binding('RoleBinding', 'ClusterRole', 'debug'), role('ClusterRole', 'debug', PODS)),
  },
  'polaris:rolebindingRolePodExecAttach:restrict-pod-exec-attach-port-forward': {
    fail: doc(binding('RoleBinding', 'Role', 'debug'), role('Role', 'debug', EXEC)),
    pass: doc(binding('RoleBinding', 'Role', 'debug'), role('Role', 'debug', PODS)),
  },
  'polaris:clusterrolePodExecAttach:restrict-pod-exec-attach-port-forward': { fail: role('ClusterRole', 'debug', EXEC), pass: role('ClusterRole', 'debug', PODS) },
  'polaris:rolePodExecAttach:restrict-pod-exec-attach-port-forward': { fail: role('Role', 'debug', EXEC), pass: role('Role', 'debug', PODS) },
};
