import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const IMPLICIT = yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: api
  spec:
    policyTypes: [Ingress]  # who is this for?
    ingress:
    - from:
      - podSelector: {matchLabels: {app: web}}
`;

ruleTester('require-network-policy-pod-selector', {
  valid: [
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
    {
      name: 'a null podSelector is written out too',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector:\n  policyTypes: [Ingress]\n',
    },
    {
      name: 'Cilium host policies select nodes',
      code: 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: host\nspec:\n  nodeSelector: {}\n  ingress:\n  - fromEntities: [cluster]\n',
    },
    {
      name: 'Calico\'s documented default selector all() is idiomatic',
      code: 'apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  types: [Ingress]\n',
    },
  ],
  invalid: [
    {
      name: 'no podSelector: it applies to every pod, which podSelector: {} says openly',
      code: IMPLICIT,
      errors: [{
        messageId: 'implicit', line: 5, column: 1, endLine: 5, endColumn: 5,
        suggestions: [{ title: 'Add podSelector: {} (every pod of the namespace, as now)', output: `${IMPLICIT}  podSelector: {}\n` }],
      }],
    },
    {
      name: 'a flow spec',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {policyTypes: [Ingress, Egress]}\n',
      errors: [{
        messageId: 'implicit', line: 4, column: 1, endLine: 4, endColumn: 5,
        suggestions: [{ title: 'Add podSelector: {} (every pod of the namespace, as now)', output: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec: {policyTypes: [Ingress, Egress], podSelector: {}}\n' }],
      }],
    },
    {
      name: 'no spec at all',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n',
      errors: [{
        messageId: 'implicit', line: 4, column: 9, endLine: 4, endColumn: 13,
        suggestions: [{ title: 'Add podSelector: {} (every pod of the namespace, as now)', output: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n' }],
      }],
    },
    {
      name: 'a Cilium rule without endpointSelector: Cilium rejects the policy',
      code: yaml`
        apiVersion: cilium.io/v2
        kind: CiliumNetworkPolicy
        metadata:
          name: web
        specs:
        - endpointSelector: {matchLabels: {app: web}}
          ingress:
          - fromEntities: [cluster]
        - egress:
          - toEntities: [cluster]
      `,
      errors: [{ messageId: 'ciliumNone', line: 9, column: 3, endLine: 9, endColumn: 9 }],
    },
  ],
});
