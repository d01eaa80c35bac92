// Kubescape (kubescape/regolibrary, controls/ and rules/): for each kept or added mapping, a
// manifest the control fails and one it passes, written from its rego (test/fixtures/peers).
import { binding, deployment, doc, Pair, PODS, role } from './manifests';

export const KUBESCAPE_PAIRS: Record<string, Pair> = {
  ...Object.fromEntries(['C-0049', 'C-0054', 'C-0206'].map(id => [`kubescape:${id}:require-namespace-network-policy`, {
    fail: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
    pass: doc('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n'),
  }])),
  'kubescape:C-0004:require-memory-limit': { fail: deployment({ namespace: 'shop', limits: '{cpu: 500m}' }), pass: deployment({ namespace: 'shop', limits: '{memory: 128Mi}' }) },
  'kubescape:C-0050:require-cpu-limit': { fail: deployment({ namespace: 'shop', limits: '{memory: 128Mi}' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m}' }) },
  'kubescape:C-0009:require-cpu-limit': { fail: deployment({ namespace: 'shop' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m, memory: 128Mi}' }) },
  'kubescape:C-0009:require-memory-limit': { fail: deployment({ namespace: 'shop' }), pass: deployment({ namespace: 'shop', limits: '{cpu: 500m, memory: 128Mi}' }) },
  'kubescape:C-0053:disallow-automounted-token-with-rbac': {
    fail: doc(deployment({ namespace: 'shop', sa: 'web' }), role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader')),
    pass: doc(deployment({ namespace: 'shop', sa: 'web', automount: false }), role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader')),
  },
  'kubescape:C-0261:disallow-service-account-token-automount': { fail: deployment({ namespace: 'shop', sa: 'web' }), pass: deployment({ namespace: 'shop', sa: 'web', automount: false }) },
  'kubescape:C-0239:disallow-default-service-account-binding': {
    fail: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'default')),
    pass: doc(role('Role', 'reader', PODS), binding('RoleBinding', 'Role', 'reader', 'web')),
  },
};
