import { metadataOf, nameNode } from '../../model/object';
import { podTemplatePath } from '../../model/workload';
import { get } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';
import { NAMESPACE_ONLY } from '../../workspace/reads';

/**
 * Namespaced kinds of the built-in API groups that hold something an application deploys.
 * Cluster-scoped kinds (Namespace, ClusterRole, PersistentVolume, ...) have no namespace, and a
 * custom resource's scope is in its CRD, not in the manifest: neither is checked.
 */
const NAMESPACED: Record<string, readonly string[]> = {
  '': ['Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'Endpoints', 'LimitRange', 'ResourceQuota'],
  'rbac.authorization.k8s.io': ['Role', 'RoleBinding'],
  'networking.k8s.io': ['Ingress', 'NetworkPolicy'],
  'discovery.k8s.io': ['EndpointSlice'],
  'coordination.k8s.io': ['Lease'],
  'storage.k8s.io': ['CSIStorageCapacity'],
  'policy': ['PodDisruptionBudget'],
  'autoscaling': ['HorizontalPodAutoscaler'],
};

/**
 * Objects every cluster has in `default`: they belong there. The API server keeps the
 * `kubernetes` Service's Endpoints and EndpointSlice, named after it.
 */
const BUILT_IN = new Set(['ServiceAccount/default', 'Service/kubernetes', 'Endpoints/kubernetes', 'EndpointSlice/kubernetes']);

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
    implicit: '{{kind}} "{{name}}" names no namespace, so it lands in the default namespace unless one is chosen at '
      + 'apply time: set metadata.namespace to a namespace of its own.',
  },
  defaultReason: 'Info and opt-in: most repositories leave the namespace out on purpose and choose it at apply time '
    + '(`kubectl -n`, Helm, Argo CD, Flux), which the manifest cannot show.',
  docs: {
    summary: 'The default namespace is where everything without a namespace lands: it usually has no Pod Security '
      + 'labels, NetworkPolicies, quotas or RBAC of its own, and its `default` service account is shared by '
      + 'all of it. Reported for workloads and namespaced built-in objects (Services, ConfigMaps, Secrets, '
      + 'Roles, EndpointSlices, Leases, CSIStorageCapacities, ...) whose `metadata.namespace` is `default` or '
      + 'absent, unless a kustomization of the workspace that lists the file sets the namespace; the '
      + 'ServiceAccount `default` and the Service `kubernetes` (with its Endpoints and EndpointSlice) are not '
      + 'reported (every cluster has them there), nor are files listed as kustomize patches.',
    remediation: 'Set `metadata.namespace` to a dedicated namespace (or `namespace:` in the kustomization that lists '
      + 'the file), and give that namespace Pod Security labels, NetworkPolicies and quotas.',
    references: [OWASP_K01, 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
  },
  examples: {
    incorrect: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: shop
resources:
- other.yaml
`,
    correct: `apiVersion: v1
kind: ConfigMap
metadata:
  name: web
  namespace: shop
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
---
apiVersion: v1
kind: Service
metadata:
  name: kubernetes
  namespace: default
spec:
  ports:
  - port: 443
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: reader
rules: []
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: web
spec:
  secretName: web-tls
`,
  },
  fix: null, // the namespace to use is the team's choice, and moving an object moves what refers to it
  workspaceReads: NAMESPACE_ONLY,
  checkObject({ object, workspace: { index, self }, report }) {
    if (!podTemplatePath(object) && !NAMESPACED[object.group]?.includes(object.kind)) return;
    if (BUILT_IN.has(`${object.kind}/${object.name}`) || index.isPatch(self.uri)) return;
    if (index.namespaceOf(self) !== 'default') return;
    const written = get(metadataOf(object), 'namespace', object.doc);
    const data = { kind: object.kind, name: object.name ?? '(unnamed)' };
    report(written ? { messageId: 'explicit', data, at: written.value } : { messageId: 'implicit', data, at: nameNode(object) });
  },
});
