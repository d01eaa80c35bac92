// The network domain: NetworkPolicy coverage as the network rules read it
// (docs/kubernetes-semantics.md §4), over every flavour the summaries know: Kubernetes, Cilium
// (NET16) and Calico policies. The facts each policy contributes are read in network-facts.ts.
import { perModel } from '../derive';
import type { WorkspaceIndex } from '../index';
import { matches } from '../selector';
import type { ObjectSummary } from '../summary';
import { objectsWith } from '../facets';
import type { PolicyFlavor } from './network-facts';

export type Direction = 'Ingress' | 'Egress';

/**
 * Namespaces the cluster itself owns. Their pods (DNS, kube-proxy, CNI and CSI agents) are set
 * up by the distribution, most run on the host network where policies do not apply, and a
 * default-deny there breaks the cluster: the network and Pod Security rules say nothing about
 * them (NS02 is the rule for user workloads placed in kube-system).
 */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/**
 * True when the workspace holds workloads of namespace `ns` and every one runs on the host
 * network: policies cannot apply to them, so asking the namespace for one is a false alarm
 * (the namespaces of CNI plugins and node agents).
 */
export function onlyHostNetwork(index: WorkspaceIndex, ns: string): boolean {
  const workloads = index.workloadsIn(ns).filter(w => w.kind !== 'PodTemplate');
  return workloads.length > 0 && workloads.every(w => w.pod!.hostNetwork);
}

/**
 * The policies that belong to namespace `ns` (NET02): its own, and cluster-wide ones that apply
 * to every pod of it. A cluster-wide policy for some labels (`app: web` everywhere) is not the
 * namespace's policy; it still counts for the pods it selects (NET01).
 */
export function namespacePolicies(index: WorkspaceIndex, ns: string): ObjectSummary[] {
  return policiesIn(index, ns).filter(p => !p.networkPolicy!.clusterWide || selectsEveryPod(index, p, ns));
}

/**
 * Per direction, the policies that make namespace `ns` deny by default: they select every pod
 * of it, list that policy type, and none of their allow rules for it admits every port. Several
 * policies may share the work (the documented pair `default-deny-ingress` + `default-deny-egress`),
 * and a namespace-wide policy whose allow rules all name ports (DNS egress) still counts: its
 * pods stay isolated but for those ports. A namespace-wide allow rule that admits every port is
 * no default-deny; NET08 reports it when it admits every source.
 */
export function defaultDeny(index: WorkspaceIndex, ns: string): Record<Direction, ObjectSummary[]> {
  const out: Record<Direction, ObjectSummary[]> = { Ingress: [], Egress: [] };
  for (const p of policiesIn(index, ns)) {
    if (!selectsEveryPod(index, p, ns)) continue;
    const np = p.networkPolicy!;
    for (const dir of new Set(np.policyTypes)) if (!np.allowsAnyPort[dir === 'Ingress' ? 'ingress' : 'egress']) out[dir].push(p);
  }
  return out;
}

/** `NetworkPolicy "web"`, `CiliumNetworkPolicy "web"`, `Calico NetworkPolicy "web"` for messages. */
export function policyLabel(p: ObjectSummary): string {
  return `${p.networkPolicy?.flavor === 'calico' ? 'Calico ' : ''}${p.kind} "${p.name ?? '(unnamed)'}"`;
}

/** Objects in a stable order (file, then place in it), whatever order the index learnt them in. */
export function byLocation<T extends ObjectSummary>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

/** "ingress", "egress" or "ingress and egress". */
export function directionsText(dirs: readonly Direction[]): string {
  return dirs.map(d => d.toLowerCase()).join(' and ');
}

/** `base`, else `base-2`, `base-3`, ...: a policy name the namespace does not use yet. */
export function uniqueName(base: string, taken: ReadonlySet<string | undefined>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  return name;
}

export function networkPolicies(index: WorkspaceIndex): readonly ObjectSummary[] {
  return objectsWith(index, 'networkPolicy');
}

/** The policies of each namespace, and the cluster-wide ones: those that may apply there. */
const policiesByNamespace = perModel(index => {
  const byNs = new Map<string, ObjectSummary[]>();
  const clusterWide: ObjectSummary[] = [];
  for (const p of objectsWith(index, 'networkPolicy')) {
    if (p.networkPolicy!.clusterWide) { clusterWide.push(p); continue; }
    const key = index.namespaceOf(p);
    const list = byNs.get(key);
    if (list) list.push(p); else byNs.set(key, [p]);
  }
  return { byNs, clusterWide };
});

/** The network policies (any flavour) whose pod selector picks this workload's pods. */
export function policiesSelecting(index: WorkspaceIndex, workload: ObjectSummary): ObjectSummary[] {
  return [...selecting(index, workload)];
}

/** True when some network policy selects this workload's pods. */
export function isSelected(index: WorkspaceIndex, workload: ObjectSummary): boolean {
  return !selecting(index, workload).next().done;
}

