import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: web
  spec:
    serviceName: web
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

const np = (name: string, selector: string, types: string, rules = '') =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\nspec:\n  podSelector: ${selector}\n  policyTypes: ${types}\n${rules}`;

/** WEB and, in file `file`, an ingress-only policy `name` selecting it: reported, the policy pointed at. */
const ingressOnly = (file: string, name: string, selector: string) => ({
  code: WEB,
  files: { [file]: np(name, selector, '[Ingress]') },
  errors: [{
    messageId: 'oneWay', line: 4, column: 9, endLine: 4, endColumn: 12,
    data: { kind: 'StatefulSet', name: 'web', covered: 'ingress', missing: 'egress', types: 'Egress' },
    related: [{ file, line: 4, column: 9, endLine: 4, endColumn: 9 + name.length, message: `NetworkPolicy "${name}" selects these pods and restricts ingress.` }],
  }],
});

ruleTester('require-ingress-and-egress-policy', {
  valid: [
    {
      name: 'one policy restricts both directions',
      code: `${WEB}---\n${np('web', '{matchLabels: {app: web}}', '[Ingress, Egress]')}`,
    },
    {
      name: 'an ingress policy for the workload and a namespace-wide egress deny, in other files',
      code: WEB,
      files: { 'ingress.yaml': np('web', '{matchLabels: {app: web}}', '[Ingress]'), 'egress.yaml': np('deny-egress', '{}', '[Egress]') },
    },
    {
      name: 'Egress implied by egress rules when policyTypes is absent',
      code: WEB,
      files: { 'np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n    - podSelector: {}\n  egress:\n  - to:\n    - podSelector: {}\n' },
    },
    {
      name: 'a Cilium policy with ingress and egress sections',
      code: WEB,
      files: { 'cnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: web\nspec:\n  endpointSelector: {matchLabels: {app: web}}\n  ingress:\n  - fromEndpoints: [{matchLabels: {app: front}}]\n  egress:\n  - toEndpoints: [{matchLabels: {app: db}}]\n' },
    },
    {
      name: 'pods no policy selects are require-network-policy\'s finding',
      code: WEB,
    },
    {
      name: 'host-network pods are not checked',
      code: WEB.replace('      containers:', '      hostNetwork: true\n      containers:'),
      files: { 'np.yaml': np('web', '{}', '[Ingress]') },
    },
    {
      // An installer's policies select its own namespace-less pods; applied with `kubectl -n`,
      // they never meet WEB, though both are guessed to be in "default".
      name: 'an installer elsewhere bundles a namespace-wide ingress policy with its own workloads',
      code: WEB,
      files: { 'installers/app.yaml': `${WEB.replace(/web/g, 'other')}---\n${np('other-ingress', '{}', '[Ingress]')}` },
    },
  ],
  invalid: [
    { name: 'the same policy in a file of policies only is applied with the workload', ...ingressOnly('policies/ingress.yaml', 'ingress', '{}') },
    { name: 'only ingress is restricted, by a policy in another file', ...ingressOnly('policies/web.yaml', 'web-ingress', '{matchLabels: {app: web}}') },
    {
      name: 'only egress, by a Calico policy and a Kubernetes one together',
      code: WEB,
      files: {
        'calico.yaml': "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: web-egress\nspec:\n  selector: app == 'web'\n  types: [Egress]\n",
        'np.yaml': np('all-egress', '{}', '[Egress]'),
      },
      errors: [{
        messageId: 'oneWay', line: 4, column: 9, endLine: 4, endColumn: 12, data: { kind: 'StatefulSet', name: 'web', covered: 'egress', missing: 'ingress', types: 'Ingress' },
        related: [
          { file: 'calico.yaml', line: 4, column: 9, endLine: 4, endColumn: 19, message: 'Calico NetworkPolicy "web-egress" selects these pods and restricts egress.' },
          { file: 'np.yaml', line: 4, column: 9, endLine: 4, endColumn: 19, message: 'NetworkPolicy "all-egress" selects these pods and restricts egress.' },
        ],
      }],
    },
    {
      name: 'a Cilium policy without rules restricts nothing',
      code: WEB,
      files: { 'cnp.yaml': 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: web\nspec:\n  endpointSelector: {}\n' },
      errors: [{
        messageId: 'neither', line: 4, column: 9, endLine: 4, endColumn: 12,
        related: [{ file: 'cnp.yaml', line: 4, column: 9, endLine: 4, endColumn: 12, message: 'CiliumNetworkPolicy "web" selects these pods and restricts no direction.' }],
      }],
    },
  ],
});
