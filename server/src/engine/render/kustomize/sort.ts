// Output order: Kustomize's "legacy" order by default (kinds that others depend on first,
// webhooks last, then by id), "fifo" keeps the order objects were accumulated in.
import { KustomizeError } from './errors';
import { get, isMap, isSeq, KMap, KNode, str } from './model';
import { Gvk, Resource } from './resource';

const ORDER_FIRST = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount',
  'PodSecurityPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints',
  'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet',
  'CronJob', 'PodDisruptionBudget'];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

export function sortResources(res: Resource[], sortOptions: KNode | undefined): Resource[] {
  let first = ORDER_FIRST, last = ORDER_LAST;
  if (sortOptions !== undefined) {
    const order = str(get(sortOptions, 'order'));
    const legacy = get(sortOptions, 'legacySortOptions');
    if (order !== 'fifo' && order !== 'legacy') throw new KustomizeError("the field 'sortOptions.order' must be one of [fifo, legacy]", sortOptions.origin);
    if (order === 'fifo' && legacy) throw new KustomizeError("the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'", legacy.origin);
    if (order === 'fifo') return res;
    if (isMap(legacy)) {
      const list = (n: KNode | undefined) => (isSeq(n) ? n.items.map((x) => str(x) ?? '') : []);
      first = list(get(legacy, 'orderFirst'));
      last = list(get(legacy, 'orderLast'));
    }
  }
  const rank = new Map<string, number>();
  first.forEach((k, i) => rank.set(k, -first.length + i));
  last.forEach((k, i) => rank.set(k, 1 + i));
  // Each object's keys once (a large root compares each object many times).
  const keyed = res.map((r, i) => {
    const k = keysOf(r);
    return { r, i, keys: k, g: k.g, rank: rank.get(k.g.kind) ?? 0, gvkKey: k.gvkKey, idKey: k.idKey };
  });
  const order = keptOrder(keyed, first, last);
  if (order) { sortStats.reused++; return order.map((i) => res[i]); }
  sortStats.sorted++;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...keyed].sort((a, b) => {
    const ga = a.g, gb = b.g;
    if (!(ga.group === gb.group && ga.version === gb.version && ga.kind === gb.kind)) {
      if (a.rank !== b.rank) return a.rank - b.rank;
      if (ga.kind === 'Namespace' && gb.kind === 'Namespace' && (ga.group === '' || gb.group === '')) return -cmp(a.gvkKey, b.gvkKey);
      return cmp(a.gvkKey, b.gvkKey);
    }
    return cmp(a.idKey, b.idKey);
  });
  keepOrder(keyed, first, last, sorted.map((x) => x.i));
  return sorted.map((x) => x.r);
}

// The order depends only on each object's kinds and ids (the comparator reads nothing else),
// and a keystroke changes neither for any object (a value typed): the last few orders are kept
// with the keys they sorted, and a list with the same keys in the same places takes its order
// again without comparing.
const ORDERS_KEPT = 8;

interface KeptOrder { first: readonly string[]; last: readonly string[]; keys: SortKeys[]; order: number[] }

const orders: KeptOrder[] = [];

const sameKeys = (a: SortKeys, b: SortKeys) => a === b || (a.idKey === b.idKey && a.gvkKey === b.gvkKey
  && a.g.group === b.g.group && a.g.version === b.g.version && a.g.kind === b.g.kind);

function keptOrder(keyed: ReadonlyArray<{ keys: SortKeys }>, first: readonly string[], last: readonly string[]): number[] | undefined {
  const i = orders.findIndex((o) => o.keys.length === keyed.length && sameList(o.first, first) && sameList(o.last, last)
    && keyed.every((k, j) => sameKeys(k.keys, o.keys[j])));
  if (i < 0) return undefined;
  const [hit] = orders.splice(i, 1);
  orders.push(hit);
  return hit.order;
}

function keepOrder(keyed: ReadonlyArray<{ keys: SortKeys }>, first: readonly string[], last: readonly string[], order: number[]): void {
  orders.push({ first: [...first], last: [...last], keys: keyed.map((k) => k.keys), order });
  if (orders.length > ORDERS_KEPT) orders.shift();
}

const sameList = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** Sorts made and taken as kept since start (tests read it). */
export const sortStats = { sorted: 0, reused: 0 };

interface SortKeys { g: Gvk; gvkKey: string; idKey: string }

/** A shared tree never changes (resource.ts): its keys are kept by it, render after render. */
const sharedKeys = new WeakMap<KMap, SortKeys>();

function keysOf(r: Resource): SortKeys {
  const hit = r.shared ? sharedKeys.get(r.view) : undefined;
  if (hit) return hit;
  const g = r.gvk();
  const keys: SortKeys = {
    g,
    gvkKey: `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`,
    idKey: `${g.kind || '[noKind]'}.${g.version || '[noVer]'}.${g.group || '[noGrp]'}|${r.namespace || '~X'}|${r.name || '~N'}`,
  };
  if (r.shared) sharedKeys.set(r.view, keys);
  return keys;
}
