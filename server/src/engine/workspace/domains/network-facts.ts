// The network domain's facts: what each NetworkPolicy (Kubernetes, Cilium, Calico) selects,
// the peers it admits and on which ports. The queries over them are in network.ts.
import { isMap, YAMLMap } from 'yaml';
import type { K8sObject, ParsedFile } from '../../model/parse';
import { entries, get, getIn, getMap, getSeq, keyOf, seqItems, str } from '../../model/yaml-nav';
import { LabelSelector, readSelector } from '../selector';
import type { ObjectSummary } from '../summary';

declare module '../summary' {
  interface ObjectSummary {
    networkPolicy?: NetworkPolicyFacts;
  }
}

export type PolicyFlavor = 'kubernetes' | 'cilium' | 'calico';

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: string;
}

export interface NetworkPolicyFacts {
  flavor: PolicyFlavor;
  /** Cluster-wide policies (CiliumClusterwideNetworkPolicy, Calico GlobalNetworkPolicy) select in every namespace. */
  clusterWide: boolean;
  /**
   * The pods the policy applies to. Undefined when it selects none: a Cilium policy with only a
   * `nodeSelector` (a host policy) or with no selector at all (Cilium rejects it). A Kubernetes
   * policy without `podSelector` selects every pod of its namespace, as an empty one does.
   */
  podSelector?: LabelSelector;
  /** A Calico GlobalNetworkPolicy's `namespaceSelector`: the namespaces (by their labels) it applies in. */
  namespaceSelector?: LabelSelector;
  /** Effective policy types (Ingress always, Egress when listed or when egress rules exist). */
  policyTypes: Array<'Ingress' | 'Egress'>;
  ingressRules: number;
  egressRules: number;
  ingressPeers: NetworkPolicyPeer[];
  egressPeers: NetworkPolicyPeer[];
  /**
   * Per direction: some allow rule admits its peers on every port (it lists no ports). A
   * namespace-wide policy with such a rule is no default-deny for that direction (NET03), while
   * one whose allow rules all name ports (DNS egress) still is.
   */
  allowsAnyPort: { ingress: boolean; egress: boolean };
}

export function extractNetworkFacts(o: K8sObject, _file: ParsedFile, into: ObjectSummary): void {
  const np = networkPolicyFacts(o);
  if (np) into.networkPolicy = np;
}

