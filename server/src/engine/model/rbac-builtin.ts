// The ClusterRoles every cluster has (the API server's bootstrap policy,
// plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go), as far as the danger catalogue
// reads them: a binding to `edit` hands out pods/exec, Secrets and impersonation of service
// accounts although no file of the workspace says so. admin, edit and view are aggregated
// ClusterRoles: their rules are those of the system:aggregate-to-* roles (and of every
// ClusterRole labelled aggregate-to-*, in the workspace too), view aggregating into edit and
// edit into admin, exactly as the aggregation controller builds them.
import type { PolicyRuleData } from './rbac-match';

export interface BuiltinClusterRole {
  name: string;
  labels: Readonly<Record<string, string>>;
  rules: PolicyRuleData[];
  /** matchLabels of the aggregationRule's selectors. */
  aggregation?: Array<Record<string, string>>;
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const AGG = 'rbac.authorization.k8s.io/aggregate-to-';

const rule = (verbs: string[], apiGroups: string[], resources: string[]): PolicyRuleData =>
  ({ verbs, apiGroups, resources, resourceNames: [], nonResourceURLs: [] });

export const BUILTIN_CLUSTER_ROLES: readonly BuiltinClusterRole[] = [
  {
    name: 'cluster-admin', labels: {},
    rules: [rule(['*'], ['*'], ['*']), { verbs: ['*'], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: ['*'] }],
  },
  { name: 'admin', labels: {}, rules: [], aggregation: [{ [`${AGG}admin`]: 'true' }] },
  { name: 'edit', labels: { [`${AGG}admin`]: 'true' }, rules: [], aggregation: [{ [`${AGG}edit`]: 'true' }] },
  { name: 'view', labels: { [`${AGG}edit`]: 'true' }, rules: [], aggregation: [{ [`${AGG}view`]: 'true' }] },
  {
    // Roles and RoleBindings of the namespace: an admin can bind any role it holds (or that
    // it may bind) to anyone in it.
    name: 'system:aggregate-to-admin', labels: { [`${AGG}admin`]: 'true' },
    rules: [
      rule(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']),
      rule([...READ, ...WRITE], ['rbac.authorization.k8s.io'], ['rolebindings', 'roles']),
    ],
  },
  {
    name: 'system:aggregate-to-edit', labels: { [`${AGG}edit`]: 'true' },
    rules: [
      rule(READ, [''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy']),
      rule(['impersonate'], [''], ['serviceaccounts']),
      rule(WRITE, [''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy']),
      rule(['create'], [''], ['pods/eviction']),
      rule(WRITE, [''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy']),
      rule(['create'], [''], ['serviceaccounts/token']),
      rule(WRITE, ['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale']),
      rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
      rule(WRITE, ['batch'], ['cronjobs', 'jobs']),
      rule(WRITE, ['extensions'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'ingresses', 'networkpolicies', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale']),
      rule(WRITE, ['policy'], ['poddisruptionbudgets']),
      rule(WRITE, ['networking.k8s.io'], ['ingresses', 'networkpolicies']),
      rule(WRITE, ['coordination.k8s.io'], ['leases']),
    ],
  },
  {
    // No Secrets: view deliberately leaves them out (reading one is reading a credential).
    name: 'system:aggregate-to-view', labels: { [`${AGG}view`]: 'true' },
    rules: [
      rule(READ, [''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status']),
      rule(READ, [''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status']),
      rule(READ, [''], ['namespaces']),
      rule(READ, ['discovery.k8s.io'], ['endpointslices']),
      rule(READ, ['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status']),
      rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
      rule(READ, ['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status']),
      rule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
      rule(READ, ['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies']),
    ],
  },
];

const BY_NAME = new Map(BUILTIN_CLUSTER_ROLES.map(r => [r.name, r]));

export function builtinClusterRole(name: string): BuiltinClusterRole | undefined {
  return BY_NAME.get(name);
}

/**
 * Whether a ClusterRole of this name exists in every cluster: the four user-facing roles and
 * the `system:` roles of the bootstrap policy and of controllers (not modelled rule by rule).
 */
export function isBuiltinClusterRole(name: string): boolean {
  return BY_NAME.has(name) || name.startsWith('system:');
}

/**
 * The Roles a cluster has in its `kube-` namespaces without any manifest: the API server's
 * bootstrap policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/namespace_policy.go), and
 * the ones kubeadm creates on every cluster it sets up (kube-proxy's, the kubelet's and the
 * join process's config readers). A binding to one of them refers to a role that exists.
 */
const BUILTIN_ROLES: Readonly<Record<string, readonly string[]>> = {
  'kube-system': [
    'extension-apiserver-authentication-reader', 'system:controller:bootstrap-signer', 'system:controller:cloud-provider',
    'system:controller:token-cleaner', 'system::leader-locking-kube-controller-manager', 'system::leader-locking-kube-scheduler',
    'kube-proxy', 'kubeadm:kubelet-config', 'kubeadm:nodes-kubeadm-config',
  ],
  'kube-public': ['system:controller:bootstrap-signer', 'kubeadm:bootstrap-signer-clusterinfo'],
};

/** Whether Role `name` exists in `namespace` of every cluster (or every kubeadm cluster). */
export function isBuiltinRole(namespace: string, name: string): boolean {
  return BUILTIN_ROLES[namespace]?.includes(name) ?? false;
}
