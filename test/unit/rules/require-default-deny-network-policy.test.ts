import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const SHOP = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
    labels:
      team: checkout
`;

const np = (name: string, spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n${spec}`;

const DENY_INGRESS = np('default-deny-ingress', '  podSelector: {}\n  policyTypes: [Ingress]\n');
const DENY_EGRESS = np('default-deny-egress', '  podSelector: {}\n  policyTypes: [Egress]\n');

/** The policy the suggestion creates: the directions missing, in the namespace. */
function deny(name: string, types: string[]): string {
  const what = types.length === 2 ? 'all traffic to and from' : types[0] === 'Ingress' ? 'all traffic to' : 'all traffic from';
  const then = types.includes('Egress') ? 'allowing what they use, DNS (kube-dns in kube-system) included.' : 'allowing the connections they accept.';
  return `# Denies ${what} every pod in namespace "shop". Pods then need policies\n# ${then}\n`
    + `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n${types.map(t => `    - ${t}\n`).join('')}`;
}

function suggestion(name: string, types: string[], directions: string) {
  return { title: `Create a default-deny NetworkPolicy (${directions}) for namespace "shop"`, output: `${SHOP}---\n${deny(name, types)}`, newFile: { name: `shop-${name}.yaml`, text: deny(name, types) } };
}

ruleTester('require-default-deny-network-policy', {
  valid: [
    {
      name: 'one policy denies both directions',
      code: `${SHOP}---\n${np('default-deny', '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n')}`,
    },
    {
      name: 'two policies in other files share the work, as in the Kubernetes docs',
      code: SHOP,
      files: { 'deny-ingress.yaml': DENY_INGRESS, 'deny-egress.yaml': DENY_EGRESS },
    },
    {
      name: 'a namespace-wide policy whose allow rules all name ports (DNS egress) still denies by default',
      code: SHOP,
      files: {
        'deny.yaml': np('deny-but-dns', yaml`
          podSelector: {}
          policyTypes: [Ingress, Egress]
          egress:
          - to:
            - namespaceSelector: {}
            ports:
            - {protocol: UDP, port: 53}
            - {protocol: TCP, port: 53}
        `.replace(/^/gm, '  ')),
      },
    },
    {
      name: 'Cilium\'s empty rules deny both ways',
      code: SHOP,
      files: { 'cnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  endpointSelector: {}\n  ingress:\n  - {}\n  egress:\n  - {}\n' },
    },
    {
      name: 'a Calico policy for all() in the namespace',
      code: SHOP,
      files: { 'calico.yaml': 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  selector: all()\n  types: [Ingress, Egress]\n' },
    },
    {
      name: 'a Calico GlobalNetworkPolicy for the namespaces of the team, by their labels',
      code: SHOP,
      files: { 'gnp.yaml': "apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: deny\nspec:\n  namespaceSelector: team == 'checkout'\n  selector: all()\n  types: [Ingress, Egress]\n" },
    },
    {
      name: 'a namespace whose workloads all run on the host network (a CNI plugin\'s): policies would not apply',
      code: `${SHOP}---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: cni\n  namespace: shop\nspec:\n  selector: {matchLabels: {app: cni}}\n  template:\n    metadata: {labels: {app: cni}}\n    spec:\n      hostNetwork: true\n      containers:\n      - {name: cni, image: cni:1.0}\n`,
    },
    { name: 'a kustomize patch', code: SHOP, files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- base.yaml\npatchesStrategicMerge:\n- case.yaml\n' } },
    {
      name: 'the cluster\'s own namespaces are not checked',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-node-lease\n',
    },
  ],
  invalid: [
    {
      name: 'one workload of the namespace is not on the host network: the namespace needs its policy',
      code: SHOP,
      files: {
        'cni.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cni\n  namespace: shop\nspec:\n  hostNetwork: true\n  containers:\n  - {name: cni, image: cni:1.0}\n',
        'ui.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ui\n  namespace: shop\nspec:\n  containers:\n  - {name: ui, image: ui:1.0}\n',
      },
      errors: [{ messageId: 'noPolicy', line: 4, column: 9, endLine: 4, endColumn: 13, suggestions: [suggestion('default-deny', ['Ingress', 'Egress'], 'ingress and egress')] }],
    },
    {
      name: 'no policy at all (what require-namespace-network-policy reports at baseline)',
      code: SHOP,
      errors: [{ messageId: 'noPolicy', line: 4, column: 9, endLine: 4, endColumn: 13, covers: ['NET02', 'NET03', 'NET16'], suggestions: [suggestion('default-deny', ['Ingress', 'Egress'], 'ingress and egress')] }],
    },
    {
      name: 'only ingress is denied: the egress policy is offered',
      code: SHOP,
      files: { 'deny-ingress.yaml': DENY_INGRESS },
      errors: [{
        messageId: 'noDefaultDeny', line: 4, column: 9, endLine: 4, endColumn: 13, covers: ['NET03', 'NET16'],
        data: { namespace: 'shop', directions: 'egress', types: 'Egress' },
        related: [{ file: 'deny-ingress.yaml', line: 4, column: 9, endLine: 4, endColumn: 29, message: 'NetworkPolicy "default-deny-ingress" selects every pod but does not list Egress in its policy types.' }],
        suggestions: [suggestion('default-deny-egress', ['Egress'], 'egress')],
      }],
    },
    {
      name: 'a namespace-wide allow rule on every port is no default-deny for that direction',
      code: SHOP,
      files: { 'open.yaml': np('allow-egress', '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress:\n  - to:\n    - namespaceSelector: {}\n') },
      errors: [{
        messageId: 'noDefaultDeny', line: 4, column: 9, endLine: 4, endColumn: 13,
        related: [{ file: 'open.yaml', line: 4, column: 9, endLine: 4, endColumn: 21, message: 'NetworkPolicy "allow-egress" selects every pod but allows egress on every port.' }],
        suggestions: [suggestion('default-deny-egress', ['Egress'], 'egress')],
      }],
    },
    {
      name: 'policies for some pods only, one of them named default-deny: the new one gets another name',
      code: SHOP,
      files: {
        'web.yaml': np('default-deny', '  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Ingress, Egress]\n'),
        'ccnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: everywhere\nspec:\n  endpointSelector:\n    matchLabels: {app: db}\n  ingress:\n  - {}\n',
      },
      errors: [{
        messageId: 'noDefaultDeny', line: 4, column: 9, endLine: 4, endColumn: 13, data: { namespace: 'shop', directions: 'ingress and egress', types: 'Ingress, Egress' },
        related: [{ file: 'web.yaml', line: 4, column: 9, endLine: 4, endColumn: 21, message: 'NetworkPolicy "default-deny" selects only some pods of the namespace.' }],
        suggestions: [suggestion('default-deny-2', ['Ingress', 'Egress'], 'ingress and egress')],
      }],
    },
  ],
});