function networkPolicyFacts(o: K8sObject): NetworkPolicyFacts | undefined {
  const spec = getMap(o.node, 'spec', o.doc);
  if (o.kind === 'NetworkPolicy' && o.group === 'networking.k8s.io') {
    const podSelectorRef = get(spec, 'podSelector', o.doc);
    const ingress = seqItems(getSeq(spec, 'ingress', o.doc), o.doc);
    const egress = seqItems(getSeq(spec, 'egress', o.doc), o.doc);
    const listed = seqItems(getSeq(spec, 'policyTypes', o.doc), o.doc).map(r => str(r));
    // policyTypes defaults to Ingress, plus Egress when the policy has egress rules.
    const types = listed.length ? listed : ['Ingress', ...(egress.length ? ['Egress'] : [])];
    const peers = (rules: typeof ingress, key: 'from' | 'to') => rules.flatMap(r =>
      isMap(r.value) ? seqItems(getSeq(r.value, key, o.doc), o.doc).filter(p => isMap(p.value)).map(p => readPeer(p.value as YAMLMap, o)) : []);
    // A rule admits every port unless it lists ports that each name one (an entry with only a
    // protocol means every port of that protocol; `ports: []` means every port).
    const anyPort = (rules: typeof ingress) => rules.some(r => {
      const ports = isMap(r.value) ? seqItems(getSeq(r.value, 'ports', o.doc), o.doc) : [];
      return ports.length === 0 || ports.some(p => !isMap(p.value) || !get(p.value, 'port', o.doc));
    });
    return {
      flavor: 'kubernetes', clusterWide: false,
      // `podSelector: {}`, `podSelector:` (null) and no podSelector at all select every pod
      // (kubernetes/kubernetes#131354); NET05 reports the omitted one as implicit.
      podSelector: readSelector(podSelectorRef && isMap(podSelectorRef.value) ? podSelectorRef.value : undefined, o.doc),
      policyTypes: types.filter((t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress'),
      ingressRules: ingress.length, egressRules: egress.length,
      ingressPeers: peers(ingress, 'from'), egressPeers: peers(egress, 'to'),
      allowsAnyPort: { ingress: anyPort(ingress), egress: anyPort(egress) },
    };
  }
  if ((o.kind === 'CiliumNetworkPolicy' || o.kind === 'CiliumClusterwideNetworkPolicy') && o.group === 'cilium.io') {
    // A Cilium policy may hold one rule in `spec` or several in `specs`; each selects endpoints.
    const specs = [spec, ...seqItems(getSeq(o.node, 'specs', o.doc), o.doc).map(r => (isMap(r.value) ? r.value : undefined))].filter((m): m is YAMLMap => !!m);
    const first = specs[0];
    const sel = getMap(first, 'endpointSelector', o.doc);
    const has = (k: string) => specs.some(m => getSeq(m, k, o.doc) !== undefined);
    const types: Array<'Ingress' | 'Egress'> = [];
    if (has('ingress') || has('ingressDeny')) types.push('Ingress');
    if (has('egress') || has('egressDeny')) types.push('Egress');
    // An allow rule names peers (fromEndpoints, toEntities, toCIDR, ...); one without toPorts
    // admits them on every port. An empty rule `{}` allows nothing: it is Cilium's default-deny.
    const anyPort = (key: 'ingress' | 'egress') => specs.some(m => seqItems(getSeq(m, key, o.doc), o.doc).some(r =>
      isMap(r.value) && !getSeq(r.value, 'toPorts', o.doc)
      && entries(r.value, o.doc).some(e => /^(from|to)[A-Z]/.test(e.name) && e.name !== 'toPorts' && !/Requires$/.test(e.name))));
    return {
      flavor: 'cilium', clusterWide: o.kind === 'CiliumClusterwideNetworkPolicy',
      podSelector: first && keyOf(first, 'endpointSelector', o.doc) ? ciliumSelector(readSelector(sel, o.doc)) : undefined,
      policyTypes: types, ingressRules: has('ingress') ? 1 : 0, egressRules: has('egress') ? 1 : 0,
      ingressPeers: [], egressPeers: [],
      allowsAnyPort: { ingress: anyPort('ingress'), egress: anyPort('egress') },
    };
  }
  if ((o.kind === 'NetworkPolicy' || o.kind === 'GlobalNetworkPolicy') && (o.group === 'projectcalico.org' || o.group === 'crd.projectcalico.org')) {
    const selector = str(get(spec, 'selector', o.doc));
    const types = seqItems(getSeq(spec, 'types', o.doc), o.doc).map(r => str(r)).filter((t): t is 'Ingress' | 'Egress' => t === 'Ingress' || t === 'Egress');
    const ingress = seqItems(getSeq(spec, 'ingress', o.doc), o.doc);
    const egress = seqItems(getSeq(spec, 'egress', o.doc), o.doc);
    // Only `action: Allow` rules admit traffic; one without destination ports admits every port.
    const anyPort = (rules: typeof ingress) => rules.some(r => isMap(r.value) && str(get(r.value, 'action', o.doc)) === 'Allow'
      && seqItems(getSeq(getMap(r.value, 'destination', o.doc), 'ports', o.doc), o.doc).length === 0);
    const nsSelector = str(get(spec, 'namespaceSelector', o.doc));
    const facts: NetworkPolicyFacts = {
      flavor: 'calico', clusterWide: o.kind === 'GlobalNetworkPolicy',
      podSelector: calicoSelector(selector),
      // Calico's default follows the rules present: Egress alone for a policy with only egress
      // rules, both for one with both, else Ingress.
      policyTypes: types.length ? types : egress.length ? (ingress.length ? ['Ingress', 'Egress'] : ['Egress']) : ['Ingress'],
      ingressRules: ingress.length,
      egressRules: egress.length,
      ingressPeers: [], egressPeers: [],
      allowsAnyPort: { ingress: anyPort(ingress), egress: anyPort(egress) },
    };
    if (o.kind === 'GlobalNetworkPolicy' && nsSelector !== undefined) facts.namespaceSelector = calicoSelector(nsSelector);
    return facts;
  }
  return undefined;
}

/**
 * Cilium reads label keys with a source prefix (`k8s:app`, `any:app`); pods' own labels come
 * from source `k8s`, so those prefixes are dropped. Other sources (`reserved:host`) never match a
 * pod's labels, as in Cilium.
 */
function ciliumSelector(sel: LabelSelector): LabelSelector {
  const strip = (k: string) => k.replace(/^(k8s|any):/, '');
  return {
    ...sel,
    matchLabels: Object.fromEntries(Object.entries(sel.matchLabels).map(([k, v]) => [strip(k), v])),
    matchExpressions: sel.matchExpressions.map(r => ({ ...r, key: strip(r.key) })),
  };
}

function readPeer(m: YAMLMap, o: K8sObject): NetworkPolicyPeer {
  const pod = get(m, 'podSelector', o.doc);
  const ns = get(m, 'namespaceSelector', o.doc);
  return {
    podSelector: keyOf(m, 'podSelector', o.doc) ? readSelector(pod && isMap(pod.value) ? pod.value : undefined, o.doc) : undefined,
    namespaceSelector: keyOf(m, 'namespaceSelector', o.doc) ? readSelector(ns && isMap(ns.value) ? ns.value : undefined, o.doc) : undefined,
    ipBlock: str(getIn(m, ['ipBlock', 'cidr'], o.doc)),
  };
}

/**
 * Calico's selector language, for the forms policies use to pick workloads: `all()`, an empty
 * selector, `k == 'v'`, `k != 'v'`, `has(k)`, `!has(k)`, `k in {'a','b'}`, joined by `&&`.
 * Anything else is read as matching every pod: a coverage rule then stays quiet rather than
 * raise a false alarm.
 */
export function calicoSelector(expr: string | undefined): LabelSelector {
  const matchLabels: Record<string, string> = {};
  const sel: LabelSelector = { matchLabels, matchExpressions: [] };
  const text = (expr ?? '').trim();
  if (text === '' || text === 'all()') return sel;
  for (const part of text.split('&&').map(p => p.trim())) {
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*==\s*["']([^"']*)["']$/.exec(part))) matchLabels[m[1]] = m[2];
    else if ((m = /^([\w./-]+)\s*!=\s*["']([^"']*)["']$/.exec(part))) sel.matchExpressions.push({ key: m[1], operator: 'NotIn', values: [m[2]] });
    else if ((m = /^has\(\s*([\w./-]+)\s*\)$/.exec(part))) sel.matchExpressions.push({ key: m[1], operator: 'Exists', values: [] });
    else if ((m = /^!\s*has\(\s*([\w./-]+)\s*\)$/.exec(part))) sel.matchExpressions.push({ key: m[1], operator: 'DoesNotExist', values: [] });
    else if ((m = /^([\w./-]+)\s+in\s*\{([^}]*)\}$/.exec(part))) {
      sel.matchExpressions.push({ key: m[1], operator: 'In', values: m[2].split(',').map(v => v.trim().replace(/^["']|["']$/g, '')) });
    } else return { matchLabels: {}, matchExpressions: [] };
  }
  return sel;
}
