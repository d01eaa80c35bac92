// NetworkPolicy coverage as the network rules read it (docs/kubernetes-semantics.md §4), over every flavour the
// summaries know: Kubernetes, Cilium (NET16) and Calico policies.
import { WorkspaceIndex } from './index';
import { ObjectSummary } from './summary';

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
  return index.policiesIn(ns).filter(p => !p.networkPolicy!.clusterWide || index.selectsEveryPod(p, ns));
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
  for (const p of index.policiesIn(ns)) {
    if (!index.selectsEveryPod(p, ns)) continue;
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
