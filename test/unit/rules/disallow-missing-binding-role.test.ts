import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const RB = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: RoleBinding
  metadata:
    name: web
    namespace: shop
  roleRef:
    apiGroup: rbac.authorization.k8s.io
    kind: Role
    name: web-reader
  subjects:
  - kind: ServiceAccount
    name: web
`;

const ROLE = (ns: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: web-reader\n  namespace: ${ns}\nrules: []\n`;
const asClusterRole = (name: string) => RB.replace('kind: Role\n', 'kind: ClusterRole\n').replace('name: web-reader', `name: ${name}`);

const inNamespace = (ns: string, name: string) => RB.replace('namespace: shop', `namespace: ${ns}`).replace('name: web-reader', `name: ${name}`);

ruleTester('disallow-missing-binding-role', {
  valid: [
    // The Roles every cluster has in kube-system and kube-public (the bootstrap policy) and the ones kubeadm creates.
    { name: 'extension-apiserver-authentication-reader in kube-system', code: inNamespace('kube-system', 'extension-apiserver-authentication-reader') },
    { name: 'the bootstrap signer in kube-system', code: inNamespace('kube-system', 'system:controller:bootstrap-signer') },
    { name: 'the bootstrap signer in kube-public', code: inNamespace('kube-public', 'system:controller:bootstrap-signer') },
    { name: 'the cloud provider in kube-system', code: inNamespace('kube-system', 'system:controller:cloud-provider') },
    { name: 'the token cleaner in kube-system', code: inNamespace('kube-system', 'system:controller:token-cleaner') },
    { name: 'the scheduler lock in kube-system', code: inNamespace('kube-system', 'system::leader-locking-kube-scheduler') },
    { name: 'the controller manager lock in kube-system', code: inNamespace('kube-system', 'system::leader-locking-kube-controller-manager') },
    { name: 'kubeadm: kube-proxy in kube-system', code: inNamespace('kube-system', 'kube-proxy') },
    { name: 'the Role is in another file of the namespace', code: RB, files: { 'role.yaml': ROLE('shop') } },
    { name: 'a built-in ClusterRole', code: asClusterRole('edit') },
    { name: 'a system: ClusterRole', code: asClusterRole('system:auth-delegator') },
    { name: 'a ClusterRole of the workspace', code: asClusterRole('reader'), files: { 'cr.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n' } },
  ],
  invalid: [
    {
      name: 'no such Role; one of that name in another namespace is pointed at',
      code: RB,
      files: { 'role.yaml': ROLE('prod') },
      errors: [{
        messageId: 'missingRole', line: 9, column: 9, endLine: 9, endColumn: 19, severity: 'info', covers: ['RB32'],
        message: 'RoleBinding "web" refers to Role "web-reader", which namespace "shop" of the workspace does not define: what it grants cannot be checked, and it grants nothing until the Role exists. Add the Role or fix the name.',
        related: [{ file: 'role.yaml', line: 4, column: 9, endLine: 4, endColumn: 19, message: 'Role "web-reader" is defined in namespace "prod".' }],
      }],
    },
    {
      name: 'a ClusterRole nobody defines',
      code: asClusterRole('reader'),
      errors: [{ messageId: 'missingClusterRole', line: 9, column: 9, endLine: 9, endColumn: 15, data: { kind: 'RoleBinding', name: 'web', role: 'reader', namespace: 'shop' } }],
    },
    {
      name: 'a bootstrap Role exists only in its own namespace',
      code: inNamespace('shop', 'extension-apiserver-authentication-reader'),
      errors: [{ messageId: 'missingRole', line: 9, column: 9, endLine: 9, endColumn: 50, data: { kind: 'RoleBinding', name: 'web', role: 'extension-apiserver-authentication-reader', namespace: 'shop' } }],
    },
  ],
});
