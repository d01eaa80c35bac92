// The workspace model: a summary of every Kubernetes object in the workspace folders (or the
// files given to the CLI), so rules can judge what only several files together can say: is this
// pod selected by a NetworkPolicy, which Pod Security level does its Namespace enforce. Open
// editor text replaces a file's summaries; nothing else is kept.
import { isNamespaceName, namespaceNameProblem } from './namespace-name';
import { perModel, perModelMap } from './derive';
import { objectsWith } from './facets';
import { FactDelta, factDelta, joinDeltas } from './fact-delta';
import { Labels } from './selector';
import { ObjectSummary } from './summary';
import { relocations, Relocations } from './relocate';

export interface WorkspaceOptions {
  /**
   * Namespace of objects that name none and are not placed by a kustomization: `default`, or
   * what the user configured (the namespace their `kubectl apply` targets). Either way a guess.
   */
  defaultNamespace: string;
}

export class WorkspaceIndex {
  private readonly files = new Map<string, ObjectSummary[]>();
  /** Increases when what rules read changes, so dependants (open documents) re-lint. */
  generation = 0;
  /**
   * Increases on every change, positions included: what perModel (derive.ts) caches is valid
   * for one revision.
   */
  revision = 0;

  /**
   * Told when a file's objects moved in its text (whether or not its facts changed), so related
   * locations into it that earlier findings hold can follow them (relocate.ts).
   */
  onRelocated?: (uri: string, moves: Relocations) => void;

  private defaultNs: string;
  /** What each of the latest generation moves changed (fact-delta.ts), oldest first. */
  private readonly deltas: Array<{ generation: number; delta: FactDelta }> = [];

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
    this.revision++;
    if ((before ?? []).length === 0 && summaries.length === 0) return false;
    if (before && this.onRelocated) {
      const moves = relocations(before, summaries);
      if (moves) this.onRelocated(uri, moves);
    }
    const delta = factDelta(before ?? [], summaries);
    // A document's index is a position, yet objects are found by it: a move counts, changing nothing.
    if (delta !== 'any' && delta.length === 0 && sameIndexes(before ?? [], summaries)) return false;
    this.moved(delta);
    return true;
  }

  /**
   * What changed since the model was at `generation`: nothing (an empty list), these facts, or
   * anything (`any`, also when the change is older than what is remembered).
   */
  changesSince(generation: number): FactDelta {
    if (generation === this.generation) return [];
    const first = this.deltas.findIndex(d => d.generation === generation + 1);
    if (first < 0 || generation > this.generation) return 'any';
    let delta: FactDelta = [];
    for (let i = first; i < this.deltas.length && delta !== 'any'; i++) delta = joinDeltas(delta, this.deltas[i].delta);
    return delta;
  }

  /**
   * A copy in which one file's objects are replaced, the original left as it was: for linting a
   * text the index does not hold (the passes of a fix-all over an open document).
   */
  withFile(uri: string, summaries: ObjectSummary[]): WorkspaceIndex {
    const copy = new WorkspaceIndex(this.options);
    for (const [u, s] of this.files) copy.files.set(u, s);
    // Set directly: a copy is linted against once, so what changed in it is never asked (and
    // comparing every object of a render each keystroke would be work for nothing).
    if (summaries.length === 0) copy.files.delete(uri); else copy.files.set(uri, summaries);
    return copy;
  }

  /** A copy without these files' objects, the original left as it was (set directly, as withFile). */
  withoutFiles(uris: Iterable<string>): WorkspaceIndex {
    const copy = new WorkspaceIndex(this.options);
    for (const [u, s] of this.files) copy.files.set(u, s);
    for (const u of uris) copy.files.delete(u);
    return copy;
  }

  removeFile(uri: string): boolean {
    const before = this.files.get(uri);
    if (!before || !this.files.delete(uri)) return false;
    this.revision++;
    this.moved(factDelta(before, []));
    return true;
  }

  clear(): void { this.files.clear(); this.changed(); }

  get fileCount(): number { return this.files.size; }

  summariesOf(uri: string): readonly ObjectSummary[] { return this.files.get(uri) ?? []; }

  /** The URIs of the files holding objects (without listing every object: a few may be wanted by name). */
  fileUris(): IterableIterator<string> { return this.files.keys(); }

  all(): readonly ObjectSummary[] {
    return allObjects(this);
  }

  /**
   * The namespace an object lives in: its own `metadata.namespace`, else the namespace of a
   * kustomization that lists its file (or a folder holding it), else the default.
   */
  namespaceOf(s: ObjectSummary): string {
    return s.namespace || placedNamespace(this, s);
  }

  /**
   * True when the object's namespace is a guess: none is written and no kustomization places it.
   * A configured default namespace is no less a guess: the manifests do not say it. Such objects
   * are usually applied with `kubectl -n <ns>`, each app into its own namespace, so two guessed
   * objects of unrelated files need not share one.
   */
  namespaceGuessed(s: ObjectSummary): boolean {
    return !s.namespace && kustomizationNamespace(this, s.uri) === undefined;
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
    return namespaceObjects(this).get(ns);
  }

  /** The workloads (pod-bearing objects) placed in namespace `ns`. */
  workloadsIn(ns: string): readonly ObjectSummary[] {
    return workloadsByNamespace(this).get(ns) ?? [];
  }

  /** The namespaces that hold at least one workload of the workspace. */
  workloadNamespaces(): string[] {
    return [...workloadsByNamespace(this).keys()];
  }

  /** The labels of namespace `ns` as selectors see them: its object's labels and the name label every namespace gets. */
  namespaceLabels(ns: string): Labels {
    return { ...this.namespaceObject(ns)?.labels, 'kubernetes.io/metadata.name': ns };
  }

  workloads(): readonly ObjectSummary[] {
    return objectsWith(this, 'pod');
  }

  /**
   * True when a kustomization of the workspace lists the file as a patch: its objects are
   * partial, so rules report what they set, never what they leave out (DESIGN.md).
   */
  isPatch(uri: string): boolean {
    return patchFiles(this).has(uri);
  }

  private changed(): void {
    this.revision++;
    this.moved('any');
  }

  /** The generation moves, remembering what changed (a bounded log: older asks get `any`). */
  private moved(delta: FactDelta): void {
    this.generation++;
    this.deltas.push({ generation: this.generation, delta });
    if (this.deltas.length > MAX_DELTAS) this.deltas.shift();
  }

  /** The default namespace, for the tables below. */
  get defaultNamespace(): string { return this.defaultNs; }

  /** Every file's summaries, for the tables below. */
  get fileSummaries(): Iterable<ObjectSummary[]> { return this.files.values(); }
}

