// The objects of the model that carry one fact (the LimitRanges, the ServiceAccounts, the image
// verification policies) or are of one kind. A rule that judges each pod against such objects
// asks here instead of scanning every object of the model: once per pod, that scan grows with
// the square of the workspace (on the 4,537 Pod Security fixtures it cost more than the rules'
// own reading). Each list is built on first use, once per model revision (derive.ts), in the
// model's order, so `find` answers as a scan of `all()` would.
import { perModel } from './derive';
import type { WorkspaceIndex } from './index';
import type { ObjectSummary } from './summary';

/** The optional facts of a summary (a domain's `serviceAccount`, `limitRange`, ...). */
export type FactName = { [K in keyof ObjectSummary]-?: undefined extends ObjectSummary[K] ? (ObjectSummary[K] extends string | undefined ? never : K) : never }[keyof ObjectSummary];

/** A summary known to carry the fact `F`. */
export type With<F extends FactName> = ObjectSummary & { [P in F]-?: NonNullable<ObjectSummary[P]> };

const factTables = perModel((): Map<FactName, ObjectSummary[]> => new Map());

/** The objects whose summary carries `fact`, in the model's order. */
export function objectsWith<F extends FactName>(index: WorkspaceIndex, fact: F): ReadonlyArray<With<F>> {
  const table = factTables(index);
  let list = table.get(fact);
  if (!list) {
    list = index.all().filter(o => o[fact]);
    table.set(fact, list);
  }
  return list as Array<With<F>>;
}

const kindTable = perModel((index: WorkspaceIndex): ReadonlyMap<string, readonly ObjectSummary[]> => {
  const table = new Map<string, ObjectSummary[]>();
  for (const o of index.all()) {
    const list = table.get(o.kind);
    if (list) list.push(o); else table.set(o.kind, [o]);
  }
  return table;
});

/** The objects of `kind` (any API group: the caller checks the group), in the model's order. */
export function objectsOfKind(index: WorkspaceIndex, kind: string): readonly ObjectSummary[] {
  return kindTable(index).get(kind) ?? [];
}
