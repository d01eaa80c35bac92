import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const np = (rules: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n${rules}`;
const cnp = (rules: string) => `apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: web\nspec:\n  endpointSelector: {}\n${rules}`;
const calico = (rules: string) => `apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  selector: all()\n  types: [Ingress, Egress]\n${rules}`;

ruleTester('disallow-allow-all-network-policy', {
  valid: [
    np('  ingress:\n  - from:\n    - podSelector: {matchLabels: {app: front}}\n    - namespaceSelector: {matchLabels: {team: a}}\n    - ipBlock: {cidr: 10.0.0.0/8}\n'),
    {
      name: 'DNS to anywhere is how egress policies let pods resolve names',
      code: np('  egress:\n  - ports:\n    - {protocol: UDP, port: 53}\n    - {protocol: TCP, port: 53}\n  - to:\n    - ipBlock: {cidr: 0.0.0.0/0}\n    ports:\n    - port: 53\n      protocol: UDP\n'),
    },
    { name: 'a default-deny has no rules', code: np('') },
    { name: 'Cilium\'s empty rules deny', code: cnp('  ingress:\n  - {}\n  egress:\n  - {}\n') },
    { name: 'Cilium entities inside the cluster', code: cnp('  ingress:\n  - fromEntities: [cluster, host]\n') },
    { name: 'a Cilium deny rule for the world denies', code: cnp('  ingressDeny:\n  - fromEntities: [world]\n') },
    { name: 'Calico deny rules without a source deny', code: calico('  ingress:\n  - action: Deny\n  egress:\n  - action: Allow\n    destination:\n      ports: [53]\n    protocol: UDP\n') },
    { name: 'Calico allow rules that name their peers', code: calico("  ingress:\n  - action: Allow\n    source:\n      selector: app == 'front'\n  egress:\n  - action: Allow\n    destination:\n      nets: [10.0.0.0/8]\n") },
  ],
  invalid: [
    {
      name: 'an empty ingress rule admits everything, an empty egress rule allows everything',
      code: np('  ingress:\n  - {}\n  egress:\n  - {}\n'),
      errors: [
        { messageId: 'anySource', line: 9, column: 5, endLine: 9, endColumn: 7, severity: 'warning', data: { kind: 'NetworkPolicy', name: 'web', rule: 1, ports: 'every port' } },
        { messageId: 'anyDestination', line: 11, column: 5, endLine: 11, endColumn: 7, severity: 'warning' },
      ],
    },
    {
      name: 'an ingress rule without from, for some ports: information (a public server needs it)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
        spec:
          podSelector: {matchLabels: {app: web}}
          ingress:
          - from:
            - podSelector: {matchLabels: {app: front}}
          - ports:
            - port: 443
            - port: https
            - protocol: UDP
              port: 443
      `,
      errors: [{ messageId: 'anySource', line: 10, column: 5, endLine: 10, endColumn: 10, severity: 'info', data: { kind: 'NetworkPolicy', name: 'web', rule: 2, ports: 'ports 443, https, UDP 443' } }],
    },
    {
      name: 'an empty peer, and the whole internet as an ipBlock (an except list does not make it narrow)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: web
        spec:
          podSelector: {}
          ingress:
          - from:
            - {}
            - ipBlock:
                cidr: 0.0.0.0/0
                except: [10.0.0.0/8]
          egress:
          - to:
            - ipBlock: {cidr: "::/0"}
            ports:
            - {port: 443, protocol: TCP}
            - {protocol: UDP}
      `,
      errors: [
        { messageId: 'emptyPeer', line: 9, column: 7, endLine: 9, endColumn: 9, severity: 'warning', data: { kind: 'NetworkPolicy', name: 'web', rule: 1, ports: 'every port', direction: 'ingress', what: 'source' } },
        { messageId: 'world', line: 11, column: 15, endLine: 11, endColumn: 24, severity: 'warning', data: { kind: 'NetworkPolicy', name: 'web', rule: 1, ports: 'every port', Direction: 'Ingress', cidr: '0.0.0.0/0', where: 'in and outside the cluster' } },
        { messageId: 'world', line: 15, column: 23, endLine: 15, endColumn: 29, severity: 'warning', data: { kind: 'NetworkPolicy', name: 'web', rule: 1, ports: 'port 443 and every UDP port', Direction: 'Egress', cidr: '::/0', where: 'on the internet and in the cluster' } },
      ],
    },
    {
      name: 'Cilium world and all entities and 0.0.0.0/0 CIDRs (NET16)',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata:
          name: edge
        specs:
        - endpointSelector: {matchLabels: {app: edge}}
          ingress:
          - fromEntities: [cluster, world]
          egress:
          - toEntities: [all]
            toPorts:
            - ports:
              - {port: "443", protocol: TCP}
          - toCIDR: [0.0.0.0/0]
          - toCIDRSet:
            - cidr: ::/0
              except: [fd00::/8]
      `,
      errors: [
        { messageId: 'entity', line: 8, column: 29, endLine: 8, endColumn: 34, severity: 'warning', data: { kind: 'CiliumClusterwideNetworkPolicy', name: 'edge', rule: 1, ports: 'every port', Direction: 'Ingress', entity: 'world', meaning: 'every address outside the cluster' } },
        { messageId: 'entity', line: 10, column: 18, endLine: 10, endColumn: 21, severity: 'info', data: { kind: 'CiliumClusterwideNetworkPolicy', name: 'edge', rule: 1, ports: 'port 443', Direction: 'Egress', entity: 'all', meaning: 'every endpoint, in and outside the cluster' } },
        { messageId: 'world', line: 14, column: 14, endLine: 14, endColumn: 23, severity: 'warning' },
        { messageId: 'world', line: 16, column: 13, endLine: 16, endColumn: 17, severity: 'warning' },
      ],
    },
    {
      name: 'Calico allow rules without a source, and to the whole internet',
      code: calico('  ingress:\n  - action: Allow\n    protocol: TCP\n    destination:\n      ports: [80, 443]\n  egress:\n  - action: Allow\n    destination:\n      nets: [0.0.0.0/0]\n'),
      errors: [
        { messageId: 'anySource', line: 9, column: 5, endLine: 9, endColumn: 11, severity: 'info', data: { kind: 'Calico NetworkPolicy', name: 'web', rule: 1, ports: 'ports 80, 443', Direction: 'Ingress' } },
        { messageId: 'world', line: 16, column: 14, endLine: 16, endColumn: 23, severity: 'warning' },
      ],
    },
  ],
});
