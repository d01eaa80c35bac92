// The workspace model: a summary of every Kubernetes object in the workspace folders (or the
// files given to the CLI), so rules can judge what only several files together can say: is this
// pod selected by a NetworkPolicy, which Pod Security level does its Namespace enforce. Open
// editor text replaces a file's summaries; nothing else is kept.
import { isNamespaceName, namespaceNameProblem } from './namespace-name';
import { Labels, matches } from './selector';
import { ObjectSummary } from './summary';

export interface WorkspaceOptions {
  /**
   * Namespace of objects that name none and are not placed by a kustomization: `default`, or
   * what the user configured (the namespace their `kubectl apply` targets). Either way a guess.
   */
  defaultNamespace: string;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, ObjectSummary[]>();
  private allCache: ObjectSummary[] | undefined;
  private namespacesCache: Map<string, ObjectSummary> | undefined;
  private policiesCache: ObjectSummary[] | undefined;
  private workloadsCache: ObjectSummary[] | undefined;
  private patchesCache: Set<string> | undefined;
  private workloadsByNamespace: Map<string, ObjectSummary[]> | undefined;
  private policiesByNamespace: { byNs: Map<string, ObjectSummary[]>; clusterWide: ObjectSummary[] } | undefined;
  private nsCache = new Map<ObjectSummary, string>();
  private derived = new Map<string, unknown>();
  private guessCache = new Map<ObjectSummary, boolean>();
  /** Increases on every change, so dependants can tell a stale answer. */
  generation = 0;

  private defaultNs: string;

  /** An invalid `defaultNamespace` is ignored (`default` applies): front ends validate first. */
  constructor(options: WorkspaceOptions = { defaultNamespace: 'default' }) {
    this.defaultNs = isNamespaceName(options.defaultNamespace) ? options.defaultNamespace : 'default';
  }

  /** A copy: a change of the default namespace goes through setDefaultNamespace. */
  get options(): WorkspaceOptions { return { defaultNamespace: this.defaultNs }; }

  /**
   * Changes the namespace of objects nothing places. Every answer may change, so the caches go
   * and `generation` moves (dependants re-lint) — only when the namespace did change. An invalid
   * name is a configuration problem: it is returned and the current namespace kept.
   */
  setDefaultNamespace(ns: string): { changed: boolean; problem?: string } {
    if (!isNamespaceName(ns)) return { changed: false, problem: namespaceNameProblem(ns) };
    if (ns === this.defaultNs) return { changed: false };
    this.defaultNs = ns;
    this.changed();
    return { changed: true };
  }

  /**
   * Replaces what is known of one file. Returns true when what rules read changed (not merely
   * where the objects are in the text): only then do other files need linting again.
   */
  setFile(uri: string, summaries: ObjectSummary[]): boolean {
    const before = this.files.get(uri);
    if (summaries.length === 0) this.files.delete(uri); else this.files.set(uri, summaries);
    this.dropCaches();
    if ((before ?? []).length === 0 && summaries.length === 0) return false;
    if (before && sameFacts(before, summaries)) return false;
    this.generation++;
    return true;
  }

  /**
   * A copy in which one file's objects are replaced, the original left as it was: for linting a
   * text the index does not hold (the passes of a fix-all over an open document).
   */
  withFile(uri: string, summaries: ObjectSummary[]): WorkspaceIndex {
    const copy = new WorkspaceIndex(this.options);
    for (const [u, s] of this.files) copy.files.set(u, s);
    copy.setFile(uri, summaries);
    return copy;
  }

  removeFile(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
    this.changed();
    return true;
  }

  clear(): void { this.files.clear(); this.changed(); }

  get fileCount(): number { return this.files.size; }

  summariesOf(uri: string): readonly ObjectSummary[] { return this.files.get(uri) ?? []; }

  all(): readonly ObjectSummary[] {
    if (!this.allCache) this.allCache = [...this.files.values()].flat();
    return this.allCache;
  }

  /**
   * The namespace an object lives in: its own `metadata.namespace`, else the namespace of a
   * kustomization that lists its file (or a folder holding it), else the default.
   */
  namespaceOf(s: ObjectSummary): string {
    if (s.namespace) return s.namespace;
    let ns = this.nsCache.get(s);
    if (ns === undefined) {
      ns = this.kustomizationNamespace(s.uri) ?? this.defaultNs;
      this.nsCache.set(s, ns);
    }
    return ns;
  }

