// One object being rendered: its node tree, where its document came from, and the identities it
// had on the way (Kustomize finds references by the names an object had before prefixes,
// suffixes and hashes were applied).
//
// A built sub-kustomization (a base) is kept and shared by every overlay that includes it
// (build-memo.ts), so an object may hold a tree other builds read too: it is copied the first
// time it is written (`node`), never before. Reading goes through `view`, which never copies;
// code that only reads should use it, code that writes must take `node`.
import { clone, get, getPath, KMap, Origin, str } from './model';
import { CLUSTER_SCOPED } from './openapi-lists';

export interface Gvk { group: string; version: string; kind: string }
export interface ResId extends Gvk { name: string; namespace: string }

export interface GeneratedInfo {
  behavior: 'create' | 'merge' | 'replace';
  hash: boolean;
  entry: Origin;
}

export class Resource {
  /**
   * The ids stored before each transformer that may rename the object (Kustomize's PrevIds),
   * oldest first; empty for an object no such transformer touched.
   */
  readonly history: ResId[] = [];
  generated?: GeneratedInfo;
  /** Rendered from a chart of `helmCharts` (Kustomize's helm-generated mark): namespaces are the chart's to set. */
  helmGenerated?: true;
  /** Name prefixes/suffixes applied, outermost last: name references are matched through them. */
  readonly prefixes: string[] = [];
  readonly suffixes: string[] = [];

  private tree: KMap;
  /** False while `tree` is shared with a kept build: the first write copies it. */
  private owned: boolean;
  /**
   * The id of `tree` while it is shared (it never changes then), handed to every copy `share`
   * makes: an overlay asks each object of its base for its id, keystroke after keystroke.
   */
  private sharedId: ResId | undefined;

  constructor(node: KMap, readonly origin: Origin, shared = false) {
    this.tree = node;
    this.owned = !shared;
  }

  /** The object's tree, to change: copied first when it is shared. */
  get node(): KMap {
    this.sharedId = undefined;
    if (!this.owned) {
      this.tree = clone(this.tree);
      this.owned = true;
      copies.count++;
    }
    return this.tree;
  }

  set node(n: KMap) {
    this.sharedId = undefined;
    this.tree = n;
    this.owned = true;
  }

  /** True while the tree is shared (not written by this build yet). */
  get shared(): boolean { return !this.owned; }

  /** What earlier transformers left on the object besides its tree (ids, affixes), as a key. */
  carried(): string { return JSON.stringify([this.history, this.prefixes, this.suffixes]); }

  /** The object's state now, to be kept: its tree becomes shared (a later write copies it). */
  settle(): TransformedState {
    this.owned = false;
    return { tree: this.tree, history: this.history.slice(), prefixes: this.prefixes.slice(), suffixes: this.suffixes.slice() };
  }

  /** Takes a kept state (of the same object transformed the same way). */
  adopt(s: TransformedState): void {
    this.sharedId = undefined;
    this.tree = s.tree;
    this.owned = false;
    this.history.splice(0, this.history.length, ...s.history);
    this.prefixes.splice(0, this.prefixes.length, ...s.prefixes);
    this.suffixes.splice(0, this.suffixes.length, ...s.suffixes);
  }

  /** The object's tree, only to read (it may be shared: never change it). */
  get view(): KMap { return this.tree; }

  /** A copy of this object that shares its tree until either writes it (the tree must not change after). */
  share(): Resource {
    const r = new Resource(this.tree, this.origin, true);
    r.sharedId = this.owned ? undefined : this.sharedId;
    r.history.push(...this.history);
    r.prefixes.push(...this.prefixes);
    r.suffixes.push(...this.suffixes);
    r.generated = this.generated;
    if (this.helmGenerated) r.helmGenerated = true;
    return r;
  }

  get apiVersion(): string { return str(get(this.tree, 'apiVersion')) ?? ''; }
  get kind(): string { return str(get(this.tree, 'kind')) ?? ''; }
  get name(): string { return str(getPath(this.tree, ['metadata', 'name'])) ?? ''; }
  get namespace(): string { return str(getPath(this.tree, ['metadata', 'namespace'])) ?? ''; }

  gvk(): Gvk {
    const [group, version] = splitApiVersion(this.apiVersion);
    return { group, version, kind: this.kind };
  }

  id(): ResId {
    // A shared tree never changes: its id is read once (every overlay asks for every object's).
    if (this.owned) return { ...this.gvk(), name: this.name, namespace: this.namespace };
    if (this.sharedId) return this.sharedId;
    let id = sharedIds.get(this.tree);
    if (!id) { id = { ...this.gvk(), name: this.name, namespace: this.namespace }; sharedIds.set(this.tree, id); }
    return (this.sharedId = id);
  }

  /** The id the object was read or generated with. */
  orgId(): ResId { return this.history[0] ?? this.id(); }

  /** Stores the current id before a transformer that may rename the object runs. */
  storePreviousId(): void {
    const id = this.id();
    // Kustomize stores the effective namespace: "" in a namespaced kind is "default".
    this.history.push({ ...id, namespace: id.namespace === '' && !isClusterScoped(id) ? 'default' : id.namespace });
  }

  labels(): Record<string, string> { return stringMap(getPath(this.tree, ['metadata', 'labels'])); }
  annotations(): Record<string, string> { return stringMap(getPath(this.tree, ['metadata', 'annotations'])); }
}

const sharedIds = new WeakMap<KMap, ResId>();

/** An object's tree, ids and affixes after some transformers (object-transforms.ts keeps them). */
export interface TransformedState { tree: KMap; history: ResId[]; prefixes: string[]; suffixes: string[] }

/** Shared trees copied on their first write since start (tests read it). */
export const copies = { count: 0 };

function stringMap(n: ReturnType<typeof get>): Record<string, string> {
  const out: Record<string, string> = {};
  if (n?.kind === 'map') for (const e of n.entries) out[e.key] = str(e.value) ?? '';
  return out;
}

export function splitApiVersion(apiVersion: string): [string, string] {
  const i = apiVersion.indexOf('/');
  return i < 0 ? ['', apiVersion] : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

/** Same effective namespace: an empty namespace is "default" (as Kustomize's IsNsEquals). */
export const sameNamespace = (a: string, b: string) => (a || 'default') === (b || 'default');

export const sameGvk = (a: Gvk, b: Gvk) => a.group === b.group && a.version === b.version && a.kind === b.kind;

/**
 * Cluster-scoped as Kustomize decides it: by apiVersion and kind, from the Kubernetes v1.21.2
 * schema it builds in and its own table (openapi-lists.ts). A kind or version it does not know
 * (flowcontrol v1 FlowSchema, a custom resource) is namespaced, and a namespace is set on it.
 */
export const isClusterScoped = (g: Gvk) => CLUSTER_SCOPED.has(`${g.group ? `${g.group}/` : ''}${g.version}/${g.kind}`);

/** "Kind.version.group/name.namespace" as Kustomize prints ids in its messages. */
export function idString(id: ResId): string {
  const gvk = [id.kind || '[noKind]', id.version || '[noVer]', id.group || '[noGrp]'].join('.');
  return `${gvk}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}
