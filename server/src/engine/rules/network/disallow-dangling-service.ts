import { specOf } from '../../model/object';
import { keyOf } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { WorkspaceIndex } from '../../workspace';
import { isEmptySelector, matches } from '../../workspace/selector';
import { policiesIn } from '../../workspace/domains/network';
import { ANY_OBJECT_PLACEMENT, NETWORK_POLICY_READS, WORKLOAD_LABELS_READS } from '../../workspace/reads';

/**
 * API groups whose objects never make pods appear by themselves. Any other object in the
 * namespace (a CloudNativePG Cluster, a Prometheus, a Strimzi Kafka) may be an operator's
 * custom resource whose pods the Service was written for.
 */
const INERT_GROUPS: ReadonlySet<string> = new Set([
  '', 'apps', 'batch', 'networking.k8s.io', 'policy', 'rbac.authorization.k8s.io', 'autoscaling', 'storage.k8s.io',
  'scheduling.k8s.io', 'discovery.k8s.io', 'kustomize.config.k8s.io', 'cilium.io', 'projectcalico.org', 'crd.projectcalico.org',
  'gateway.networking.k8s.io', 'cert-manager.io', 'monitoring.coreos.com',
]);

/** Kinds of monitoring.coreos.com that do create pods (the operator runs them as StatefulSets). */
const POD_MAKING_MONITORING = new Set(['Prometheus', 'Alertmanager', 'ThanosRuler', 'PrometheusAgent']);

export default defineRule({
  id: 'disallow-dangling-service',
  title: 'Services select existing workloads',
  category: 'network',
  severity: 'info',
  pss: null,
  level: 'restricted',
  covers: ['NET13'],
  equivalents: { kubeLinter: ['dangling-service'], kubescape: ['C-0293'] },
  kinds: ['Service'],
  messages: {
    dangling: 'Service "{{name}}" selects {{selector}}, which matches the pods of no workload of namespace '
      + '"{{namespace}}" in the workspace: it has no endpoints. Check the selector against the pod template '
      + 'labels of the workload it fronts.',
  },
  defaultReason: 'On by default, unlike the dangling NetworkPolicy rule, because it stays quiet wherever pods may come '
    + 'from outside the workspace: namespaces without workloads here, namespaces holding custom resources '
    + '(an operator\'s database or broker makes its own pods), selectors a NetworkPolicy of the namespace '
    + 'also selects (labels a controller puts on its pods at run time, as Longhorn\'s manager does), '
    + 'kustomize patches, and Services without a selector (their endpoints are managed by hand or by a '
    + 'controller).',
  docs: {
    summary: 'A Service whose selector matches no pod has no endpoints: clients get connection errors, and a typo '
      + 'or a renamed label often hides behind it (a Service that silently picks up the wrong pods once '
      + 'labels change is worse). The Service is reported only when the workspace holds workloads of its '
      + 'namespace and none of them is the one: if the namespace\'s workloads are elsewhere (another '
      + 'repository, a Helm chart, an operator), nothing can be said. An object naming no namespace (applied '
      + 'with `kubectl -n`) may land in any: one whose namespace is such a guess, on either side, is matched '
      + 'across namespaces, so the guess never makes a finding.',
    remediation: 'Make `spec.selector` match the pod template labels (`spec.template.metadata.labels`) of the workload '
      + 'the Service fronts, not the workload\'s own metadata labels; or delete the Service.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service', 'https://docs.kubelinter.io/#/generated/checks?id=dangling-service'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web, tier: back}
  ports:
  - port: 80
---
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
`,
    correct: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
  - port: 80
---
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
`,
  },
  fix: null,
  workspaceReads: [...WORKLOAD_LABELS_READS, ...ANY_OBJECT_PLACEMENT, ...NETWORK_POLICY_READS],
  checkObject({ object, workspace: { index, self }, report }) {
    const selector = self.service?.selector;
    if (!selector || Object.keys(selector).length === 0 || index.isPatch(self.uri)) return;
    const ns = index.namespaceOf(self);
    const workloads = index.workloadsIn(ns).filter(w => w.kind !== 'PodTemplate');
    if (workloads.length === 0 || mayMakePods(index, ns)) return;
    const sel = { matchLabels: selector, matchExpressions: [] };
    // The pods may be those of a workload whose namespace (or the Service's) is a guess.
    if (index.workloads().some(w => w.kind !== 'PodTemplate' && index.mayShareNamespace(self, w) && matches(sel, w.pod!.labels))) return;
    // Some controllers label their own pods at run time (Longhorn's manager marks the pod serving
    // its webhook): a NetworkPolicy of the namespace written for the same labels says they are
    // meant, not a typo.
    if (policiesIn(index, ns).some(p => !isEmptySelector(p.networkPolicy!.podSelector!) && matches(p.networkPolicy!.podSelector!, selector))) return;
    report({
      messageId: 'dangling',
      data: { name: object.name ?? '(unnamed)', selector: Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(','), namespace: ns },
      at: keyOf(specOf(object), 'selector', object.doc)!,
    });
  },
});

/**
 * Some object of namespace `ns` may be a custom resource whose operator makes pods. A workload
 * kind whose pod template is read (an Argo Rollout, an OpenShift DeploymentConfig) makes the pods
 * of its template, which are matched like a Deployment's: it silences nothing else.
 */
function mayMakePods(index: WorkspaceIndex, ns: string): boolean {
  return index.all().some(o => !o.pod && (!INERT_GROUPS.has(o.group) || (o.group === 'monitoring.coreos.com' && POD_MAKING_MONITORING.has(o.kind)))
    && index.namespaceOf(o) === ns);
}
