// What a change of the workspace model changed, fact by fact: the kind of each object whose
// summary changed and which of its fields. A rule that reads the model declares which facts it
// reads (RuleMeta.workspaceReads); after an edit only the documents whose rules read a changed
// fact are linted again (lint-reuse.ts), the others keep their findings. Positions (ranges, the
// document's index) are where, not what: they are no fact.
import type { ObjectSummary } from './summary';

/** One changed fact: `field` of an object of `kind` (`*`: the object as a whole, added, removed or re-kinded). */
export interface FactEdit {
  kind: string;
  /** The object's facts (summary fields such as `pod`, `networkPolicy`, `role`), before or after. */
  has: readonly string[];
  /** A summary field (`name`, `labels`, `networkPolicy` ...) or a pod field (`pod.labels`), or `*`. */
  field: string;
}

/** Every fact may have changed (`any`), or these. */
export type FactDelta = 'any' | readonly FactEdit[];

/**
 * Facts a rule reads from the model: of the objects of `kinds` and those that have one of the
 * facts `having` (`pod`: every workload; `networkPolicy`: every policy of any flavour), the
 * `fields`: undefined for every field, empty for only whether such objects exist.
 */
export interface FactRead {
  kinds?: readonly string[];
  having?: readonly string[];
  fields?: readonly string[];
}

// Objects that place others (a Namespace's Pod Security labels, a kustomization's namespace and
// patches) change what every object is judged by: a change of theirs is a change of anything.
const PLACING_KINDS = new Set(['Namespace', 'Kustomization', 'Component']);

const POSITIONAL = new Set(['range', 'ranges', 'docIndex', 'uri']);

const keys = new WeakMap<ObjectSummary, string>();

/** The summary's facts as one string (positions left out), computed once per summary object. */
function factsKey(s: ObjectSummary): string {
  let key = keys.get(s);
  if (key === undefined) {
    key = JSON.stringify(s, (k, v) => (POSITIONAL.has(k) ? undefined : v));
    keys.set(s, key);
  }
  return key;
}

/** `moved` has the facts of `original` (a copy at another place): its key is known. */
export function sameFactsAs(moved: ObjectSummary, original: ObjectSummary): void {
  const key = keys.get(original);
  if (key !== undefined) keys.set(moved, key);
}

/**
 * A fact of a file rather than of an object: whether it holds workloads beside NetworkPolicies.
 * A policy whose namespace is a guess speaks only for the workloads of its own file when that file
 * holds any (WorkspaceIndex.speaksFor); that the objects of some other file came and went is
 * nothing to it. Changes when the file holds policies and its workloads appear or all go.
 */
export const WORKLOADS_BESIDE_POLICIES = 'workloadsBesidePolicies';

/** The facts that differ between a file's summaries before and after a change. */
export function factDelta(before: readonly ObjectSummary[], after: readonly ObjectSummary[]): FactDelta {
  const edits = objectEdits(before, after);
  if (edits === 'any' || !(before.some(s => s.networkPolicy) || after.some(s => s.networkPolicy))) return edits;
  if (before.some(s => s.pod) === after.some(s => s.pod)) return edits;
  return [...edits, { kind: '', has: [WORKLOADS_BESIDE_POLICIES], field: WORKLOADS_BESIDE_POLICIES }];
}

/** The facts of each object that differ between a file's summaries before and after. */
function objectEdits(before: readonly ObjectSummary[], after: readonly ObjectSummary[]): FactDelta {
  const edits: FactEdit[] = [];
  if (before.length === after.length) {
    for (let i = 0; i < before.length; i++) {
      const a = before[i], b = after[i];
      if (a === b || factsKey(a) === factsKey(b)) continue;
      if (PLACING_KINDS.has(a.kind) || PLACING_KINDS.has(b.kind)) return 'any';
      if (a.kind !== b.kind || a.group !== b.group) {
        edits.push(whole(a), whole(b));
        continue;
      }
      const has = [...new Set([...factsOf(a), ...factsOf(b)])];
      for (const field of changedFields(a, b)) edits.push({ kind: a.kind, has, field });
    }
    return edits;
  }
  // A file that comes or goes (every file of an indexing pass): each object, as a whole, without
  // working out its facts' key (a JSON text per object).
  if (before.length === 0 || after.length === 0) {
    for (const s of before.length === 0 ? after : before) {
      if (PLACING_KINDS.has(s.kind)) return 'any';
      edits.push(whole(s));
    }
    return edits;
  }
  // Objects added or removed: each whose facts the other side lacks changed as a whole.
  const count = (list: readonly ObjectSummary[]) => {
    const m = new Map<string, number>();
    for (const s of list) m.set(factsKey(s), (m.get(factsKey(s)) ?? 0) + 1);
    return m;
  };
  const had = count(before), has = count(after);
  for (const [list, other] of [[before, has], [after, had]] as const) {
    for (const s of list) {
      const n = other.get(factsKey(s)) ?? 0;
      if (n > 0) { other.set(factsKey(s), n - 1); continue; }
      if (PLACING_KINDS.has(s.kind)) return 'any';
      edits.push(whole(s));
    }
  }
  return edits;
}

/** The union of two deltas. */
export function joinDeltas(a: FactDelta, b: FactDelta): FactDelta {
  if (a === 'any' || b === 'any') return 'any';
  return a.length === 0 ? b : b.length === 0 ? a : [...a, ...b];
}

/** Whether a rule that reads `reads` (undefined: undeclared, anything) may see a change of `delta`. */
export function readsChanged(reads: readonly FactRead[] | undefined, delta: FactDelta): boolean {
  if (delta === 'any') return true;
  if (delta.length === 0) return false;
  if (!reads) return true;
  return delta.some(edit => reads.some(r => matches(r, edit)));
}

function matches(read: FactRead, edit: FactEdit): boolean {
  const having = read.having ?? [];
  if (!read.kinds?.includes(edit.kind) && !having.some(f => edit.has.includes(f))) return false;
  // Gaining or losing a fact read for (a template becoming a pod) is the object's arrival or departure.
  if (!read.fields || edit.field === '*' || having.includes(edit.field)) return true;
  return read.fields.some(f => f === edit.field || edit.field.startsWith(`${f}.`) || f.startsWith(`${edit.field}.`));
}

function whole(s: ObjectSummary): FactEdit {
  return { kind: s.kind, has: factsOf(s), field: '*' };
}

/** The summary fields an object has a value for (its facts, positions left out). */
function factsOf(s: ObjectSummary): string[] {
  return Object.entries(s).filter(([k, v]) => v !== undefined && !POSITIONAL.has(k)).map(([k]) => k);
}

/** The fields (pod fields as `pod.<name>`) whose values differ. */
function changedFields(a: ObjectSummary, b: ObjectSummary): string[] {
  const out: string[] = [];
  const A = a as unknown as Record<string, unknown>, B = b as unknown as Record<string, unknown>;
  for (const k of new Set([...Object.keys(A), ...Object.keys(B)])) {
    if (POSITIONAL.has(k)) continue;
    if (k === 'pod' && A.pod && B.pod) {
      const pa = A.pod as Record<string, unknown>, pb = B.pod as Record<string, unknown>;
      for (const p of new Set([...Object.keys(pa), ...Object.keys(pb)])) if (!same(pa[p], pb[p])) out.push(`pod.${p}`);
    } else if (!same(A[k], B[k])) {
      out.push(k);
    }
  }
  return out;
}

function same(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  const omit = (k: string, v: unknown) => (POSITIONAL.has(k) ? undefined : v);
  return JSON.stringify(x, omit) === JSON.stringify(y, omit);
}
