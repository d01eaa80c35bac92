// Name references: after prefixes, suffixes and hashes renamed objects, every field that names
// one (a ConfigMap volume, a roleRef, a ServiceAccount subject, ...) follows it. A reference
// matches an object of the referenced kind by any name it had; with several candidates the one
// in the referrer's namespace wins, as in Kustomize.
import { nameReference } from './config/default-field-specs';
import { KustomizeError } from './errors';
import { applyFieldSpec, fromRow, specSelects } from './fieldspec';
import { get, isMap, isScalar, isSeq, KNode, scalar, set, str } from './model';
import { idString, isClusterScoped, Resource } from './resource';

export function fixNameReferences(res: Resource[]): void {
  for (const ref of nameReference) {
    const candidates = res.filter((c) => specSelects(ref, c.gvk()) && c.history.some((h) => h.name !== c.name));
    if (candidates.length === 0) continue;
    for (const referrer of res) {
      for (const row of ref.fieldSpecs) {
        const fs = fromRow(row);
        if (!specSelects(fs, referrer.gvk())) continue;
        applyFieldSpec(referrer.node, fs, undefined, (parent, key, value) => {
          if (!value) return;
          if (isScalar(value)) {
            const target = pick(candidates, value.value, referrer, ref.kind, parentNamespace(parent));
            if (target) set(parent, key, scalar(target.name, value.origin));
          } else if (isSeq(value)) {
            value.items = value.items.map((item) => {
              const t = isScalar(item) ? pick(candidates, item.value, referrer, ref.kind) : undefined;
              return t ? scalar(t.name, item.origin) : item;
            });
          } else if (isMap(value)) {
            // A map with name (and namespace): an RBAC subject or an APIService's service.
            const name = str(get(value, 'name'));
            if (name === undefined) return;
            const subjectKind = str(get(value, 'kind'));
            if (subjectKind && subjectKind !== ref.kind) return;
            const t = pick(candidates, name, referrer, ref.kind, str(get(value, 'namespace')));
            if (t) set(value, 'name', scalar(t.name, get(value, 'name')!.origin));
          }
        });
      }
    }
  }
}

function parentNamespace(parent: KNode): string | undefined {
  return str(get(parent, 'namespace'));
}

function pick(cands: Resource[], oldName: string, referrer: Resource, kind: string, explicitNs?: string): Resource | undefined {
  let found = cands.filter((c) => c.kind === kind && c.history.some((h) => h.name === oldName) && c !== referrer);
  if (found.length === 0) return undefined;
  const wantNs = explicitNs ?? referrer.namespace;
  if (found.length > 1 || !isClusterScoped(found[0].gvk())) {
    const sameNs = found.filter((c) => isClusterScoped(c.gvk()) || nsEq(c.namespace, wantNs) || nsEq(c.orgId().namespace, wantNs));
    if (sameNs.length > 0 || explicitNs !== undefined || !isClusterScoped(referrer.gvk())) found = sameNs;
  }
  if (found.length > 1 && new Set(found.map((c) => c.name)).size > 1) {
    throw new KustomizeError(`found multiple possible referrals: ${found.map((c) => idString(c.id())).join(', ')}`);
  }
  return found[0];
}

const nsEq = (a: string, b: string) => (a || 'default') === (b || 'default');
