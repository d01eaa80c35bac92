// How far a Service of type LoadBalancer reaches: cloud annotations that make the load balancer
// internal, and source ranges that limit its clients (NET09, NET15).
import { annotationsOf, specOf } from './object';
import { K8sObject } from './parse';
import { getSeq, seqItems, str } from './yaml-nav';

/** Annotations that make a cloud load balancer internal (reachable from the private network only). */
const INTERNAL_LB: ReadonlyArray<[string, RegExp]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(true|0\.0\.0\.0\/0)$/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', /^private$/i],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', /^true$/i],
];
const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const WORLD = new Set(['0.0.0.0/0', '::/0']);

/**
 * True when the load balancer of a LoadBalancer Service is internal by its cloud annotation, or
 * admits only listed source ranges (none of them the whole world).
 */
export function loadBalancerLimited(object: K8sObject): boolean {
  const annotations = new Map(annotationsOf(object).map(a => [a.name, str(a.ref) ?? '']));
  if (INTERNAL_LB.some(([key, value]) => value.test(annotations.get(key) ?? ''))) return true;
  const ranges = [
    ...seqItems(getSeq(specOf(object), 'loadBalancerSourceRanges', object.doc), object.doc).map(r => str(r)?.trim() ?? ''),
    // The field wins over the annotation when both are set; either limits the sources.
    ...(annotations.get(SOURCE_RANGES_ANNOTATION) ?? '').split(',').map(r => r.trim()),
  ].filter(r => r !== '');
  return ranges.length > 0 && !ranges.some(r => WORLD.has(r));
}