  /**
   * True when the object's namespace is a guess: none is written and no kustomization places it.
   * A configured default namespace is no less a guess: the manifests do not say it. Such objects
   * are usually applied with `kubectl -n <ns>`, each app into its own namespace, so two guessed
   * objects of unrelated files need not share one.
   */
  namespaceGuessed(s: ObjectSummary): boolean {
    if (s.namespace) return false;
    let guessed = this.guessCache.get(s);
    if (guessed === undefined) {
      guessed = this.kustomizationNamespace(s.uri) === undefined;
      this.guessCache.set(s, guessed);
    }
    return guessed;
  }

  /**
   * True when `a` and `b` may live in the same namespace: the same one, or either a guess. A
   * rule that reports something missing from a namespace (a Secret, a ServiceAccount, the pods a
   * selector picks) counts what `mayShareNamespace` admits, so a guess never makes a finding.
   */
  mayShareNamespace(a: ObjectSummary, b: ObjectSummary): boolean {
    return this.namespaceOf(a) === this.namespaceOf(b) || this.namespaceGuessed(a) || this.namespaceGuessed(b);
  }

  /**
   * True when `policy` is evidence that the namespace of `workload` has policies of its own (so
   * a pod none selects is a gap, NET01): its namespace is known (written, placed by a
   * kustomization, or it is cluster-wide), or it is applied with the workload: in the same file,
   * or in a file of policies only within the workload's folder tree (a `policies/` folder beside
   * the app). A guessed policy in a file bundling other workloads (an installer such as Argo CD's)
   * speaks only for that bundle. Selection, which only silences, does not need this.
   */
  speaksFor(policy: ObjectSummary, workload: ObjectSummary): boolean {
    if (policy.networkPolicy?.clusterWide || !this.namespaceGuessed(policy) || policy.uri === workload.uri) return true;
    if (this.summariesOf(policy.uri).some(o => o.pod)) return false;
    return nested(policy.uri, workload.uri);
  }

  /**
   * True when `a` and `b` are known to share their namespace: both written (or placed) alike,
   * or, where either is a guess, applied together: in the same file or one folder tree (two
   * namespace-less installers in one repository are usually applied to different namespaces).
   * For the rules that make a finding from a match (a binding that reaches a pod's account).
   */
  sameNamespace(a: ObjectSummary, b: ObjectSummary): boolean {
    if (this.namespaceOf(a) !== this.namespaceOf(b)) return false;
    if (!this.namespaceGuessed(a) && !this.namespaceGuessed(b)) return true;
    return nested(a.uri, b.uri);
  }

  /**
   * True when `o` is, or may be, an object of namespace `ns`, whose Namespace object is `anchor`:
   * placed there, or naming no namespace in the Namespace object's folder (a `limitrange.yaml`
   * beside `namespace.yaml`, applied with `kubectl -n`). What a namespace-level rule finds missing
   * must be missing from both.
   */
  mayBelongTo(o: ObjectSummary, ns: string, anchor: ObjectSummary): boolean {
    return this.namespaceOf(o) === ns || (this.namespaceGuessed(o) && folderOf(o.uri) === folderOf(anchor.uri));
  }

  /** The Namespace object named `ns`, when the workspace has one. */
  namespaceObject(ns: string): ObjectSummary | undefined {
    if (!this.namespacesCache) {
      this.namespacesCache = new Map();
      for (const o of this.all()) if (o.kind === 'Namespace' && o.group === '' && o.name && !this.namespacesCache.has(o.name)) this.namespacesCache.set(o.name, o);
    }
    return this.namespacesCache.get(ns);
  }

  networkPolicies(): ObjectSummary[] {
    if (!this.policiesCache) this.policiesCache = this.all().filter(o => o.networkPolicy);
    return this.policiesCache;
  }

  /** The network policies (any flavour) whose pod selector picks this workload's pods. */
  policiesSelecting(workload: ObjectSummary): ObjectSummary[] {
    return [...this.selecting(workload)];
  }

  /** True when some network policy selects this workload's pods. */
  isSelected(workload: ObjectSummary): boolean {
    return !this.selecting(workload).next().done;
  }

  /** The policies selecting this workload's pods, found one at a time: callers may stop early. */
  *selecting(workload: ObjectSummary): Generator<ObjectSummary, void> {
    if (!workload.pod) return;
    const ns = this.namespaceOf(workload);
    for (const p of this.candidatePolicies(ns)) if (this.selectsIn(p, workload, ns)) yield p;
  }

