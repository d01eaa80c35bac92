// The facts of the workspace model the rules read, named once (RuleMeta.workspaceReads): a
// change of the model re-lints a document only where one of its rules reads a changed fact.
// Namespaces and kustomizations (where objects land, their Pod Security labels) need no entry:
// a change of theirs re-lints every document that read the model. Each set says what the domain
// queries behind it read; a rule that uses several domains lists several sets.
import { FactRead, WORKLOADS_BESIDE_POLICIES } from './fact-delta';

/** Only the namespace the object lands in (its Namespace object's labels and annotations). */
export const NAMESPACE_ONLY: readonly FactRead[] = [];

/**
 * NetworkPolicies of every flavour (which pods they select, their types, names), and whether
 * their files hold workloads (a policy in a bundle of workloads speaks only for that bundle).
 */
export const NETWORK_POLICY_READS: readonly FactRead[] = [
  { having: ['networkPolicy'] },
  { having: [WORKLOADS_BESIDE_POLICIES] },
];

/**
 * The RBAC graph: roles (rules, and the labels their aggregation selects), bindings, the accounts
 * (which exist, whether they mount a token: not their labels), the CRDs naming an operator's own
 * API groups.
 */
export const RBAC_READS: readonly FactRead[] = [
  { having: ['role', 'binding'] },
  { having: ['serviceAccount'], fields: ['name', 'namespace', 'serviceAccount'] },
  { kinds: ['CustomResourceDefinition'], fields: ['name'] },
];

/** ServiceAccounts: their names and token automount settings. */
export const SERVICE_ACCOUNT_READS: readonly FactRead[] = [{ having: ['serviceAccount'], fields: ['name', 'namespace', 'serviceAccount'] }];

/** ConfigMaps and Secrets: their names and keys. */
export const CONFIG_DATA_READS: readonly FactRead[] = [{ having: ['configData'] }];

/** LimitRanges: the defaults they give containers. */
export const LIMIT_RANGE_READS: readonly FactRead[] = [{ having: ['limitRange'] }];

/** RuntimeClasses: their names and handlers. */
export const RUNTIME_CLASS_READS: readonly FactRead[] = [{ having: ['runtimeClass'] }];

/** Image verification policies (Kyverno, Sigstore). */
export const IMAGE_POLICY_READS: readonly FactRead[] = [{ having: ['imageVerification'] }];

/** Workloads: their pods' labels, images, accounts, host access, namespaces. */
export const WORKLOAD_READS: readonly FactRead[] = [{ having: ['pod'] }];

/** Which workloads run in which namespace, with which pod labels (what selectors pick). */
export const WORKLOAD_LABELS_READS: readonly FactRead[] = [{ having: ['pod'], fields: ['namespace', 'pod.labels'] }];

/** Which workloads of a namespace run on the host network (NetworkPolicies do not apply to them). */
export const WORKLOAD_HOST_NETWORK_READS: readonly FactRead[] = [{ having: ['pod'], fields: ['namespace', 'pod.hostNetwork'] }];

/** Which workloads of a namespace need host access the baseline level refuses (the agents named). */
export const WORKLOAD_HOST_ACCESS_READS: readonly FactRead[] = [{ having: ['pod'], fields: ['name', 'namespace', 'pod.hostAccess'] }];

/** Which service accounts the workloads of a namespace run as. */
export const WORKLOAD_ACCOUNT_READS: readonly FactRead[] = [{ having: ['pod'], fields: ['namespace', 'pod.serviceAccountName'] }];

/** Services: their names, selectors, ports, types. */
export const SERVICE_READS: readonly FactRead[] = [{ having: ['service'] }];

/** Which objects exist in which namespace, whatever their kind (every summary has a `kind`). */
export const ANY_OBJECT_PLACEMENT: readonly FactRead[] = [{ having: ['kind'], fields: ['namespace'] }];

/** Istio's request authentication and authorization policies of a namespace. */
export const MESH_AUTH_READS: readonly FactRead[] = [{ kinds: ['RequestAuthentication', 'AuthorizationPolicy'], fields: ['namespace'] }];

/** LimitRanges and ResourceQuotas: which namespaces have them. */
export const NAMESPACE_DEFAULTS_READS: readonly FactRead[] = [{ kinds: ['LimitRange', 'ResourceQuota'], fields: ['namespace'] }];
