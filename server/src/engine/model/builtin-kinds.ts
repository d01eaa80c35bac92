// The API groups each built-in kind is (or was) served in, and the apiVersion to write today.
// An object whose apiVersion names another built-in group (`apiVersion: v1` on a Deployment) is
// rejected by the API server, and no rule reads it as what its kind says: it must be named, not
// silently passed. Custom groups (`serving.knative.dev` has its own `Service`) are not judged.

interface BuiltinKind {
  /** Every group the kind has been served in, removed versions' groups included. */
  groups: readonly string[];
  current: string;
}

const core = (): BuiltinKind => ({ groups: [''], current: 'v1' });
const apps = (): BuiltinKind => ({ groups: ['apps', 'extensions'], current: 'apps/v1' });
const inGroup = (group: string, version = 'v1', also: string[] = []): BuiltinKind => ({ groups: [group, ...also], current: `${group}/${version}` });

const KINDS: Readonly<Record<string, BuiltinKind>> = {
  Pod: core(), Service: core(), ConfigMap: core(), Secret: core(), ServiceAccount: core(), Namespace: core(),
  PersistentVolumeClaim: core(), PersistentVolume: core(), Endpoints: core(), LimitRange: core(), ResourceQuota: core(),
  ReplicationController: core(), PodTemplate: core(), Node: core(),
  Event: { groups: ['', 'events.k8s.io'], current: 'v1' },
  Deployment: apps(), DaemonSet: apps(), ReplicaSet: apps(),
  StatefulSet: inGroup('apps'), ControllerRevision: inGroup('apps'),
  Job: inGroup('batch'), CronJob: inGroup('batch'),
  Ingress: inGroup('networking.k8s.io', 'v1', ['extensions']),
  NetworkPolicy: inGroup('networking.k8s.io', 'v1', ['extensions']),
  IngressClass: inGroup('networking.k8s.io'),
  Role: inGroup('rbac.authorization.k8s.io'), ClusterRole: inGroup('rbac.authorization.k8s.io'),
  RoleBinding: inGroup('rbac.authorization.k8s.io'), ClusterRoleBinding: inGroup('rbac.authorization.k8s.io'),
  PodDisruptionBudget: inGroup('policy'),
  PodSecurityPolicy: { groups: ['policy', 'extensions'], current: 'policy/v1beta1' },
  HorizontalPodAutoscaler: inGroup('autoscaling', 'v2'),
  StorageClass: inGroup('storage.k8s.io'), CSIDriver: inGroup('storage.k8s.io'), CSINode: inGroup('storage.k8s.io'),
  VolumeAttachment: inGroup('storage.k8s.io'), CSIStorageCapacity: inGroup('storage.k8s.io'),
  MutatingWebhookConfiguration: inGroup('admissionregistration.k8s.io'),
  ValidatingWebhookConfiguration: inGroup('admissionregistration.k8s.io'),
  ValidatingAdmissionPolicy: inGroup('admissionregistration.k8s.io'),
  ValidatingAdmissionPolicyBinding: inGroup('admissionregistration.k8s.io'),
  PriorityClass: inGroup('scheduling.k8s.io'),
  Lease: inGroup('coordination.k8s.io'),
  EndpointSlice: inGroup('discovery.k8s.io'),
  RuntimeClass: inGroup('node.k8s.io'),
  CertificateSigningRequest: inGroup('certificates.k8s.io'),
  CustomResourceDefinition: inGroup('apiextensions.k8s.io'),
};

const BUILTIN_GROUPS: ReadonlySet<string> = new Set(Object.values(KINDS).flatMap(k => k.groups));

/**
 * For a built-in kind written with another built-in group's apiVersion, the apiVersion it should
 * have; undefined when the pair is plausible (right group, or a custom group's kind of that name).
 */
export function misplacedKind(group: string, kind: string): string | undefined {
  const known = KINDS[kind];
  if (!known || known.groups.includes(group) || !BUILTIN_GROUPS.has(group)) return undefined;
  return known.current;
}
