// kube-linter (stackrox/kube-linter, pkg/builtinchecks/yamls and pkg/templates): for each kept or
// added mapping, a manifest the check fails and one it passes, written from its template.
import { binding, deployment, doc, Pair, PODS, role } from './manifests';

export const KUBE_LINTER_PAIRS: Record<string, Pair> = {
  'kubeLinter:use-namespace:disallow-default-namespace': { fail: deployment(), pass: deployment({ namespace: 'shop' }) },
  'kubeLinter:access-to-secrets:restrict-secret-read-access': {
    fail: doc(binding('RoleBinding', 'Role', 'secrets'), role('Role', 'secrets', '{apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"]}')),
    pass: doc(binding('RoleBinding', 'Role', 'secrets'), role('Role', 'secrets', PODS)),
  },
  'kubeLinter:access-to-create-pods:restrict-workload-creation': {
    fail: doc(binding('RoleBinding', 'Role', 'deployer'), role('Role', 'deployer', '{apiGroups: [""], resources: ["pods"], verbs: ["create"]}')),
    pass: doc(binding('RoleBinding', 'Role', 'deployer'), role('Role', 'deployer', PODS)),
  },
};
