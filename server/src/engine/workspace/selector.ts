// Kubernetes label selectors (metav1.LabelSelector) read from YAML and matched against labels,
// with the API's semantics: an empty selector matches everything; matchLabels and every
// matchExpressions requirement must all hold; In/NotIn/Exists/DoesNotExist.
import { Document, isMap, isSeq, YAMLMap } from 'yaml';
import { entries, get, getMap, getSeq, seqItems, str } from '../model/yaml-nav';

export type Labels = Readonly<Record<string, string>>;

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels: Labels;
  matchExpressions: Requirement[];
  /** A requirement we could not read (unknown operator, malformed): such a selector matches nothing. */
  invalid?: boolean;
}

export const MATCH_ALL: LabelSelector = Object.freeze({ matchLabels: {}, matchExpressions: [] });

export function readLabels(map: YAMLMap | undefined, doc: Document): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, ref } of entries(map, doc)) {
    const v = str(ref);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Reads a LabelSelector map; a null or `{}` selector is MATCH_ALL. */
export function readSelector(map: YAMLMap | undefined, doc: Document): LabelSelector {
  if (!map) return MATCH_ALL;
  const sel: LabelSelector = { matchLabels: readLabels(getMap(map, 'matchLabels', doc), doc), matchExpressions: [] };
  for (const item of seqItems(getSeq(map, 'matchExpressions', doc), doc)) {
    if (!isMap(item.value)) { sel.invalid = true; continue; }
    const key = str(get(item.value, 'key', doc));
    const operator = str(get(item.value, 'operator', doc));
    const valuesRef = get(item.value, 'values', doc);
    const values = valuesRef && isSeq(valuesRef.value) ? seqItems(valuesRef.value, doc).map(r => str(r) ?? '') : [];
    if (!key || !(operator === 'In' || operator === 'NotIn' || operator === 'Exists' || operator === 'DoesNotExist')) { sel.invalid = true; continue; }
    sel.matchExpressions.push({ key, operator, values });
  }
  return sel;
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return !sel.invalid && Object.keys(sel.matchLabels).length === 0 && sel.matchExpressions.length === 0;
}

export function matches(sel: LabelSelector, labels: Labels): boolean {
  if (sel.invalid) return false;
  for (const k in sel.matchLabels) if (labels[k] !== sel.matchLabels[k]) return false;
  for (const r of sel.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.operator) {
      case 'In': if (!has || !r.values.includes(labels[r.key])) return false; break;
      case 'NotIn': if (has && r.values.includes(labels[r.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
    }
  }
  return true;
}

/** A selector as kubectl writes it: `app=web,tier in (front,back),!legacy`. */
export function selectorText(sel: LabelSelector): string {
  const parts = Object.entries(sel.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of sel.matchExpressions) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${r.values.join(',')})`);
  }
  return parts.join(',');
}
