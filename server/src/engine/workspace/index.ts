// The workspace model: a summary of every Kubernetes object in the workspace folders (or the
// files given to the CLI), so rules can judge what only several files together can say: is this
// pod selected by a NetworkPolicy, which Pod Security level does its Namespace enforce. Open
// editor text replaces a file's summaries; nothing else is kept.
import { matches } from './selector';
import { ObjectSummary } from './summary';

export interface WorkspaceOptions {
  /** Namespace of objects that name none and are not placed by a kustomization. */
  defaultNamespace: string;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, ObjectSummary[]>();
  private allCache: ObjectSummary[] | undefined;
  private namespacesCache: Map<string, ObjectSummary> | undefined;
  private policiesCache: ObjectSummary[] | undefined;
  private nsCache = new Map<ObjectSummary, string>();
  /** Increases on every change, so dependants can tell a stale answer. */
  generation = 0;

  constructor(readonly options: WorkspaceOptions = { defaultNamespace: 'default' }) {}

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
      ns = this.kustomizationNamespace(s.uri) ?? this.options.defaultNamespace;
      this.nsCache.set(s, ns);
    }
    return ns;
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
    if (!workload.pod) return [];
    const ns = this.namespaceOf(workload);
    return this.networkPolicies().filter(p => {
      const np = p.networkPolicy!;
      if (!np.podSelector) return false;
      if (!np.clusterWide && this.namespaceOf(p) !== ns) return false;
      return matches(np.podSelector, workload.pod!.labels);
    });
  }

  workloads(): ObjectSummary[] {
    return this.all().filter(o => o.pod);
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

  private changed(): void {
    this.generation++;
    this.dropCaches();
  }

  private dropCaches(): void {
    this.allCache = undefined;
    this.namespacesCache = undefined;
    this.policiesCache = undefined;
    this.nsCache = new Map();
  }
}

function resolveUri(base: string, relative: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(relative)) return undefined; // remote resources: not in the workspace
  try { return new URL(relative, base).href.replace(/\/$/, ''); } catch { return undefined; }
}

function sameFacts(a: readonly ObjectSummary[], b: readonly ObjectSummary[]): boolean {
  const facts = (l: readonly ObjectSummary[]) => JSON.stringify(l.map(({ range: _range, ...rest }) => rest));
  return a.length === b.length && facts(a) === facts(b);
}
