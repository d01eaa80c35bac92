// Name references: after prefixes, suffixes, namespaces and hashes renamed objects, every field
// that names one (a ConfigMap volume, a roleRef, a ServiceAccount subject, ...) follows it.
// This follows Kustomize's nameref filter: candidates are objects of the referenced kind that
// once had the referenced name and that the referrer can see (same namespace, cluster-scoped,
// or a RoleBinding's subject namespaces); ties are broken by shared prefixes and suffixes.
import { KustomizeError } from './errors';
import { applyFieldSpec, FieldSpec, specSelects } from './fieldspec';
import { NameReferenceSpec } from './transformer-config';
import { get, isMap, isScalar, isSeq, KMap, KNode, scalar, set, str } from './model';
import { Gvk, idString, isClusterScoped, ResId, Resource, sameNamespace } from './resource';

interface NameFilter { fs: FieldSpec; target: Gvk }

/** What the sieve reads of a candidate, computed once per pass (names do not change here). */
interface Facts { prev: ResId[]; gvk: Gvk; name: string; namespace: string; orgNamespace: string; clusterScoped: boolean }

export function fixNameReferences(res: Resource[], nameReference: NameReferenceSpec[]): void {
  for (const r of res) if (r.kind === 'RoleBinding') subjectNamespaces(r);
  // Only renamed objects can change a reference: with none (no prefix, suffix, hash or rename
  // anywhere), nothing else is read of the objects.
  if (!res.some((r) => prevIds(r).length > 0)) return;
  const facts = new Map<Resource, Facts>();
  for (const r of res) {
    const gvk = r.gvk();
    facts.set(r, { prev: prevIds(r), gvk, name: r.name, namespace: r.namespace, orgNamespace: r.orgId().namespace, clusterScoped: isClusterScoped(gvk) });
  }
  const renamed = res.filter((r) => facts.get(r)!.prev.length > 0);
  for (const referrer of res) {
    const filters: NameFilter[] = [];
    for (const ref of nameReference) {
      for (const fs of ref.fieldSpecs) {
        if (specSelects(fs, referrer.orgId())) filters.push({ fs, target: ref });
      }
    }
    if (filters.length === 0) continue;
    const visible = visibleTo(referrer, renamed, facts);
    for (const f of filters) {
      const cands = visible.filter((c) => facts.get(c)!.prev.some((id) => specSelects(f.target, id)));
      if (cands.length === 0) continue;
      // Read first: a referrer whose references already name their objects is not written (its
      // tree may be shared with a kept build, and writing copies it).
      // A spec that creates missing fields writes whatever it finds.
      let changes = f.fs.create;
      if (!changes) applyFieldSpec(referrer.view, f.fs, undefined, (parent, key, value) => {
        if (value && !changes) changes = updateField(parent, key, value, referrer, cands, f, facts, true);
      });
      if (!changes) continue;
      applyFieldSpec(referrer.node, f.fs, undefined, (parent, key, value) => {
        if (value) updateField(parent, key, value, referrer, cands, f, facts, false);
      });
    }
  }
}

/** Points the field at the object it names now; `dry`: only says whether that would change it. */
function updateField(parent: KMap, key: string, value: KNode, referrer: Resource, cands: Resource[], f: NameFilter, facts: Map<Resource, Facts>, dry: boolean): boolean {
  if (isScalar(value)) {
    const t = selectReferral(value.value, cands, referrer, f, false, facts);
    if (!t || t.name === value.value) return false;
    if (!dry) set(parent, key, scalar(t.name, value.origin));
    return true;
  }
  if (isSeq(value)) {
    let changed = false;
    const items = value.items.map((item) => {
      if (isMap(item)) { if (updateMapping(item, referrer, cands, f, facts, dry)) changed = true; return item; }
      if (!isScalar(item)) return item;
      const t = selectReferral(item.value, cands, referrer, f, false, facts);
      if (!t || t.name === item.value) return item;
      changed = true;
      return scalar(t.name, item.origin);
    });
    if (!dry) value.items = items;
    return changed;
  }
  return isMap(value) && updateMapping(value, referrer, cands, f, facts, dry);
}

