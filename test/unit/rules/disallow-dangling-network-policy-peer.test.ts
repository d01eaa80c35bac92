import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const workload = (name: string, namespace: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n`;

const FILES = {
  'web.yaml': workload('web', 'shop'),
  'prometheus.yaml': workload('prometheus', 'monitoring'),
  'monitoring.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: monitoring\n  labels: {purpose: monitoring}\n',
};

const policy = (peers: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: web
    namespace: shop
  spec:
    podSelector: {matchLabels: {app: web}}
    ingress:
    - from:
      ${peers}
`;

ruleTester('disallow-dangling-network-policy-peer', {
  valid: [
    { name: 'a peer in the policy\'s namespace', code: policy('- podSelector: {matchLabels: {app: web}}'), files: FILES },
    { name: 'a peer in a namespace picked by its labels', code: policy('- {namespaceSelector: {matchLabels: {purpose: monitoring}}, podSelector: {matchLabels: {app: prometheus}}}'), files: FILES },
    { name: 'a peer in a namespace picked by its name label', code: policy('- {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}, podSelector: {matchLabels: {app: prometheus}}}'), files: FILES },
    { name: 'peers in namespaces whose workloads are elsewhere are not judged', code: policy('- {namespaceSelector: {matchLabels: {team: payments}}, podSelector: {matchLabels: {app: billing}}}'), files: FILES },
    { name: 'empty pod selectors and ipBlocks select no particular pod', code: policy('- podSelector: {}').replace('- podSelector: {}', '- podSelector: {}\n    - ipBlock: {cidr: 10.0.0.0/8}'), files: FILES },
  ],
  invalid: [
    {
      name: 'a peer label that no pod of the namespace has',
      code: policy('- podSelector: {matchLabels: {app: frontend}}'),
      files: FILES,
      errors: [{ messageId: 'dangling', line: 10, column: 7, endLine: 10, endColumn: 18, data: { direction: 'ingress', name: 'web', selector: 'app=frontend', where: 'in namespace "shop"' } }],
    },
    {
      name: 'the peer is looked for in the policy\'s namespace only, without a namespaceSelector',
      code: policy('- podSelector: {matchLabels: {app: prometheus}}'),
      files: FILES,
      errors: [{ messageId: 'dangling', line: 10, column: 7, endLine: 10, endColumn: 18 }],
    },
    {
      name: 'an egress peer in the namespaces its namespaceSelector picks',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
          namespace: shop
        spec:
          podSelector: {matchLabels: {app: web}}
          policyTypes: [Egress]
          egress:
          - to:
            - namespaceSelector: {}
              podSelector: {matchLabels: {app: prometheus-server}}
      `,
      files: FILES,
      errors: [{ messageId: 'dangling', line: 12, column: 7, endLine: 12, endColumn: 18, data: { direction: 'egress', name: 'web', selector: 'app=prometheus-server', where: 'in the namespaces its namespaceSelector picks' } }],
    },
  ],
});
