// What Kustomize reads that is not an object to apply: a patch (only what it sets counts, never
// what it leaves out), a `$patch: delete` directive, a Kustomization or Component. Lint of such
// documents as written keeps only findings on values they set.
import { isMap, isScalar } from 'yaml';
import type { K8sObject } from '../model/parse';
import { isIdentity, renderedPathAt } from './rendered-path';

const KUSTOMIZE_GROUP = 'kustomize.config.k8s.io';

/** Kustomize's own files and directives: nothing in them is applied as written. */
export function isKustomizeDirective(object: K8sObject): boolean {
  if (object.group === KUSTOMIZE_GROUP && (object.kind === 'Kustomization' || object.kind === 'Component')) return true;
  const directive = isMap(object.node) ? object.node.items.find(p => isScalar(p.key) && p.key.value === '$patch') : undefined;
  return !!directive && isScalar(directive.value) && String(directive.value.value).toLowerCase() === 'delete';
}

/** True when a finding at `offset` of a patch sits on a value the patch sets (kept), not on what it lacks. */
export function isOnSetValue(object: K8sObject, offset: number): boolean {
  const at = renderedPathAt(object.node, offset);
  return at.onValue && !isIdentity(at.path);
}
