// What the workspace keeps of each object: the few facts cross-object rules read (labels,
// selectors, policy types, references), never the document. A summary is plain data, so an
// index of a large repository stays small and survives without its texts.
import { isMap, YAMLMap } from 'yaml';
import { K8sObject, ParsedFile } from '../model/parse';
import { Range } from '../model/text';
import { podSpecOf } from '../model/workload';
import { entries, get, getIn, getMap, getSeq, isFalse, isTrue, keyOf, seqItems, str } from '../model/yaml-nav';
import { nodeOffsets } from '../model/ranges';
import { LabelSelector, Labels, readLabels, readSelector } from './selector';
import { ServiceFacts, serviceFacts } from './service';
import { HostAccess, hostAccessOf } from '../model/host-access';
import { isRole, policyRulesOf, PolicyRuleData, RBAC_GROUP } from '../model/rbac';

export interface ObjectRef {
  uri: string;
  docIndex: number;
  kind: string;
  group: string;
  name?: string;
  /** The namespace written in the object, if any (see WorkspaceIndex.namespaceOf for the effective one). */
  namespace?: string;
  /** Where `metadata.name` (else `kind`) is, for relatedInformation. */
  range: Range;
}

export interface PodFacts {
  labels: Labels;
  annotations: Labels;
  serviceAccountName?: string;
  /** `automountServiceAccountToken` of the pod spec, when set. */
  automountToken?: boolean;
  /** `hostNetwork: true`: NetworkPolicies do not apply to the pod. */
  hostNetwork?: boolean;
  /** The images its containers run (init and ephemeral included), as written (NET15). */
  images?: string[];
  /** Host access the baseline Pod Security level refuses (NS04: what its namespace can enforce). */
  hostAccess?: HostAccess[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: string;
}

export interface NetworkPolicyFacts {
  flavor: 'kubernetes' | 'cilium' | 'calico';
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

export interface ObjectSummary extends ObjectRef {
  labels: Labels;
  /** A Namespace's annotations (Linkerd's injection switch lives there); other kinds keep none. */
  annotations?: Labels;
  pod?: PodFacts;
  networkPolicy?: NetworkPolicyFacts;
  /** Kustomization: the namespace it sets and the resources it lists (paths as written). */
  kustomization?: {
    namespace?: string;
    resources: string[];
    /** Files of partial objects (`patches[].path`, `patchesStrategicMerge`, `patchesJson6902[].path`). */
    patches: string[];
  };
  /** Secrets, ConfigMaps and what creates Secrets in the cluster (dangling references, SEC06). */
  configData?: ConfigDataFacts;
  /** ServiceAccount: its own token automount setting (SA01, SA07). */
  serviceAccount?: { automountToken?: boolean };
  /** A core Service: its type, selector and ports (NET13-NET15). */
  service?: ServiceFacts;
  /** LimitRange: the resources its Container limits give a default limit / request for (RES01-RES05). */
  limitRange?: { defaultLimits: string[]; defaultRequests: string[] };
  /** RuntimeClass: the runtime handler its name selects (RT01: `runsc`, `kata-qemu` are sandboxes). */
  runtimeClass?: { handler?: string };
  /** A policy whose admission controller verifies image signatures, and which images it checks (IMG07). */
  imageVerification?: ImageVerificationFacts;
  /** Role / ClusterRole: its rules and aggregation (RB33); its labels are `labels`. */
  role?: RoleFacts;
  /** RoleBinding / ClusterRoleBinding: what it binds to whom. */
  binding?: BindingFacts;
}

export interface ImageVerificationFacts {
  /**
   * Whose patterns: Kyverno's (`*` and `?` match any characters, `/` included) or Sigstore
   * policy-controller's (`*` within one path segment, `**` across them).
   */
  flavor: 'kyverno' | 'sigstore';
  /** Applies in every namespace (ClusterPolicy, ClusterImagePolicy), else only in its own. */
  clusterWide: boolean;
  /** Image patterns as written. */
  patterns: string[];
}

/** One entry of a role's `rules`, with where its entries are written (for related locations in other files). */
export interface RoleRuleFacts extends PolicyRuleData {
  /** The rule item (its first key). */
  range: Range;
  /** Per field, where each entry of the data is written (same order as the data). */
  ranges: Record<'apiGroups' | 'resources' | 'verbs', Range[]>;
}

export interface RoleFacts {
  rules: RoleRuleFacts[];
  /** `aggregationRule.clusterRoleSelectors` of a ClusterRole: its rules are the union of the ClusterRoles they select. */
  aggregation?: LabelSelector[];
}

export interface SubjectFacts {
  kind: string;
  name: string;
  /** As written. A ServiceAccount subject of a RoleBinding without one means the binding's namespace (see workspace/rbac.ts). */
  namespace?: string;
}

export interface BindingFacts {
  roleRef: { kind: string; name: string };
  subjects: SubjectFacts[];
}

export interface ConfigDataFacts {
  /** What the object makes available under its `name`. */
  provides: 'Secret' | 'ConfigMap';
  /** The name it provides (a secret manager's target name, else the object's own). */
  name?: string;
  /** Keys of data/stringData/binaryData; undefined when unknown (made by a controller). */
  keys?: string[];
}

export function summarizeFile(uri: string, file: ParsedFile): ObjectSummary[] {
  const out: ObjectSummary[] = [];
  for (const d of file.documents) for (const o of d.objects) out.push(summarize(uri, file, o));
  return out;
}

function summarize(uri: string, file: ParsedFile, o: K8sObject): ObjectSummary {
  const meta = getMap(o.node, 'metadata', o.doc);
  const nameNode = get(meta, 'name', o.doc)?.value ?? keyOf(o.node, 'kind', o.doc);
  const off = nodeOffsets(nameNode) ?? [0, 0];
  const s: ObjectSummary = {
    uri, docIndex: o.docIndex, kind: o.kind, group: o.group, name: o.name, namespace: o.namespace,
    range: { start: file.lines.positionAt(off[0]), end: file.lines.positionAt(off[1]) },
    labels: readLabels(getMap(meta, 'labels', o.doc), o.doc),
  };
  if (o.kind === 'Namespace' && o.group === '') s.annotations = readLabels(getMap(meta, 'annotations', o.doc), o.doc);
  const pod = podSpecOf(o);
  if (pod) {
    const automount = pod.field('automountServiceAccountToken');
    s.pod = {
      labels: readLabels(getMap(pod.metadata, 'labels', o.doc), o.doc),
      annotations: readLabels(getMap(pod.metadata, 'annotations', o.doc), o.doc),
      serviceAccountName: str(pod.field('serviceAccountName')) ?? str(pod.field('serviceAccount')),
      automountToken: automount ? !isFalse(automount) : undefined,
    };
    if (isTrue(pod.field('hostNetwork'))) s.pod.hostNetwork = true;
    const images = pod.containers.map(c => str(c.field('image'))).filter((i): i is string => !!i);
    if (images.length > 0) s.pod.images = images;
    const hostAccess = hostAccessOf(pod);
    if (hostAccess.length > 0) s.pod.hostAccess = hostAccess;
    // The Job controller labels its pods with the Job's name (unless the selector is manual):
    // policies may select them by it.
    if (o.kind === 'Job' && o.group === 'batch' && o.name && !isTrue(getIn(o.node, ['spec', 'manualSelector'], o.doc))) {
      s.pod.labels = { 'job-name': o.name, 'batch.kubernetes.io/job-name': o.name, ...s.pod.labels };
    }
  }
  const np = networkPolicyFacts(o);
  if (np) s.networkPolicy = np;
  if (o.kind === 'Kustomization' && o.group === 'kustomize.config.k8s.io') {
    s.kustomization = {
      namespace: str(get(o.node, 'namespace', o.doc)),
      resources: seqItems(getSeq(o.node, 'resources', o.doc), o.doc).map(r => str(r)).filter((r): r is string => !!r),
      patches: [
        ...['patches', 'patchesJson6902'].flatMap(k => seqItems(getSeq(o.node, k, o.doc), o.doc).map(r => (isMap(r.value) ? str(get(r.value, 'path', o.doc)) : undefined))),
        // A patchesStrategicMerge entry is a path, or an inline patch (which holds a line break).
        ...seqItems(getSeq(o.node, 'patchesStrategicMerge', o.doc), o.doc).map(r => str(r)).filter(r => !r?.includes('\n')),
      ].filter((r): r is string => !!r),
    };
  }
  if (o.kind === 'LimitRange' && o.group === '') {
    const lr = { defaultLimits: [] as string[], defaultRequests: [] as string[] };
    for (const item of seqItems(getSeq(getMap(o.node, 'spec', o.doc), 'limits', o.doc), o.doc)) {
      if (!isMap(item.value) || str(get(item.value, 'type', o.doc)) !== 'Container') continue;
      lr.defaultLimits.push(...entries(getMap(item.value, 'default', o.doc), o.doc).map(e => e.name));
      lr.defaultRequests.push(...entries(getMap(item.value, 'defaultRequest', o.doc), o.doc).map(e => e.name));
    }
    s.limitRange = lr;
  }
  const cd = configDataFacts(o);
  if (cd) s.configData = cd;
  const svc = serviceFacts(o);
  if (svc) s.service = svc;
  if (o.kind === 'ServiceAccount' && o.group === '') {
    const automount = get(o.node, 'automountServiceAccountToken', o.doc);
    s.serviceAccount = { automountToken: automount ? !isFalse(automount) : undefined };
  }
  const iv = imageVerificationFacts(o);
  if (iv) s.imageVerification = iv;
  if (o.kind === 'RuntimeClass' && o.group === 'node.k8s.io') s.runtimeClass = { handler: str(get(o.node, 'handler', o.doc)) };
  if (isRole(o)) s.role = roleFacts(o, file);
  if (o.group === RBAC_GROUP && (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding')) s.binding = bindingFacts(o);
  return s;
}

function imageVerificationFacts(o: K8sObject): ImageVerificationFacts | undefined {
  const spec = getMap(o.node, 'spec', o.doc);
  const items = (m: YAMLMap | undefined, key: string) => seqItems(getSeq(m, key, o.doc), o.doc).map(r => r.value).filter(isMap);
  const strings = (m: YAMLMap | undefined, key: string) => seqItems(getSeq(m, key, o.doc), o.doc).map(r => str(r)).filter((v): v is string => !!v);
  if ((o.kind === 'ClusterPolicy' || o.kind === 'Policy') && o.group === 'kyverno.io') {
    // `imageReferences` lists patterns; the older `image` field held one.
    const patterns = items(spec, 'rules').flatMap(rule => items(rule, 'verifyImages').flatMap(v => [
      ...strings(v, 'imageReferences'), ...[str(get(v, 'image', o.doc))].filter((p): p is string => !!p),
    ]));
    return patterns.length ? { flavor: 'kyverno', clusterWide: o.kind === 'ClusterPolicy', patterns } : undefined;
  }
  if (o.kind === 'ImageValidatingPolicy' && o.group === 'policies.kyverno.io') {
    // A CEL `expression` may match any image: read as `*`, so the rule stays quiet rather than guess.
    const refs = items(spec, 'matchImageReferences');
    const patterns = refs.map(r => str(get(r, 'glob', o.doc)) ?? (get(r, 'expression', o.doc) ? '*' : undefined)).filter((p): p is string => !!p);
    return patterns.length ? { flavor: 'kyverno', clusterWide: true, patterns } : undefined;
  }
  if (o.kind === 'ClusterImagePolicy' && o.group === 'policy.sigstore.dev') {
    const patterns = items(spec, 'images').map(i => str(get(i, 'glob', o.doc))).filter((p): p is string => !!p);
    return patterns.length ? { flavor: 'sigstore', clusterWide: true, patterns } : undefined;
  }
  return undefined;
}

function roleFacts(o: K8sObject, file: ParsedFile): RoleFacts {
  const range = (n: Parameters<typeof nodeOffsets>[0]): Range => {
    const off = nodeOffsets(n) ?? [0, 0];
    return { start: file.lines.positionAt(off[0]), end: file.lines.positionAt(off[1]) };
  };
  const facts: RoleFacts = {
    rules: policyRulesOf(o).map(r => ({
      ...r.data,
      range: range(r.site),
      ranges: { apiGroups: r.apiGroups.entries.map(e => range(e.node)), resources: r.resources.entries.map(e => range(e.node)), verbs: r.verbs.entries.map(e => range(e.node)) },
    })),
  };
  const agg = getMap(o.node, 'aggregationRule', o.doc);
  if (o.kind === 'ClusterRole' && agg) {
    facts.aggregation = seqItems(getSeq(agg, 'clusterRoleSelectors', o.doc), o.doc)
      .map(r => (isMap(r.value) ? readSelector(r.value, o.doc) : { matchLabels: {}, matchExpressions: [], invalid: true }));
  }
  return facts;
}

function bindingFacts(o: K8sObject): BindingFacts {
  const ref = getMap(o.node, 'roleRef', o.doc);
  return {
    roleRef: { kind: str(get(ref, 'kind', o.doc)) ?? '', name: str(get(ref, 'name', o.doc)) ?? '' },
    subjects: seqItems(getSeq(o.node, 'subjects', o.doc), o.doc).flatMap(r => {
      if (!isMap(r.value)) return [];
      const namespace = str(get(r.value, 'namespace', o.doc));
      const subject: SubjectFacts = { kind: str(get(r.value, 'kind', o.doc)) ?? '', name: str(get(r.value, 'name', o.doc)) ?? '' };
      if (namespace) subject.namespace = namespace;
      return [subject];
    }),
  };
}

// Objects whose controller creates a Secret: External Secrets, Sealed Secrets, Vault Secrets Operator.
const SECRET_PRODUCERS: ReadonlyArray<{ group: string; kind: string; name: readonly string[] }> = [
  { group: 'external-secrets.io', kind: 'ExternalSecret', name: ['spec', 'target', 'name'] },
  { group: 'bitnami.com', kind: 'SealedSecret', name: ['spec', 'template', 'metadata', 'name'] },
  { group: 'secrets.hashicorp.com', kind: 'VaultStaticSecret', name: ['spec', 'destination', 'name'] },
  { group: 'secrets.hashicorp.com', kind: 'VaultDynamicSecret', name: ['spec', 'destination', 'name'] },
  { group: 'secrets.hashicorp.com', kind: 'HCPVaultSecretsApp', name: ['spec', 'destination', 'name'] },
];

function configDataFacts(o: K8sObject): ConfigDataFacts | undefined {
  if (o.group === '' && (o.kind === 'Secret' || o.kind === 'ConfigMap')) {
    const keys = ['data', 'stringData', 'binaryData'].flatMap(f => entries(getMap(o.node, f, o.doc), o.doc).map(e => e.name));
    return { provides: o.kind, name: o.name, keys };
  }
  const producer = SECRET_PRODUCERS.find(p => p.kind === o.kind && p.group === o.group);
  if (producer) return { provides: 'Secret', name: str(getIn(o.node, producer.name, o.doc)) ?? o.name };
  return undefined;
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
