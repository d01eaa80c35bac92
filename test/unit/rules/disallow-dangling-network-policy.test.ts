import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n';

const policy = (selector: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: web
    namespace: shop
  spec:
    podSelector: ${selector}
    policyTypes: [Ingress]
`;

ruleTester('disallow-dangling-network-policy', {
  valid: [
    { name: 'the selector matches a workload in another file', code: policy('{matchLabels: {app: web}}'), files: { 'web.yaml': WEB } },
    {
      // Both may be applied with `kubectl -n`: "default" is only a guess for the workload.
      name: 'the selector matches a namespace-less workload in another file',
      code: policy('{matchLabels: {app: api}}'),
      files: { 'web.yaml': WEB, 'api/api.yaml': WEB.replace('  namespace: shop\n', '').replace(/web/g, 'api') },
    },
    { name: 'a default-deny selects every pod, whatever exists', code: policy('{}'), files: { 'web.yaml': WEB } },
    { name: 'no workload of the namespace is in the workspace: nothing can be said', code: policy('{matchLabels: {app: api}}'), files: { 'web.yaml': WEB.replace('namespace: shop', 'namespace: prod') } },
    {
      name: 'a Calico selector matching the workload',
      code: "apiVersion: projectcalico.org/v3\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: app in {'web', 'api'}\n",
      files: { 'web.yaml': WEB },
    },
    {
      name: 'a cluster-wide policy scoped by namespace labels is not judged',
      code: 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: prod\nspec:\n  endpointSelector:\n    matchLabels:\n      k8s:io.kubernetes.pod.namespace: prod\n  ingress:\n  - {}\n',
      files: { 'web.yaml': WEB },
    },
  ],
  invalid: [
    {
      name: 'the selector names the workload\'s own labels, not its pods\'',
      code: policy('{matchLabels: {app.kubernetes.io/name: web}}'),
      files: { 'web.yaml': WEB },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 14, data: { kind: 'NetworkPolicy', name: 'web', selector: 'app.kubernetes.io/name=web', namespace: 'shop' } }],
    },
    {
      name: 'matchExpressions that exclude every workload',
      code: policy('{matchExpressions: [{key: app, operator: NotIn, values: [web]}]}'),
      files: { 'web.yaml': WEB },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 14, data: { kind: 'NetworkPolicy', name: 'web', selector: 'app notin (web)', namespace: 'shop' } }],
    },
    {
      name: 'a Cilium policy whose endpointSelector matches nothing in the workspace',
      code: 'apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  endpointSelector:\n    matchLabels: {app: api}\n  ingress:\n  - {}\n',
      files: { 'web.yaml': WEB },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 19 }],
    },
    {
      name: 'a cluster-wide policy whose selector matches no workload anywhere',
      code: 'apiVersion: cilium.io/v2\nkind: CiliumClusterwideNetworkPolicy\nmetadata:\n  name: api\nspec:\n  endpointSelector:\n    matchLabels: {app: api}\n  egress:\n  - {}\n',
      files: { 'web.yaml': WEB },
      errors: [{ messageId: 'danglingClusterWide', line: 6, column: 3, endLine: 6, endColumn: 19 }],
    },
  ],
});
