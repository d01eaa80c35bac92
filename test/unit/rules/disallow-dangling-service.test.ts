import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

// Pods labelled app=web, tier=front; the Deployment's own labels say app.kubernetes.io/name=web.
const WEB = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
    labels: {app.kubernetes.io/name: web}
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web, tier: front}
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

const service = (selector: string, ns = 'shop') => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    namespace: ${ns}
  spec:
    selector: ${selector}
    ports:
    - port: 80
`;

ruleTester('disallow-dangling-service', {
  valid: [
    { name: 'the selector matches the pods of a workload in another file', code: service('{app: web}'), files: { 'web.yaml': WEB } },
    { name: 'a selector of several labels, all on the pods', code: service('{app: web, tier: front}'), files: { 'web.yaml': WEB } },
    { name: 'no workload of the namespace in the workspace: its pods live elsewhere', code: service('{app: api}', 'prod'), files: { 'web.yaml': WEB } },
    { name: 'a Service alone in its file says nothing', code: service('{app: api}') },
    {
      name: 'the selector matches the pods of an Argo Rollout',
      code: service('{app: canary}'),
      files: { 'web.yaml': WEB, 'rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: canary\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: canary}\n    spec:\n      containers: [{name: c, image: c:1}]\n' },
    },
    { name: 'no selector: endpoints managed by hand', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  ports:\n  - port: 5432\n', files: { 'web.yaml': WEB } },
    { name: 'an ExternalName Service has no selector', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\n  namespace: shop\nspec:\n  type: ExternalName\n  externalName: db.example.com\n', files: { 'web.yaml': WEB } },
    {
      name: 'a custom resource in the namespace may make the pods (an operator\'s database)',
      code: service('{cnpg.io/cluster: pg}'),
      files: { 'web.yaml': WEB, 'pg.yaml': 'apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: pg\n  namespace: shop\nspec:\n  instances: 3\n' },
    },
    {
      name: 'a Prometheus resource makes pods through the operator',
      code: service('{app.kubernetes.io/name: prometheus}'),
      files: { 'web.yaml': WEB, 'prom.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata:\n  name: k8s\n  namespace: shop\nspec: {}\n' },
    },
    {
      name: 'a NetworkPolicy of the namespace selects the same labels: a controller puts them on its pods at run time',
      code: service('{longhorn.io/admission-webhook: longhorn-admission-webhook}'),
      files: {
        'web.yaml': WEB,
        'np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: webhook\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels:\n      longhorn.io/admission-webhook: longhorn-admission-webhook\n  ingress:\n  - {}\n',
      },
    },
    {
      name: 'a kustomize patch of a Service is partial',
      code: service('{app: api}'),
      files: { 'web.yaml': WEB, 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [web.yaml]\npatches:\n- path: case.yaml\n' },
    },
  ],
  invalid: [
    {
      name: 'the selector names the workload\'s own labels, not its pods\'',
      code: service('{app.kubernetes.io/name: web}'),
      files: { 'web.yaml': WEB },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 11, data: { name: 'web', selector: 'app.kubernetes.io/name=web', namespace: 'shop' } }],
    },
    {
      name: 'one label of the selector is not on the pods',
      code: service('{app: web, tier: back}'),
      files: { 'web.yaml': WEB },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 11, data: { name: 'web', selector: 'app=web,tier=back', namespace: 'shop' } }],
    },
    {
      name: 'a ServiceMonitor or a Certificate does not make pods: still reported',
      code: service('{app: api}'),
      files: {
        'web.yaml': WEB,
        'sm.yaml': 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: web\n  namespace: shop\nspec: {}\n',
        'cert.yaml': 'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\n  namespace: shop\nspec: {}\n',
      },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 11 }],
    },
    {
      name: 'an Argo Rollout or a DeploymentConfig makes the pods of its template: it silences no other Service',
      code: service('{app: api}'),
      files: {
        'web.yaml': WEB,
        'rollout.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: canary\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: canary}\n    spec:\n      containers: [{name: c, image: c:1}]\n',
        'dc.yaml': 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata:\n  name: legacy\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: legacy}\n    spec:\n      containers: [{name: c, image: c:1}]\n',
      },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 11, data: { name: 'web', selector: 'app=api', namespace: 'shop' } }],
    },
    {
      name: 'a default-deny of the namespace selects every pod: it does not vouch for the labels',
      code: service('{app: api}'),
      files: { 'web.yaml': WEB, 'deny.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n' },
      errors: [{ messageId: 'dangling', line: 7, column: 3, endLine: 7, endColumn: 11, data: { name: 'web', selector: 'app=api', namespace: 'shop' } }],
    },
    {
      name: 'the namespace comes from a kustomization for both',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: wbe\n',
      files: {
        'web.yaml': WEB.replace('  namespace: shop\n', ''),
        'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop\nresources: [web.yaml, case.yaml]\n',
      },
      errors: [{ messageId: 'dangling', line: 6, column: 3, endLine: 6, endColumn: 11, data: { name: 'web', selector: 'app=wbe', namespace: 'shop' } }],
    },
  ],
});
