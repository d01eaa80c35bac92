import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const service = (type: string, selector: string, extra = '') => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: ui
    namespace: tools
  spec:
    type: ${type}
    selector: ${selector}
    ports:
    - port: 443
` + extra;

const deployment = (labels: string, image: string) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ui
    namespace: tools
  spec:
    selector:
      matchLabels: ${labels}
    template:
      metadata:
        labels: ${labels}
      spec:
        containers:
        - name: ui
          image: ${image}
`;

const NOTEBOOK = deployment('{app: lab}', 'quay.io/jupyter/scipy-notebook:2024-10-07');

ruleTester('disallow-exposed-admin-interfaces', {
  valid: [
    { name: 'a ClusterIP Service in front of Jupyter', code: service('ClusterIP', '{app: lab}'), files: { 'lab.yaml': NOTEBOOK } },
    { name: 'a NodePort Service in front of an ordinary web server', code: service('NodePort', '{app: web}'), files: { 'web.yaml': deployment('{app: web}', 'nginx:1.27') } },
    {
      name: 'an internal load balancer in front of Grafana',
      code: service('LoadBalancer', '{app.kubernetes.io/name: grafana}').replace('  namespace: tools\n', '  namespace: tools\n  annotations:\n    networking.gke.io/load-balancer-type: Internal\n'),
    },
    {
      name: 'a load balancer limited to source ranges',
      code: service('LoadBalancer', '{app.kubernetes.io/name: argocd-server}', '  loadBalancerSourceRanges: [10.0.0.0/8]\n'),
    },
    { name: 'the Argo CD image alone does not say which component it is', code: service('NodePort', '{app: repo}'), files: { 'repo.yaml': deployment('{app: repo}', 'quay.io/argoproj/argocd:v2.12.0') } },
    { name: 'Jupyter pods of another namespace are not this Service\'s', code: service('NodePort', '{app: lab}'), files: { 'lab.yaml': NOTEBOOK.replace('namespace: tools', 'namespace: data') } },
  ],
  invalid: [
    {
      name: 'a NodePort Service whose selector picks Jupyter pods, known by their image',
      code: service('NodePort', '{app: lab}'),
      files: { 'lab.yaml': NOTEBOOK },
      errors: [{ messageId: 'exposed', line: 7, column: 9, endLine: 7, endColumn: 17, data: { name: 'ui', type: 'NodePort', ui: 'Jupyter', risk: 'a notebook runs arbitrary code in the pod' } }],
    },
    {
      name: 'an open load balancer for the Argo CD server, known by the selector alone',
      code: service('LoadBalancer', '{app.kubernetes.io/name: argocd-server}'),
      errors: [{ messageId: 'exposed', line: 7, column: 9, endLine: 7, endColumn: 21, data: { name: 'ui', type: 'LoadBalancer', ui: 'Argo CD', risk: 'it deploys anything to the clusters it manages' } }],
    },
    {
      name: 'source ranges that include the whole world do not limit the load balancer',
      code: service('LoadBalancer', '{k8s-app: kubernetes-dashboard}', '  loadBalancerSourceRanges: [0.0.0.0/0]\n'),
      errors: [{ messageId: 'exposed', line: 7, column: 9, endLine: 7, endColumn: 21, data: { name: 'ui', type: 'LoadBalancer', ui: 'the Kubernetes Dashboard', risk: 'it acts on the cluster with its ServiceAccount\'s rights' } }],
    },
    {
      name: 'Prometheus known by the image of the selected workload (Docker Hub prom/prometheus)',
      code: service('NodePort', '{app: metrics}'),
      files: { 'prom.yaml': deployment('{app: metrics}', 'prom/prometheus:v2.54.1') },
      errors: [{ messageId: 'exposed', line: 7, column: 9, endLine: 7, endColumn: 17, data: { name: 'ui', type: 'NodePort', ui: 'Prometheus', risk: 'it has no authentication and its targets map the cluster' } }],
    },
    {
      name: 'Grafana known by the pod labels of the selected workload',
      code: service('NodePort', '{release: obs}'),
      files: { 'grafana.yaml': deployment('{release: obs, app.kubernetes.io/name: grafana}', 'registry.example.com/mirror/dashboards:11') },
      errors: [{ messageId: 'exposed', line: 7, column: 9, endLine: 7, endColumn: 17, data: { name: 'ui', type: 'NodePort', ui: 'Grafana', risk: 'its data sources query internal systems with stored credentials' } }],
    },
  ],
});