  /** The policies of namespace `ns` and the cluster-wide ones: those that may apply there. */
  private candidatePolicies(ns: string): readonly ObjectSummary[] {
    if (!this.policiesByNamespace) {
      const byNs = new Map<string, ObjectSummary[]>();
      const clusterWide: ObjectSummary[] = [];
      for (const p of this.networkPolicies()) {
        if (p.networkPolicy!.clusterWide) { clusterWide.push(p); continue; }
        const key = this.namespaceOf(p);
        const list = byNs.get(key);
        if (list) list.push(p); else byNs.set(key, [p]);
      }
      this.policiesByNamespace = { byNs, clusterWide };
    }
    const own = this.policiesByNamespace.byNs.get(ns) ?? [];
    const cw = this.policiesByNamespace.clusterWide;
    return cw.length === 0 ? own : [...own, ...cw];
  }

  /** True when `policy` (any flavour) selects the pods of `workload`. */
  selects(policy: ObjectSummary, workload: ObjectSummary): boolean {
    return !!workload.pod && this.selectsIn(policy, workload, this.namespaceOf(workload));
  }

  /**
   * True when `policy` selects the pods of `workload` or would if their namespaces, one of them
   * a guess, were the same: what a rule reporting a policy that selects nothing must admit.
   */
  mightSelect(policy: ObjectSummary, workload: ObjectSummary): boolean {
    const np = policy.networkPolicy;
    if (!workload.pod || !np?.podSelector) return false;
    if (this.selects(policy, workload)) return true;
    if (np.clusterWide || !this.mayShareNamespace(policy, workload)) return false;
    const ns = this.namespaceOf(workload);
    return matches(np.podSelector, np.flavor === 'kubernetes' ? workload.pod.labels : { ...workload.pod.labels, ...this.implicitPodLabels(np.flavor, ns, workload.pod.serviceAccountName) });
  }

  /** The workloads (pod-bearing objects) placed in namespace `ns`. */
  workloadsIn(ns: string): readonly ObjectSummary[] {
    if (!this.workloadsByNamespace) {
      this.workloadsByNamespace = new Map();
      for (const w of this.workloads()) {
        const key = this.namespaceOf(w);
        const list = this.workloadsByNamespace.get(key);
        if (list) list.push(w); else this.workloadsByNamespace.set(key, [w]);
      }
    }
    return this.workloadsByNamespace.get(ns) ?? [];
  }

  /** The namespaces that hold at least one workload of the workspace. */
  workloadNamespaces(): string[] {
    this.workloadsIn('');
    return [...this.workloadsByNamespace!.keys()];
  }

  private selectsIn(policy: ObjectSummary, workload: ObjectSummary, ns: string): boolean {
    const np = policy.networkPolicy;
    if (!np?.podSelector || !workload.pod) return false;
    if (!this.appliesIn(policy, ns)) return false;
    if (np.flavor === 'kubernetes') return matches(np.podSelector, workload.pod.labels);
    return matches(np.podSelector, { ...workload.pod.labels, ...this.implicitPodLabels(np.flavor, ns, workload.pod.serviceAccountName) });
  }

  /** The network policies that may select pods of namespace `ns`: its own, and cluster-wide ones in scope. */
  policiesIn(ns: string): ObjectSummary[] {
    return this.candidatePolicies(ns).filter(p => p.networkPolicy!.podSelector && this.appliesIn(p, ns));
  }

  /**
   * True when the policy applies to every pod of `ns` whatever its labels: its selector is
   * empty, or constrains only what every pod there has (Cilium's and Calico's namespace labels).
   */
  selectsEveryPod(policy: ObjectSummary, ns: string): boolean {
    const np = policy.networkPolicy;
    if (!np?.podSelector || np.podSelector.invalid || !this.appliesIn(policy, ns)) return false;
    const implicit = this.implicitPodLabels(np.flavor, ns, undefined);
    const onlyImplicit = (key: string) => Object.prototype.hasOwnProperty.call(implicit, key) && !/serviceaccount$/.test(key);
    return Object.keys(np.podSelector.matchLabels).every(onlyImplicit)
      && np.podSelector.matchExpressions.every(r => onlyImplicit(r.key))
      && matches(np.podSelector, implicit);
  }

