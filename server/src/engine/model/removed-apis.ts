// Kubernetes API versions that were removed, with the version that replaced them. Data, so the
// table can grow without touching the rule. `mechanical`: the object means the same under the new
// version with only apiVersion changed (fields and defaults unchanged); otherwise the message
// says what to rewrite. Sources: the Kubernetes deprecated API migration guide.
export interface RemovedApi {
  group: string;
  version: string;
  kinds: readonly string[];
  /** Minor version of 1.x in which the version stopped being served. */
  removedIn: number;
  replacement: string;
  mechanical: boolean;
  /** What changes beyond apiVersion, for messages when the migration is not mechanical. */
  note?: string;
  /** Not mechanical when `spec.selector` is absent or empty. */
  unlessEmptySelector?: boolean;
}

export const REMOVED_APIS: readonly RemovedApi[] = [
  { group: 'extensions', version: 'v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removedIn: 16, replacement: 'apps/v1', mechanical: false, note: 'spec.selector becomes required and several defaults change (revisionHistoryLimit, rolling update limits)' },
  { group: 'apps', version: 'v1beta1', kinds: ['Deployment', 'StatefulSet'], removedIn: 16, replacement: 'apps/v1', mechanical: false, note: 'spec.selector becomes required and several defaults change' },
  { group: 'apps', version: 'v1beta2', kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'], removedIn: 16, replacement: 'apps/v1', mechanical: false, note: 'spec.selector becomes required' },
  { group: 'extensions', version: 'v1beta1', kinds: ['NetworkPolicy'], removedIn: 16, replacement: 'networking.k8s.io/v1', mechanical: true },
  { group: 'extensions', version: 'v1beta1', kinds: ['Ingress'], removedIn: 22, replacement: 'networking.k8s.io/v1', mechanical: false, note: 'backends become service.name / service.port.number, and every path needs a pathType' },
  { group: 'networking.k8s.io', version: 'v1beta1', kinds: ['Ingress'], removedIn: 22, replacement: 'networking.k8s.io/v1', mechanical: false, note: 'backends become service.name / service.port.number, and every path needs a pathType' },
  { group: 'networking.k8s.io', version: 'v1beta1', kinds: ['IngressClass'], removedIn: 22, replacement: 'networking.k8s.io/v1', mechanical: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1beta1', kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], removedIn: 22, replacement: 'rbac.authorization.k8s.io/v1', mechanical: true },
  { group: 'rbac.authorization.k8s.io', version: 'v1alpha1', kinds: ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'], removedIn: 22, replacement: 'rbac.authorization.k8s.io/v1', mechanical: true },
  { group: 'scheduling.k8s.io', version: 'v1beta1', kinds: ['PriorityClass'], removedIn: 22, replacement: 'scheduling.k8s.io/v1', mechanical: true },
  { group: 'coordination.k8s.io', version: 'v1beta1', kinds: ['Lease'], removedIn: 22, replacement: 'coordination.k8s.io/v1', mechanical: true },
  { group: 'admissionregistration.k8s.io', version: 'v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], removedIn: 22, replacement: 'admissionregistration.k8s.io/v1', mechanical: false, note: 'sideEffects and admissionReviewVersions become required and failurePolicy defaults to Fail' },
  { group: 'apiextensions.k8s.io', version: 'v1beta1', kinds: ['CustomResourceDefinition'], removedIn: 22, replacement: 'apiextensions.k8s.io/v1', mechanical: false, note: 'versions need structural schemas and the top-level validation/version fields move into spec.versions' },
  { group: 'storage.k8s.io', version: 'v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removedIn: 22, replacement: 'storage.k8s.io/v1', mechanical: true },
  { group: 'certificates.k8s.io', version: 'v1beta1', kinds: ['CertificateSigningRequest'], removedIn: 22, replacement: 'certificates.k8s.io/v1', mechanical: false, note: 'spec.signerName becomes required' },
  { group: 'batch', version: 'v1beta1', kinds: ['CronJob'], removedIn: 25, replacement: 'batch/v1', mechanical: true },
  // Mechanical unless the selector is empty: v1beta1 selected no pod with it, v1 selects them all.
  { group: 'policy', version: 'v1beta1', kinds: ['PodDisruptionBudget'], removedIn: 25, replacement: 'policy/v1', mechanical: true, note: 'an empty selector now selects every pod of the namespace instead of none', unlessEmptySelector: true },
  { group: 'discovery.k8s.io', version: 'v1beta1', kinds: ['EndpointSlice'], removedIn: 25, replacement: 'discovery.k8s.io/v1', mechanical: false, note: 'topology becomes zone / deprecatedTopology' },
  { group: 'events.k8s.io', version: 'v1beta1', kinds: ['Event'], removedIn: 25, replacement: 'events.k8s.io/v1', mechanical: true },
  { group: 'autoscaling', version: 'v2beta1', kinds: ['HorizontalPodAutoscaler'], removedIn: 25, replacement: 'autoscaling/v2', mechanical: false, note: 'metric targets move under target (type, averageValue, averageUtilization)' },
  { group: 'autoscaling', version: 'v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: 26, replacement: 'autoscaling/v2', mechanical: true },
  { group: 'node.k8s.io', version: 'v1beta1', kinds: ['RuntimeClass'], removedIn: 25, replacement: 'node.k8s.io/v1', mechanical: true },
  { group: 'flowcontrol.apiserver.k8s.io', version: 'v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1', mechanical: false, note: 'v1 renames assuredConcurrencyShares to nominalConcurrencyShares' },
  { group: 'flowcontrol.apiserver.k8s.io', version: 'v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1', mechanical: false, note: 'v1 renames assuredConcurrencyShares to nominalConcurrencyShares' },
  { group: 'flowcontrol.apiserver.k8s.io', version: 'v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1', mechanical: true },
  { group: 'storage.k8s.io', version: 'v1beta1', kinds: ['CSIStorageCapacity'], removedIn: 27, replacement: 'storage.k8s.io/v1', mechanical: true },
];

export function removedApi(apiVersion: string, kind: string): RemovedApi | undefined {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  return REMOVED_APIS.find(a => a.group === group && a.version === version && a.kinds.includes(kind));
}
