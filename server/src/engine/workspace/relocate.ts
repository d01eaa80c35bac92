// Related locations into another file follow that file's objects. A finding's related location
// in another file is where that file's summary put an object (ObjectRef.range) when the finding
// was made. When the other file changes so that its objects only move (a line added above them),
// no fact changed and nothing is linted again, yet the location would point at whatever text is
// now there. The model says where each object went; the locations are moved with it.
import { Range, rangeKey, sameRange } from '../model/text';
import type { ObjectSummary } from './summary';

/** Where each object of a file that moved went: its old range (rangeKey) to its new one. */
export type Relocations = ReadonlyMap<string, Range>;

function identity(s: ObjectSummary): string {
  return `${s.kind}\u0000${s.group}\u0000${s.namespace ?? ''}\u0000${s.name ?? ''}`;
}

function sameIdentity(a: ObjectSummary, b: ObjectSummary): boolean {
  return a === b || (a.kind === b.kind && a.group === b.group && a.namespace === b.namespace && a.name === b.name);
}

/**
 * The objects of a file that are still there after a change but elsewhere: paired by kind,
 * group, namespace and name, the n-th of a kind and name before with the n-th after (objects
 * of one name are in text order). Undefined when none moved.
 */
export function relocations(before: readonly ObjectSummary[], after: readonly ObjectSummary[]): Relocations | undefined {
  let moves: Map<string, Range> | undefined;
  const moved = (a: ObjectSummary, b: ObjectSummary) => {
    if (sameRange(a.range, b.range)) return;
    (moves ??= new Map()).set(rangeKey(a.range), b.range);
  };
  // The usual change: the same objects in the same order (a keystroke, a line added). This runs
  // for the edited file on every keystroke: summaries the edit did not move are the same objects.
  if (before.length === after.length && before.every((a, i) => sameIdentity(a, after[i]))) {
    for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) moved(before[i], after[i]);
    return moves;
  }
  const remaining = new Map<string, ObjectSummary[]>();
  for (const b of after) {
    const key = identity(b);
    const list = remaining.get(key);
    if (list) list.push(b); else remaining.set(key, [b]);
  }
  for (const a of before) {
    const b = remaining.get(identity(a))?.shift();
    if (b) moved(a, b);
  }
  return moves;
}

/** The parts of a finding this reads and moves (lint.ts Finding). */
interface Related { uri: string; range: Range }

/**
 * Moves, in place, the related locations into `uri` of these findings to where their objects
 * went. In place: the same finding objects are held by the published result, the lint cache
 * and the next lint that reuses them, and all of them must point at the object's new place.
 * True when any location moved.
 */
export function relocateRelated(findings: ReadonlyArray<{ related: readonly Related[] }>, uri: string, moves: Relocations): boolean {
  let any = false;
  for (const f of findings) {
    for (const r of f.related) {
      if (r.uri !== uri) continue;
      const to = moves.get(rangeKey(r.range));
      if (!to) continue;
      r.range = to;
      any = true;
    }
  }
  return any;
}
