// Patch and replacement targets: group/version/kind/name/namespace (names and namespaces are
// anchored regular expressions), plus label and annotation selectors.
import { get, KNode, str } from './model';
import { Resource } from './resource';

export interface Selector {
  group?: string; version?: string; kind?: string; name?: string; namespace?: string;
  labelSelector?: string; annotationSelector?: string;
}

export function readSelector(n: KNode): Selector {
  const f = (k: string) => str(get(n, k));
  return {
    group: f('group'), version: f('version'), kind: f('kind'), name: f('name'), namespace: f('namespace'),
    labelSelector: f('labelSelector'), annotationSelector: f('annotationSelector'),
  };
}

export function matchesSelector(r: Resource, s: Selector): boolean {
  const g = r.gvk();
  if (s.group && !anchoredMatch(s.group, g.group)) return false;
  if (s.version && !anchoredMatch(s.version, g.version)) return false;
  if (s.kind && !anchoredMatch(s.kind, g.kind)) return false;
  const names = [r.name, ...r.history.map((h) => h.name)];
  if (s.name && !names.some((n) => anchoredMatch(s.name!, n))) return false;
  if (s.namespace && !anchoredMatch(s.namespace, r.namespace)) return false;
  if (s.labelSelector && !matchesLabelSelector(s.labelSelector, r.labels())) return false;
  if (s.annotationSelector && !matchesLabelSelector(s.annotationSelector, r.annotations())) return false;
  return true;
}

/** Kustomize's selector fields are regular expressions matching the whole value. */
export function anchoredMatch(pattern: string, value: string): boolean {
  try { return new RegExp(`^(?:${pattern})$`).test(value); } catch { return pattern === value; }
}

/** Kubernetes label selector syntax: a=b, a!=b, a in (x,y), a notin (x), a, !a; comma = and. */
export function matchesLabelSelector(selector: string, labels: Record<string, string>): boolean {
  const parts = selector.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  return parts.every((raw) => {
    const p = raw.trim();
    if (p === '') return true;
    let m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      const vals = m[3].split(',').map((x) => x.trim());
      const has = m[1] in labels && vals.includes(labels[m[1]]);
      return m[2] === 'in' ? has : !has;
    }
    m = /^([^!=\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(p);
    if (m) return m[2] === '!=' ? labels[m[1]] !== m[3] : labels[m[1]] === m[3];
    if (p.startsWith('!')) return !(p.slice(1) in labels);
    return p in labels;
  });
}