  /** The labels of namespace `ns` as selectors see them: its object's labels and the name label every namespace gets. */
  namespaceLabels(ns: string): Labels {
    return { ...this.namespaceObject(ns)?.labels, 'kubernetes.io/metadata.name': ns };
  }

  private appliesIn(policy: ObjectSummary, ns: string): boolean {
    const np = policy.networkPolicy!;
    if (!np.clusterWide) return this.namespaceOf(policy) === ns;
    // A Calico GlobalNetworkPolicy may be limited to namespaces by their labels.
    return !np.namespaceSelector || matches(np.namespaceSelector, { ...this.namespaceLabels(ns), 'projectcalico.org/name': ns });
  }

  /**
   * Labels the network plugin gives every pod besides its own, which its selectors may use:
   * cluster-wide policies are scoped to a namespace that way.
   */
  private implicitPodLabels(flavor: 'kubernetes' | 'cilium' | 'calico', ns: string, serviceAccount: string | undefined): Record<string, string> {
    const sa = serviceAccount ?? 'default';
    if (flavor === 'cilium') {
      const out: Record<string, string> = { 'io.kubernetes.pod.namespace': ns, 'io.cilium.k8s.policy.serviceaccount': sa };
      for (const [k, v] of Object.entries(this.namespaceLabels(ns))) out[`io.cilium.k8s.namespace.labels.${k}`] = v;
      return out;
    }
    if (flavor === 'calico') return { 'projectcalico.org/namespace': ns, 'projectcalico.org/orchestrator': 'k8s', 'projectcalico.org/serviceaccount': sa };
    return {};
  }

  workloads(): ObjectSummary[] {
    if (!this.workloadsCache) this.workloadsCache = this.all().filter(o => o.pod);
    return this.workloadsCache;
  }

  /**
   * True when a kustomization of the workspace lists the file as a patch: its objects are
   * partial, so rules report what they set, never what they leave out (DESIGN.md).
   */
  isPatch(uri: string): boolean {
    if (!this.patchesCache) {
      this.patchesCache = new Set();
      for (const k of this.all()) {
        for (const p of k.kustomization?.patches ?? []) {
          const target = resolveUri(k.uri, p);
          if (target) this.patchesCache.add(target);
        }
      }
    }
    return this.patchesCache.has(uri);
  }

  private kustomizationNamespace(uri: string): string | undefined {
    for (const k of this.all()) {
      if (!k.kustomization?.namespace) continue;
      for (const res of k.kustomization.resources) {
        const target = resolveUri(k.uri, res);
        if (target && (uri === target || uri.startsWith(target.endsWith('/') ? target : `${target}/`))) return k.kustomization.namespace;
      }
    }
    return undefined;
  }

  /**
   * A value computed from the whole index (the RBAC graph of workspace/rbac.ts), kept until the
   * index changes: helper modules cache here rather than add fields for each of their tables.
   */
  memo<T>(key: string, build: () => T): T {
    if (!this.derived.has(key)) this.derived.set(key, build());
    return this.derived.get(key) as T;
  }

  private changed(): void {
    this.generation++;
    this.dropCaches();
  }

  private dropCaches(): void {
    this.allCache = undefined;
    this.namespacesCache = undefined;
    this.policiesCache = undefined;
    this.policiesByNamespace = undefined;
    this.workloadsCache = undefined;
    this.workloadsByNamespace = undefined;
    this.patchesCache = undefined;
    this.nsCache = new Map();
    this.derived = new Map();
    this.guessCache = new Map();
  }
}

/** The folder of a file's URI, with its trailing slash. */
function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** One file's folder holds the other's (or is the same): applied together, as one app. */
export function nested(a: string, b: string): boolean {
  const fa = folderOf(a);
  const fb = folderOf(b);
  return fa.startsWith(fb) || fb.startsWith(fa);
}

function resolveUri(base: string, relative: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(relative)) return undefined; // remote resources: not in the workspace
  try { return new URL(relative, base).href.replace(/\/$/, ''); } catch { return undefined; }
}

function sameFacts(a: readonly ObjectSummary[], b: readonly ObjectSummary[]): boolean {
  // Positions (the object's, its role rules' entries) are where, not what: moving text is no change.
  const facts = (l: readonly ObjectSummary[]) => JSON.stringify(l, (k, v) => (k === 'range' || k === 'ranges' ? undefined : v));
  return a.length === b.length && facts(a) === facts(b);
}
