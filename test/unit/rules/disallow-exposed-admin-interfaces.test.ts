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
    {
      name: 'routes to interfaces with a login of their own, behind auth, or inside the mesh only',
      code: [
        'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: cd, namespace: tools}\nspec:\n  rules:\n  - backendRefs: [{name: argocd-server, port: 443}]\n',
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: llm\n  namespace: tools\n  annotations: {nginx.ingress.kubernetes.io/auth-url: "https://auth.example.com/oauth2/auth"}\nspec:\n  defaultBackend: {service: {name: ollama, port: {number: 11434}}}\n',
        'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs, namespace: tools}\nspec:\n  hosts: [ollama]\n  http:\n  - route: [{destination: {host: ollama}}]\n',
      ].join('---\n'),
      files: {
        'svc.yaml': [
          service('ClusterIP', '{app.kubernetes.io/name: argocd-server}').replace('name: ui', 'name: argocd-server'),
          service('ClusterIP', '{app.kubernetes.io/name: ollama}').replace('name: ui', 'name: ollama'),
        ].join('---\n'),
      },
    },
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
      name: 'an HTTPRoute, a TCPRoute, an Ingress and a gateway-bound VirtualService publish interfaces with no login',
      code: [
        'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: llm, namespace: tools}\nspec:\n  rules:\n  - backendRefs: [{name: ollama, port: 11434}]\n',
        'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata: {name: metrics, namespace: tools}\nspec:\n  rules:\n  - backendRefs: [{name: prom, port: 9090}]\n',
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ray, namespace: tools}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: ray-head, port: {number: 8265}}}}\n',
        'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs, namespace: tools}\nspec:\n  gateways: [istio-ingress/public]\n  hosts: [ollama.example.com]\n  http:\n  - route: [{destination: {host: ollama.tools.svc.cluster.local}}]\n',
      ].join('---\n'),
      files: {
        'svc.yaml': [
          service('ClusterIP', '{app.kubernetes.io/name: ollama}').replace('name: ui', 'name: ollama'),
          service('ClusterIP', '{app: metrics}').replace('name: ui', 'name: prom'),
          service('ClusterIP', '{ray.io/node-type: head}').replace('name: ui', 'name: ray-head'),
        ].join('---\n'),
        'prom.yaml': deployment('{app: metrics}', 'quay.io/prometheus/prometheus:v2.54.1'),
      },
      errors: [
        {
          messageId: 'routed', line: 6, column: 26, endLine: 6, endColumn: 32,
          message: 'HTTPRoute "llm" publishes Service "ollama", which serves Ollama with no login: its API has no authentication: anyone can run, pull and delete models. Put an authenticating proxy in front of it (OAuth2 Proxy, the controller\'s or Gateway\'s external authentication), or keep it internal and use kubectl port-forward.',
        },
        { messageId: 'routed', line: 13, column: 26, endLine: 13, endColumn: 30, data: { kind: 'TCPRoute', name: 'metrics', service: 'prom', ui: 'Prometheus', risk: 'it has no authentication and its targets map the cluster' } },
        { messageId: 'routed', line: 22, column: 63, endLine: 22, endColumn: 71, data: { kind: 'Ingress', name: 'ray', service: 'ray-head', ui: 'the Ray dashboard', risk: 'its Jobs API runs any code submitted to it, without authentication (ShadowRay)' } },
        { messageId: 'routed', line: 31, column: 34, endLine: 31, endColumn: 64, data: { kind: 'VirtualService', name: 'vs', service: 'ollama', ui: 'Ollama', risk: 'its API has no authentication: anyone can run, pull and delete models' } },
      ],
    },
    {
      name: 'Jenkins, vLLM, Ollama, Ray, MLflow by image or label',
      code: [
        service('NodePort', '{app: ci}'),
        service('LoadBalancer', '{app: llm}').replace('name: ui', 'name: llm'),
        service('NodePort', '{app.kubernetes.io/name: ollama}').replace('name: ui', 'name: ollama'),
        service('NodePort', '{ray.io/node-type: head, ray.io/cluster: raycluster}').replace('name: ui', 'name: ray'),
        service('LoadBalancer', '{app: tracking}').replace('name: ui', 'name: mlflow'),
      ].join('---\n'),
      files: {
        'ci.yaml': deployment('{app: ci}', 'jenkins/jenkins:2.479.1-lts'),
        'llm.yaml': deployment('{app: llm}', 'vllm/vllm-openai:v0.6.3').replace(/name: ui$/m, 'name: llm'),
        'mlflow.yaml': deployment('{app: tracking}', 'ghcr.io/mlflow/mlflow:v2.17.0').replace(/name: ui$/m, 'name: mlflow'),
      },
      errors: [
        {
          messageId: 'exposed', line: 7, column: 9, endLine: 7, endColumn: 17,
          message: 'Service "ui" of type NodePort exposes Jenkins outside the cluster: its script console and jobs run any code on the controller, with its credentials. Use type ClusterIP and reach it through kubectl port-forward or an authenticating proxy.',
        },
        { messageId: 'exposed', line: 18, column: 9, endLine: 18, endColumn: 21, data: { name: 'llm', type: 'LoadBalancer', ui: 'vLLM', risk: 'its OpenAI-compatible API serves the model to anyone, with no authentication unless an API key is set' } },
        { messageId: 'exposed', line: 29, column: 9, endLine: 29, endColumn: 17, data: { name: 'ollama', type: 'NodePort', ui: 'Ollama', risk: 'its API has no authentication: anyone can run, pull and delete models' } },
        { messageId: 'exposed', line: 40, column: 9, endLine: 40, endColumn: 17, data: { name: 'ray', type: 'NodePort', ui: 'the Ray dashboard', risk: 'its Jobs API runs any code submitted to it, without authentication (ShadowRay)' } },
        { messageId: 'exposed', line: 51, column: 9, endLine: 51, endColumn: 21, data: { name: 'mlflow', type: 'LoadBalancer', ui: 'MLflow', risk: 'its tracking server has no authentication by default and reads and writes every model and artifact' } },
      ],
    },
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