/** A map with name (and namespace): an RBAC subject, a webhook's service. */
function updateMapping(node: KMap, referrer: Resource, cands: Resource[], f: NameFilter, facts: Map<Resource, Facts>, dry: boolean): boolean {
  const nameNode = get(node, 'name');
  const oldName = str(nameNode);
  if (oldName === undefined) return false;
  const ns = get(node, 'namespace');
  let pool = cands;
  if (ns !== undefined) {
    // Grouped by effective namespace: "" is "default"; cluster-scoped objects are in none.
    const want = str(ns) ?? '';
    const inNs = (c: Resource, n: string) => !facts.get(c)!.clusterScoped && sameNamespace(n, want);
    const byOrg = cands.filter((c) => inNs(c, facts.get(c)!.orgNamespace));
    pool = byOrg.length ? byOrg : cands.filter((c) => inNs(c, facts.get(c)!.namespace));
  }
  const t = selectReferral(oldName, pool, referrer, f, true, facts);
  if (!t || (t.name === oldName && t.namespace === '')) return false;
  if (dry) return true;
  set(node, 'name', scalar(t.name, nameNode!.origin));
  if (t.namespace !== '') set(node, 'namespace', scalar(t.namespace, ns?.origin ?? nameNode!.origin));
  return true;
}

function selectReferral(oldName: string, all: Resource[], referrer: Resource, f: NameFilter, withNamespace: boolean,
  facts: Map<Resource, Facts>): Resource | undefined {
  const prev = (r: Resource) => facts.get(r)!.prev;
  let c = all.filter((r) => prev(r).some((id) => id.name === oldName));
  if (f.fs.path.endsWith('roleRef/name')) {
    const roleRef = get(referrer.view, 'roleRef');
    const group = str(get(roleRef, 'apiGroup')), kind = str(get(roleRef, 'kind'));
    if (group !== undefined && kind !== undefined) c = c.filter((r) => prev(r).some((id) => specSelects({ group, version: '', kind }, id)));
  }
  const me = facts.get(referrer)!;
  if (!me.clusterScoped) {
    c = c.filter((r) => facts.get(r)!.clusterScoped || facts.get(r)!.gvk.kind === 'ServiceAccount' || sameNamespace(facts.get(r)!.namespace, me.namespace));
  }
  if (c.length === 1) return c[0];
  c = c.filter((r) => affixesEqual(r, referrer, true));
  if (c.length > 1) c = c.filter((r) => affixesEqual(r, referrer, false));
  if (c.length === 1) return c[0];
  if (c.length === 0) return undefined;
  const same = c.every((r) => r.name === c[0].name && (!withNamespace || r.namespace === c[0].namespace));
  if (same) return c[0];
  throw new KustomizeError(`found multiple possible referrals: ${c.map((r) => idString(r.id())).join(', ')}`);
}

/** The ids Kustomize stored before renaming transformers (empty when none touched it). */
const prevIds = (r: Resource): ResId[] => r.history;

/** Objects a referrer may name: cluster-scoped ones, its namespace, its subjects' namespaces. */
function visibleTo(referrer: Resource, res: Resource[], facts: Map<Resource, Facts>): Resource[] {
  const me = facts.get(referrer)!;
  if (me.clusterScoped) return res;
  const subjectNs = referrer.kind === 'RoleBinding' ? subjectNamespaces(referrer) : new Set<string>();
  return res.filter((r) => facts.get(r)!.clusterScoped || sameNamespace(facts.get(r)!.namespace, me.namespace) || subjectNs.has(facts.get(r)!.namespace));
}

/** The namespaces of a RoleBinding's ServiceAccount subjects; a blank one is an error. */
function subjectNamespaces(binding: Resource): Set<string> {
  const out = new Set<string>();
  const subjects = get(binding.view, 'subjects');
  if (isSeq(subjects)) for (const s of subjects.items) {
    const ns = get(s, 'namespace');
    if (str(get(s, 'kind')) !== 'ServiceAccount' || ns === undefined) continue;
    if (str(ns) === undefined) throw new KustomizeError(`Invalid Input: namespace is blank for resource "${idString(binding.id())}"\n`, ns.origin);
    out.add(str(ns)!);
  }
  return out;
}

function affixesEqual(a: Resource, b: Resource, allowEmpty: boolean): boolean {
  if (allowEmpty) {
    return (a.prefixes.length === 0 || b.prefixes.length === 0 || sameEnding(a.prefixes, b.prefixes))
      && (a.suffixes.length === 0 || b.suffixes.length === 0 || sameEnding(a.suffixes, b.suffixes));
  }
  return sameEnding(a.prefixes, b.prefixes) && sameEnding(a.suffixes, b.suffixes);
}

function sameEnding(x: string[], y: string[]): boolean {
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length === 0) return long.length === 0;
  const diff = long.length - short.length;
  return short.every((s, i) => long[i + diff] === s);
}

