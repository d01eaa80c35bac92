// Web interfaces that administer a cluster, its workloads or its data (NET15). Each is known by
// the image that serves it (repository, normalised as parseImage does) or by the labels its
// official manifests and Helm charts put on its pods, which the Service selects on. An image
// shared by several components (Argo CD's runs the API server and the controllers) is not a
// sign on its own: only the server's label is.
import { parseImage } from './image';

export interface AdminInterface {
  /** What the user knows it as, for messages. */
  name: string;
  /** Why exposing it is dangerous, in a few words. */
  risk: string;
  /** Repositories (without registry) that serve the interface, when one is its own. */
  images?: RegExp;
  /** Pod labels that mark the interface's pods: [key, value]. */
  labels: ReadonlyArray<readonly [string, RegExp]>;
  /**
   * It serves requests without any login by default: published through an Ingress or a Gateway
   * it is open to whoever reaches them. (Those with a login of their own are reported only when
   * a Service exposes them directly.)
   */
  noAuth?: true;
}

const NAME = 'app.kubernetes.io/name';

export const ADMIN_INTERFACES: readonly AdminInterface[] = [
  {
    name: 'Jupyter', risk: 'a notebook runs arbitrary code in the pod',
    images: /^(jupyter|jupyterhub)\/|(^|\/)(jupyterlab|jupyterhub|notebook)$/,
    labels: [[NAME, /^jupyter(hub|lab)?$/], ['app', /^jupyter(hub|lab)?$/]],
  },
  {
    name: 'Argo CD', risk: 'it deploys anything to the clusters it manages',
    labels: [[NAME, /^argocd-server$/], ['app', /^argocd-server$/]],
  },
  {
    name: 'Argo Workflows', risk: 'it runs workflows, that is pods, on request',
    labels: [[NAME, /^argo-workflows-server$/], ['app', /^argo-server$/]],
  },
  {
    name: 'the Kubernetes Dashboard', risk: 'it acts on the cluster with its ServiceAccount\'s rights',
    images: /^kubernetesui\/dashboard|kubernetes-dashboard/,
    labels: [['k8s-app', /^kubernetes-dashboard$/], [NAME, /^kubernetes-dashboard(-web|-api)?$/], ['app', /^kubernetes-dashboard$/]],
  },
  {
    name: 'the Kubeflow dashboard', risk: 'it creates notebooks and pipelines',
    images: /(^|\/)(centraldashboard|kubeflow\/centraldashboard)$/,
    labels: [['app', /^centraldashboard$/]],
  },
  {
    name: 'Grafana', risk: 'its data sources query internal systems with stored credentials',
    images: /^grafana\/grafana(-oss|-enterprise)?$/,
    labels: [[NAME, /^grafana$/], ['app', /^grafana$/]],
  },
  {
    name: 'Prometheus', noAuth: true, risk: 'it has no authentication and its targets map the cluster',
    images: /^(prom|prometheus)\/prometheus$/,
    labels: [[NAME, /^prometheus$/], ['app', /^prometheus$/]],
  },
  {
    name: 'Kibana', risk: 'it reads and deletes the indexed logs',
    images: /^kibana\/kibana(-oss)?$|^library\/kibana$/,
    labels: [[NAME, /^kibana$/], ['app', /^kibana$/], ['common.k8s.elastic.co/type', /^kibana$/]],
  },
  {
    name: 'Jenkins', risk: 'its script console and jobs run any code on the controller, with its credentials',
    images: /^(jenkins|bitnami|library)\/jenkins$/,
    labels: [[NAME, /^jenkins$/], ['app', /^jenkins$/]],
  },
  {
    name: 'vLLM', noAuth: true, risk: 'its OpenAI-compatible API serves the model to anyone, with no authentication unless an API key is set',
    images: /^vllm\/vllm-openai$/,
    labels: [[NAME, /^vllm$/], ['app', /^vllm$/]],
  },
  {
    name: 'Ollama', noAuth: true, risk: 'its API has no authentication: anyone can run, pull and delete models',
    images: /^ollama\/ollama$/,
    labels: [[NAME, /^ollama$/], ['app', /^ollama$/]],
  },
  {
    // KubeRay's head pods carry ray.io/node-type: head; the dashboard and Jobs API are served there.
    name: 'the Ray dashboard', noAuth: true, risk: 'its Jobs API runs any code submitted to it, without authentication (ShadowRay)',
    images: /^rayproject\/ray(-ml)?$/,
    labels: [['ray.io/node-type', /^head$/]],
  },
  {
    name: 'MLflow', noAuth: true, risk: 'its tracking server has no authentication by default and reads and writes every model and artifact',
    images: /(^|\/)mlflow$/,
    labels: [[NAME, /^mlflow$/], ['app', /^mlflow$/]],
  },
  {
    name: 'Portainer', risk: 'it manages the cluster with its ServiceAccount\'s rights',
    images: /^portainer\/portainer(-ce|-ee)?$/,
    labels: [[NAME, /^portainer$/], ['app', /^portainer$/]],
  },
  {
    name: 'Weave Scope', noAuth: true, risk: 'it opens shells in any container of the cluster',
    labels: [['name', /^weave-scope-app$/], [NAME, /^weave-scope$/]],
  },
  {
    name: 'the Longhorn UI', noAuth: true, risk: 'it deletes volumes and backups, without authentication',
    images: /^longhornio\/longhorn-ui$/,
    labels: [['app', /^longhorn-ui$/]],
  },
];

/** The admin interface an image serves, if any. */
export function interfaceOfImage(raw: string): AdminInterface | undefined {
  const image = parseImage(raw);
  return image ? ADMIN_INTERFACES.find(a => a.images?.test(image.repository)) : undefined;
}

/** The admin interface whose pods carry these labels (or which a selector of these labels picks), if any. */
export function interfaceOfLabels(labels: Readonly<Record<string, string>>): AdminInterface | undefined {
  return ADMIN_INTERFACES.find(a => a.labels.some(([k, v]) => labels[k] !== undefined && v.test(labels[k])));
}
