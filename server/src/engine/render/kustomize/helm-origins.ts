// Where a node of an object a `helmCharts` entry inflated was decided, for a finding on it: a
// value a template printed from `.Values` lands on the node of the kustomization's values that set
// it (`valuesInline`, a `valuesFile` or an `additionalValuesFiles` file of the tree), so a
// `privileged: true` typed into the inline values is marked there. Anything else (the chart's
// literal text, its own values.yaml defaults, text `tpl` made) is the vendored chart's: it keeps
// the entry that brings the chart in as its origin.
import type { ChartDocument, OriginRange } from '../helm';
import { originAt } from '../helm';
import { clone, isMap, isNull, isSeq, KEntry, KNode, Origin } from './model';

/** A path under `.Values`: keys and list indexes. */
type ValuePath = ReadonlyArray<string | number>;

/** The decided node at a path, and its key's origin (a list item's own). */
interface Decided { origin?: Origin; keyOrigin?: Origin }

/**
 * `node` (parsed from `doc.content`, its origins offsets in that text) copied with each node's
 * origin the values node that decided it, else `at`. `sources`: the values the kustomization set,
 * the one that wins first.
 */
export function placeInflated<T extends KNode>(node: T, doc: ChartDocument, sources: readonly KNode[], at: Origin): T {
  const origins = doc.file?.origins;
  if (!origins || sources.length === 0) return clone(node, at);
  /** The value path a node printed whole by one `.Values` action has, with that action's output range. */
  const printed = (n: KNode): { path: ValuePath; range: OriginRange } | undefined => {
    if (!n.origin) return undefined;
    let [start, end] = n.origin.range;
    // A quoted scalar's quotes are the template's text around the action: `"{{ .Values.image }}"`.
    if (n.kind === 'scalar' && end - start >= 2 && /^["']$/.test(doc.content[start]) && doc.content[end - 1] === doc.content[start]) { start++; end--; }
    const o = originAt(origins, doc.offset + start);
    if (!o || o.origin.kind !== 'action' || o.origin.path?.[0] !== 'Values') return undefined;
    if (doc.offset + start < o.start || doc.offset + end > o.end) return undefined;
    return { path: o.origin.path.slice(1), range: o };
  };
  const within = (n: KNode, range: OriginRange) => !!n.origin && doc.offset + n.origin.range[0] >= range.start && doc.offset + n.origin.range[1] <= range.end;
  const place = (n: KNode, inherited: { path: ValuePath; range: OriginRange } | undefined): KNode => {
    const own = inherited ?? printed(n);
    const origin = (own && decided(sources, own.path).origin) ?? at;
    // Inside what one action printed (a map `toYaml` wrote), a child's path is its parent's and its key.
    const child = (x: KNode, key: string | number) => (own && within(x, own.range) ? { path: [...own.path, key], range: own.range } : undefined);
    switch (n.kind) {
      case 'scalar': return { ...n, origin };
      case 'seq': return { kind: 'seq', origin, items: n.items.map((x, i) => place(x, child(x, i))) };
      case 'map': return {
        kind: 'map', origin,
        entries: n.entries.map((e): KEntry => {
          const c = child(e.value, e.key) ?? printed(e.value);
          return { ...e, value: place(e.value, c), keyOrigin: (c && decided(sources, c.path).keyOrigin) ?? at };
        }),
      };
    }
  };
  return place(node, undefined) as T;
}

/**
 * The node of the first source that decides `path`: one that sets it, or sets a part of it to
 * something other than a map (a list or scalar there replaces the values below it whole, as Helm
 * and Kustomize merge values).
 */
function decided(sources: readonly KNode[], path: ValuePath): Decided {
  for (const source of sources) {
    let cur: KNode | undefined = source;
    let keyOrigin: Origin | undefined;
    let i = 0;
    for (; i < path.length && cur && !isNull(cur); i++) {
      const p = path[i];
      if (isMap(cur)) {
        const e: KEntry | undefined = cur.entries.find((x) => x.key === String(p));
        if (!e) { cur = undefined; break; }
        keyOrigin = e.keyOrigin;
        cur = e.value;
      } else if (isSeq(cur) && typeof p === 'number') {
        if (p >= cur.items.length) break;
        cur = cur.items[p];
        keyOrigin = cur.origin;
      } else break;
    }
    if (!cur) continue;
    // A null clears the value (Kustomize drops the key when merging, Helm a default): what is
    // printed is then the chart's own.
    if (isNull(cur)) return {};
    return { origin: cur.origin, keyOrigin: i === path.length ? keyOrigin ?? cur.origin : cur.origin };
  }
  return {};
}
