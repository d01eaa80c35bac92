// What every Kubernetes object has: metadata (name, labels, annotations) and a spec, with the
// nodes to report at when something about the object as a whole is wrong or missing.
import { Node, Scalar, YAMLMap } from 'yaml';
import { K8sObject } from './parse';
import { entries, get, getMap, keyOf, Ref } from './yaml-nav';

export function metadataOf(o: K8sObject): YAMLMap | undefined {
  return getMap(o.node, 'metadata', o.doc);
}

export function specOf(o: K8sObject): YAMLMap | undefined {
  return getMap(o.node, 'spec', o.doc);
}

/** The object's name value, else its `kind` key: where a finding about the whole object goes. */
export function nameNode(o: K8sObject): Node {
  return get(metadataOf(o), 'name', o.doc)?.value ?? keyOf(o.node, 'kind', o.doc) ?? o.node;
}

/** Where a missing key of `spec` is reported: the `spec` key, else the object's name. */
export function specAnchor(o: K8sObject): Node {
  return keyOf(o.node, 'spec', o.doc) ?? nameNode(o);
}

/** The object's own annotations (merge keys expanded), each with its key node. */
export function annotationsOf(o: K8sObject): Array<{ name: string; ref: Ref; key: Scalar | undefined }> {
  const map = getMap(metadataOf(o), 'annotations', o.doc);
  return entries(map, o.doc).map(e => ({ ...e, key: keyOf(map, e.name, o.doc) }));
}
