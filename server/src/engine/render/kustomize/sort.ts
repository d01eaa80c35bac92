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
  const keyed = res.map((r) => {
    const k = keysOf(r);
    return { r, g: k.g, rank: rank.get(k.g.kind) ?? 0, gvkKey: k.gvkKey, idKey: k.idKey };
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return keyed.sort((a, b) => {
    const ga = a.g, gb = b.g;
    if (!(ga.group === gb.group && ga.version === gb.version && ga.kind === gb.kind)) {
      if (a.rank !== b.rank) return a.rank - b.rank;
      if (ga.kind === 'Namespace' && gb.kind === 'Namespace' && (ga.group === '' || gb.group === '')) return -cmp(a.gvkKey, b.gvkKey);
      return cmp(a.gvkKey, b.gvkKey);
    }
    return cmp(a.idKey, b.idKey);
  }).map((x) => x.r);
}

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