// The model's own tables, cached per revision (derive.ts) like every domain's.
const allObjects = perModel(index => [...index.fileSummaries].flat());

const namespaceObjects = perModel(index => {
  const byName = new Map<string, ObjectSummary>();
  for (const o of index.all()) if (o.kind === 'Namespace' && o.group === '' && o.name && !byName.has(o.name)) byName.set(o.name, o);
  return byName;
});

const workloadsByNamespace = perModel(index => {
  const byNs = new Map<string, ObjectSummary[]>();
  for (const w of index.workloads()) {
    const key = index.namespaceOf(w);
    const list = byNs.get(key);
    if (list) list.push(w); else byNs.set(key, [w]);
  }
  return byNs;
});

/** The files a kustomization of the workspace lists as patches. */
const patchFiles = perModel(index => {
  const out = new Set<string>();
  for (const k of index.all()) {
    for (const p of k.kustomization?.patches ?? []) {
      const target = resolveUri(k.uri, p);
      if (target) out.add(target);
    }
  }
  return out;
});

/** The namespace of an object that writes none: its kustomization's, else the default. */
const placedNamespace = perModelMap((index: WorkspaceIndex, s: ObjectSummary) => kustomizationNamespace(index, s.uri) ?? index.defaultNamespace);

/** The namespace a kustomization that lists the file (or a folder holding it) sets. */
const kustomizationNamespace = perModelMap((index: WorkspaceIndex, uri: string): string | undefined => {
  for (const k of objectsWith(index, 'kustomization')) {
    if (!k.kustomization.namespace) continue;
    for (const res of k.kustomization.resources) {
      const target = resolveUri(k.uri, res);
      if (target && (uri === target || uri.startsWith(target.endsWith('/') ? target : `${target}/`))) return k.kustomization.namespace;
    }
  }
  return undefined;
});

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

const MAX_DELTAS = 64;

function sameIndexes(a: readonly ObjectSummary[], b: readonly ObjectSummary[]): boolean {
  return a.length === b.length && a.every((s, i) => s.docIndex === b[i].docIndex);
}