/** The policies selecting this workload's pods, found one at a time: callers may stop early. */
export function* selecting(index: WorkspaceIndex, workload: ObjectSummary): Generator<ObjectSummary, void> {
  if (!workload.pod) return;
  const ns = index.namespaceOf(workload);
  for (const p of candidatePolicies(index, ns)) if (selectsIn(index, p, workload, ns)) yield p;
}

/** The policies of namespace `ns` and the cluster-wide ones: those that may apply there. */
function candidatePolicies(index: WorkspaceIndex, ns: string): readonly ObjectSummary[] {
  const { byNs, clusterWide } = policiesByNamespace(index);
  const own = byNs.get(ns) ?? [];
  return clusterWide.length === 0 ? own : [...own, ...clusterWide];
}

/** True when `policy` (any flavour) selects the pods of `workload`. */
export function selects(index: WorkspaceIndex, policy: ObjectSummary, workload: ObjectSummary): boolean {
  return !!workload.pod && selectsIn(index, policy, workload, index.namespaceOf(workload));
}

/**
 * True when `policy` selects the pods of `workload` or would if their namespaces, one of them
 * a guess, were the same: what a rule reporting a policy that selects nothing must admit.
 */
export function mightSelect(index: WorkspaceIndex, policy: ObjectSummary, workload: ObjectSummary): boolean {
  const np = policy.networkPolicy;
  if (!workload.pod || !np?.podSelector) return false;
  if (selects(index, policy, workload)) return true;
  if (np.clusterWide || !index.mayShareNamespace(policy, workload)) return false;
  const ns = index.namespaceOf(workload);
  return matches(np.podSelector, np.flavor === 'kubernetes' ? workload.pod.labels : { ...workload.pod.labels, ...implicitPodLabels(index, np.flavor, ns, workload.pod.serviceAccountName) });
}

function selectsIn(index: WorkspaceIndex, policy: ObjectSummary, workload: ObjectSummary, ns: string): boolean {
  const np = policy.networkPolicy;
  if (!np?.podSelector || !workload.pod) return false;
  if (!appliesIn(index, policy, ns)) return false;
  if (np.flavor === 'kubernetes') return matches(np.podSelector, workload.pod.labels);
  return matches(np.podSelector, { ...workload.pod.labels, ...implicitPodLabels(index, np.flavor, ns, workload.pod.serviceAccountName) });
}

/** The network policies that may select pods of namespace `ns`: its own, and cluster-wide ones in scope. */
export function policiesIn(index: WorkspaceIndex, ns: string): ObjectSummary[] {
  return candidatePolicies(index, ns).filter(p => p.networkPolicy!.podSelector && appliesIn(index, p, ns));
}

/**
 * True when the policy applies to every pod of `ns` whatever its labels: its selector is
 * empty, or constrains only what every pod there has (Cilium's and Calico's namespace labels).
 */
export function selectsEveryPod(index: WorkspaceIndex, policy: ObjectSummary, ns: string): boolean {
  const np = policy.networkPolicy;
  if (!np?.podSelector || np.podSelector.invalid || !appliesIn(index, policy, ns)) return false;
  const implicit = implicitPodLabels(index, np.flavor, ns, undefined);
  const onlyImplicit = (key: string) => Object.prototype.hasOwnProperty.call(implicit, key) && !/serviceaccount$/.test(key);
  return Object.keys(np.podSelector.matchLabels).every(onlyImplicit)
    && np.podSelector.matchExpressions.every(r => onlyImplicit(r.key))
    && matches(np.podSelector, implicit);
}

function appliesIn(index: WorkspaceIndex, policy: ObjectSummary, ns: string): boolean {
  const np = policy.networkPolicy!;
  if (!np.clusterWide) return index.namespaceOf(policy) === ns;
  // A Calico GlobalNetworkPolicy may be limited to namespaces by their labels.
  return !np.namespaceSelector || matches(np.namespaceSelector, { ...index.namespaceLabels(ns), 'projectcalico.org/name': ns });
}

/**
 * Labels the network plugin gives every pod besides its own, which its selectors may use:
 * cluster-wide policies are scoped to a namespace that way.
 */
function implicitPodLabels(index: WorkspaceIndex, flavor: PolicyFlavor, ns: string, serviceAccount: string | undefined): Record<string, string> {
  const sa = serviceAccount ?? 'default';
  if (flavor === 'cilium') {
    const out: Record<string, string> = { 'io.kubernetes.pod.namespace': ns, 'io.cilium.k8s.policy.serviceaccount': sa };
    for (const [k, v] of Object.entries(index.namespaceLabels(ns))) out[`io.cilium.k8s.namespace.labels.${k}`] = v;
    return out;
  }
  if (flavor === 'calico') return { 'projectcalico.org/namespace': ns, 'projectcalico.org/orchestrator': 'k8s', 'projectcalico.org/serviceaccount': sa };
  return {};
}
