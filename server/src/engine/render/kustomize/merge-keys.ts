// Which lists a strategic merge patch merges item by item, and by which key. Kustomize takes
// this from the Kubernetes OpenAPI document (x-kubernetes-patch-merge-key/-strategy); the
// entries below are those facts for the built-in kinds. For kinds it has no schema for,
// Kustomize infers: a list whose items all have a "name" is merged by name.
import { Gvk } from './resource';

/** Patch merge keys under a PodSpec, by path of field names from the PodSpec. */
const POD_SPEC: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name',
  'containers/ports': 'containerPort', 'initContainers/ports': 'containerPort', 'ephemeralContainers/ports': 'containerPort',
  'containers/env': 'name', 'initContainers/env': 'name', 'ephemeralContainers/env': 'name',
  'containers/volumeMounts': 'mountPath', 'initContainers/volumeMounts': 'mountPath', 'ephemeralContainers/volumeMounts': 'mountPath',
  'containers/volumeDevices': 'devicePath', 'initContainers/volumeDevices': 'devicePath', 'ephemeralContainers/volumeDevices': 'devicePath',
  'containers/resizePolicy': 'resourceName', 'initContainers/resizePolicy': 'resourceName',
  volumes: 'name', imagePullSecrets: 'name', hostAliases: 'ip', topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name', schedulingGates: 'name',
};

/** Where the PodSpec sits in each workload kind (by group). */
const POD_SPEC_PATHS: Array<{ groups: string[]; kinds: string[]; path: string }> = [
  { groups: [''], kinds: ['Pod'], path: 'spec' },
  { groups: [''], kinds: ['PodTemplate'], path: 'template/spec' },
  { groups: [''], kinds: ['ReplicationController'], path: 'spec/template/spec' },
  { groups: ['apps', 'extensions'], kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'], path: 'spec/template/spec' },
  { groups: ['batch'], kinds: ['Job'], path: 'spec/template/spec' },
  { groups: ['batch'], kinds: ['CronJob'], path: 'spec/jobTemplate/spec/template/spec' },
];

const OTHER: Array<{ groups: string[]; kinds: string[]; lists: Record<string, string> }> = [
  { groups: [''], kinds: ['Service'], lists: { 'spec/ports': 'port' } },
  { groups: ['apps', 'extensions'], kinds: ['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet'], lists: { 'status/conditions': 'type' } },
];

/** Lists of strings merged as sets (patchStrategy: merge without a key). */
const SET_LISTS = new Set(['metadata/finalizers']);

/** Known kinds have a schema: their unlisted lists are replaced whole. */
const KNOWN_GROUPS = new Set(['', 'apps', 'extensions', 'batch', 'policy', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'autoscaling', 'storage.k8s.io', 'scheduling.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io',
  'certificates.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io']);
const KNOWN_VERSIONS = /^v1$|^v1beta[12]$|^v2(beta[12])?$/;
const CORE_KINDS = new Set(['Pod', 'PodTemplate', 'ReplicationController', 'Service', 'ConfigMap', 'Secret', 'ServiceAccount',
  'Namespace', 'PersistentVolume', 'PersistentVolumeClaim', 'Endpoints', 'LimitRange', 'ResourceQuota', 'Node', 'Event']);

export type ListStrategy = { merge: 'key'; key: string } | { merge: 'set' } | { merge: 'replace' } | { merge: 'infer' };

export function hasSchema(g: Gvk): boolean {
  if (!KNOWN_GROUPS.has(g.group) || !KNOWN_VERSIONS.test(g.version)) return false;
  if (g.group === '') return CORE_KINDS.has(g.kind);
  return true;
}

export function listStrategy(g: Gvk, path: readonly string[]): ListStrategy {
  const p = path.join('/');
  if (p === 'metadata/ownerReferences') return { merge: 'key', key: 'uid' };
  if (SET_LISTS.has(p)) return { merge: 'set' };
  if (!hasSchema(g)) return { merge: 'infer' };
  for (const w of POD_SPEC_PATHS) {
    if (!w.groups.includes(g.group) || !w.kinds.includes(g.kind)) continue;
    if (p.startsWith(w.path + '/')) {
      const key = POD_SPEC[p.slice(w.path.length + 1)];
      if (key) return { merge: 'key', key };
    }
  }
  for (const o of OTHER) {
    if (o.groups.includes(g.group) && o.kinds.includes(g.kind) && o.lists[p]) return { merge: 'key', key: o.lists[p] };
  }
  return { merge: 'replace' };
}
