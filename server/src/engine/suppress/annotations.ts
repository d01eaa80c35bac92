// Suppression annotations on an object: ours, `kube-harden.io/ignore.<rule-id>: "<reason>"` and
// per container `kube-harden.io/ignore.<rule-id>.<container-name>` (rule ids and container names
// hold no dots), and other tools' (docs/kubernetes-semantics.md §6), honoured for the rules whose `equivalents` name
// that tool's check, so a team moving to Kube Harden keeps its reviewed exceptions.
// Read from the object's metadata and, for workloads, the pod template's metadata too: both are
// the same object in the same file, and teams put pod-level exceptions on the template.
import { Document, isScalar, Scalar, YAMLMap } from 'yaml';
import { K8sObject } from '../model/parse';
import { PodSpecView } from '../model/workload';
import { getMap } from '../model/yaml-nav';
import type { RuleMeta, Tool } from '../rule';

export const OWN_PREFIX = 'kube-harden.io/ignore.';

export interface AnnotationSuppression {
  /** The annotation key node (where problems with it are reported). */
  key: Scalar;
  value: Scalar | undefined;
  name: string;
  /** Ours: one rule, optionally one container. Foreign: the rules the tool's check maps to. */
  own: boolean;
  ruleId?: string;
  container?: string;
  /** For foreign annotations: the rule ids they cover (may be empty: nothing maps). */
  rules?: string[];
  raw: string;
}

const CHECKOV = /^(checkov\.io|bridgecrew\.io|cortex\.io)\/skip/;

/** The object's `annotations` (or `labels`) and, for workloads, its pod template's. */
export function metadataMaps(object: K8sObject, pod: PodSpecView | undefined, field: 'annotations' | 'labels'): YAMLMap[] {
  const maps: YAMLMap[] = [];
  const own = getMap(getMap(object.node, 'metadata', object.doc), field, object.doc);
  if (own) maps.push(own);
  const template = pod?.metadata ? getMap(pod.metadata, field, object.doc) : undefined;
  if (template && template !== own) maps.push(template);
  return maps;
}

export function annotationMaps(object: K8sObject, pod: PodSpecView | undefined): YAMLMap[] {
  return metadataMaps(object, pod, 'annotations');
}

export function findAnnotationSuppressions(maps: readonly YAMLMap[], _doc: Document, rules: readonly RuleMeta[]): AnnotationSuppression[] {
  const out: AnnotationSuppression[] = [];
  const byTool = (tool: Tool, check?: string) =>
    rules.filter(r => (r.equivalents[tool] ?? []).some(c => check === undefined || c.toLowerCase() === check.toLowerCase())).map(r => r.id);
  for (const map of maps) {
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const key = pair.key;
      const name = String(key.value);
      const value = isScalar(pair.value) ? pair.value : undefined;
      const raw = value && value.value !== null ? String(value.value) : '';
      if (name.startsWith(OWN_PREFIX)) {
        const [ruleId, container] = name.slice(OWN_PREFIX.length).split('.', 2);
        out.push({ key, value, name, own: true, ruleId, container: container || undefined, raw });
      } else if (name.startsWith('ignore-check.kube-linter.io/')) {
        out.push({ key, value, name, own: false, rules: byTool('kubeLinter', name.slice('ignore-check.kube-linter.io/'.length)), raw });
      } else if (name === 'kube-linter.io/ignore-all') {
        out.push({ key, value, name, own: false, rules: byTool('kubeLinter'), raw });
      } else if (CHECKOV.test(name)) {
        // `CKV_K8S_20=reason`, or several checks separated by commas.
        const checks = raw.split(',').map(s => s.split('=')[0].trim()).filter(Boolean);
        out.push({ key, value, name, own: false, rules: [...new Set(checks.flatMap(c => byTool('checkov', c)))], raw });
      } else if (name.startsWith('polaris.fairwinds.com/') && raw.trim().toLowerCase() === 'true') {
        const local = name.slice('polaris.fairwinds.com/'.length);
        if (local === 'exempt') out.push({ key, value, name, own: false, rules: byTool('polaris'), raw });
        else if (local.endsWith('-exempt')) out.push({ key, value, name, own: false, rules: byTool('polaris', local.slice(0, -'-exempt'.length)), raw });
      }
    }
  }
  return out;
}

/** The container (by name) whose map holds `offset`, if any. */
export function containerAt(pod: PodSpecView | undefined, offset: number): string | undefined {
  for (const c of pod?.containers ?? []) {
    const r = c.node.range;
    if (r && r[0] <= offset && offset < r[2] && c.name) return c.name;
  }
  return undefined;
}
