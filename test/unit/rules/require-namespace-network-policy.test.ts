import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const SHOP = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
`;

/** The default-deny policy the suggestion creates for namespace shop. */
const DENY_SHOP = yaml`
  # Denies all traffic to and from every pod in namespace "shop". Pods then need policies
  # allowing what they use, DNS (kube-dns in kube-system) included.
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: default-deny
    namespace: shop
  spec:
    podSelector: {}
    policyTypes:
      - Ingress
      - Egress
`;

const SUGGESTION = { title: 'Create a default-deny NetworkPolicy for namespace "shop"', output: `${SHOP}---\n${DENY_SHOP}`, newFile: { name: 'shop-default-deny.yaml', text: DENY_SHOP } };

ruleTester('require-namespace-network-policy', {
  valid: [
    {
      name: 'a policy of the namespace in another file',
      code: SHOP,
      files: { 'np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels: {app: web}\n' },
    },
    {
      name: 'a policy in the same file, placed in the namespace by a kustomization',
      code: `${SHOP}---\napiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: web\nspec:\n  endpointSelector: {}\n  ingress:\n  - {}\n`,
      files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources:\n- case.yaml\n' },
    },
    {
      name: 'a cluster-wide policy that applies to every pod of every namespace',
      code: SHOP,
      files: { 'gnp.yaml': 'apiVersion: projectcalico.org/v3\nkind: GlobalNetworkPolicy\nmetadata:\n  name: deny\nspec:\n  selector: all()\n  types: [Ingress, Egress]\n' },
    },
    {
      name: 'a namespace whose only workload runs on the host network',
      code: SHOP,
      files: { 'agent.yaml': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\n  namespace: shop\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      hostNetwork: true\n      containers:\n      - {name: agent, image: agent:1.0}\n' },
    },
    {
      name: 'the cluster\'s own namespaces are not checked',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kube-system\n',
    },
    {
      name: 'at the restricted level require-default-deny-network-policy reports it instead',
      level: 'restricted',
      code: SHOP,
    },
  ],
  invalid: [
    {
      name: 'no policy anywhere: a default-deny is offered, appended or as a new file',
      code: SHOP,
      errors: [{ messageId: 'noPolicy', line: 4, column: 9, endLine: 4, endColumn: 13, covers: ['NET02', 'NET16'], suggestions: [SUGGESTION] }],
    },
    {
      name: 'policies of another namespace, or cluster-wide ones for some pods, do not count',
      code: SHOP,
      files: {
        'np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: prod\nspec:\n  podSelector: {}\n',
        'ccnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: web\nspec:\n  endpointSelector:\n    matchLabels: {app: web}\n  ingress:\n  - {}\n',
      },
      errors: [{ messageId: 'noPolicy', line: 4, column: 9, endLine: 4, endColumn: 13, suggestions: [SUGGESTION] }],
    },
    {
      name: 'a flow-style Namespace with CRLF line breaks and no final newline',
      code: '# the shop\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: shop, labels: {team: a}}',
      errors: [{
        messageId: 'noPolicy', line: 4, column: 18, endLine: 4, endColumn: 22,
        suggestions: [{ ...SUGGESTION, output: `# the shop\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: shop, labels: {team: a}}\r\n---\r\n${DENY_SHOP.trimEnd().split('\n').join('\r\n')}`, newFile: { name: 'shop-default-deny.yaml', text: DENY_SHOP.split('\n').join('\r\n') } }],
      }],
    },
  ],
});
