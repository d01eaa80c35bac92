import { metadataOf, nameNode } from '../../model/object';
import { podTemplatePath } from '../../model/workload';
import { get } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

/**
 * Namespaced kinds of the built-in API groups that hold something an application deploys.
 * Cluster-scoped kinds (Namespace, ClusterRole, PersistentVolume, ...) have no namespace, and a
 * custom resource's scope is in its CRD, not in the manifest: neither is checked.
 */
const NAMESPACED: Record<string, readonly string[]> = {
  '': ['Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'Endpoints', 'LimitRange', 'ResourceQuota'],
  'rbac.authorization.k8s.io': ['Role', 'RoleBinding'],
  'networking.k8s.io': ['Ingress', 'NetworkPolicy'],
  'policy': ['PodDisruptionBudget'],
  'autoscaling': ['HorizontalPodAutoscaler'],
};

/** Objects every cluster has in `default`: they belong there. */
const BUILT_IN = new Set(['ServiceAccount/default', 'Service/kubernetes']);

export default defineRule({
  id: 'disallow-default-namespace',
  title: 'Objects should not be deployed to the default namespace',
  category: 'namespaces',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['NS01'],
  equivalents: { kubeLinter: ['use-namespace'], checkov: ['CKV_K8S_21'], trivy: ['KSV110'], kubescape: ['C-0061', 'C-0212'] },
  messages: {
    explicit: '{{kind}} "{{name}}" is deployed to the default namespace: set metadata.namespace to a namespace of its own.',
    implicit: '{{kind}} "{{name}}" names no namespace, so it lands in the default namespace unless one is chosen at apply time: set metadata.namespace to a namespace of its own.',
  },
  docs: {
    summary: 'The default namespace is where everything without a namespace lands: it usually has no Pod Security labels, NetworkPolicies, quotas or RBAC of its own, and its `default` service account is shared by all of it. Reported for workloads and namespaced built-in objects (Services, ConfigMaps, Secrets, Roles, ...) whose `metadata.namespace` is `default` or absent, unless a kustomization of the workspace that lists the file sets the namespace; the ServiceAccount `default` and the Service `kubernetes` are not reported (every cluster has them there), nor are files listed as kustomize patches. Info and opt-in: most repositories leave the namespace out on purpose and choose it at apply time (`kubectl -n`, Helm, Argo CD, Flux), which the manifest cannot show.',
    remediation: 'Set `metadata.namespace` to a dedicated namespace (or `namespace:` in the kustomization that lists the file), and give that namespace Pod Security labels, NetworkPolicies and quotas.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
  },
  fix: null, // the namespace to use is the team's choice, and moving an object moves what refers to it
  checkObject({ object, workspace: { index, self }, report }) {
    if (!podTemplatePath(object) && !NAMESPACED[object.group]?.includes(object.kind)) return;
    if (BUILT_IN.has(`${object.kind}/${object.name}`) || index.isPatch(self.uri)) return;
    if (index.namespaceOf(self) !== 'default') return;
    const written = get(metadataOf(object), 'namespace', object.doc);
    const data = { kind: object.kind, name: object.name ?? '' };
    report(written ? { messageId: 'explicit', data, at: written.value } : { messageId: 'implicit', data, at: nameNode(object) });
  },
});
