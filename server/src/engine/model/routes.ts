// The Services an object routes traffic to, as written: Ingress backends, Gateway API route
// backendRefs (HTTP, GRPC, TCP, TLS, UDP), Istio VirtualService destinations. Shared by the rules
// that follow a route to its Service (a dangling backend; an admin interface published through it).
import { isMap, YAMLMap } from 'yaml';
import { specOf } from './object';
import { K8sObject } from './parse';
import { get, getIn, getMap, getSeq, Ref, seqItems, str } from './yaml-nav';

/** A backend as written: the Service's name and namespace, and the port (number or name) with their nodes. */
export interface Backend {
  name: Ref;
  /** The Service's name when the node holds more (an Istio host `web.shop.svc.cluster.local`). */
  service?: string;
  namespace?: string;
  port?: Ref;
}

export const GATEWAY_ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute'];
export const ROUTING_KINDS = ['Ingress', ...GATEWAY_ROUTE_KINDS, 'VirtualService'];

export function backendsOf(o: K8sObject): Backend[] {
  const spec = specOf(o);
  if (o.kind === 'Ingress' && (o.group === 'networking.k8s.io' || o.group === 'extensions')) {
    const backends = [getMap(spec, 'defaultBackend', o.doc) ?? getMap(spec, 'backend', o.doc)];
    for (const rule of seqItems(getSeq(spec, 'rules', o.doc), o.doc)) {
      if (!isMap(rule.value)) continue;
      for (const path of seqItems(getSeq(getMap(rule.value, 'http', o.doc), 'paths', o.doc), o.doc)) {
        if (isMap(path.value)) backends.push(getMap(path.value, 'backend', o.doc));
      }
    }
    return backends.flatMap(b => ingressBackend(b, o));
  }
  if (GATEWAY_ROUTE_KINDS.includes(o.kind) && o.group === 'gateway.networking.k8s.io') {
    const out: Backend[] = [];
    for (const rule of seqItems(getSeq(spec, 'rules', o.doc), o.doc)) {
      if (!isMap(rule.value)) continue;
      for (const ref of seqItems(getSeq(rule.value, 'backendRefs', o.doc), o.doc)) {
        if (!isMap(ref.value)) continue;
        const m = ref.value;
        // Only core Services: other kinds (a ServiceImport, a custom backend) are not in the model.
        if ((str(get(m, 'group', o.doc)) ?? '') !== '' || (str(get(m, 'kind', o.doc)) ?? 'Service') !== 'Service') continue;
        const name = get(m, 'name', o.doc);
        if (name) out.push({ name, namespace: str(get(m, 'namespace', o.doc)), port: get(m, 'port', o.doc) });
      }
    }
    return out;
  }
  if (o.kind === 'VirtualService' && o.group === 'networking.istio.io') return virtualServiceBackends(spec, o);
  return [];
}

function ingressBackend(b: YAMLMap | undefined, o: K8sObject): Backend[] {
  if (!b) return [];
  const name = getIn(b, ['service', 'name'], o.doc);
  if (name) return [{ name, port: getIn(b, ['service', 'port', 'number'], o.doc) ?? getIn(b, ['service', 'port', 'name'], o.doc) }];
  // extensions/v1beta1 and networking.k8s.io/v1beta1.
  const old = get(b, 'serviceName', o.doc);
  return old ? [{ name: old, port: get(b, 'servicePort', o.doc) }] : [];
}

/**
 * `spec.{http,tcp,tls}[].route[].destination.host`: a Service of the VirtualService's namespace
 * (`web`), or of another (`web.shop`, `web.shop.svc`, `web.shop.svc.cluster.local`). Hosts
 * outside the cluster (ServiceEntries, `api.example.com`) name no Service and are skipped.
 */
function virtualServiceBackends(spec: YAMLMap | undefined, o: K8sObject): Backend[] {
  const out: Backend[] = [];
  for (const protocol of ['http', 'tcp', 'tls']) {
    for (const rule of seqItems(getSeq(spec, protocol, o.doc), o.doc)) {
      if (!isMap(rule.value)) continue;
      for (const route of seqItems(getSeq(rule.value, 'route', o.doc), o.doc)) {
        if (!isMap(route.value)) continue;
        const name = getIn(route.value, ['destination', 'host'], o.doc);
        const host = str(name);
        const m = host === undefined ? null : /^([a-z0-9-]+)(?:\.([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?)?$/.exec(host);
        if (!name || !m) continue;
        out.push({ name, service: m[1], namespace: m[2], port: getIn(route.value, ['destination', 'port', 'number'], o.doc) });
      }
    }
  }
  return out;
}

/**
 * True when the object publishes its backends beyond the cluster's own pods: an Ingress or a
 * Gateway API route always (through their controller or Gateway), an Istio VirtualService when
 * it is bound to a Gateway (the default, `mesh`, serves only sidecars inside the mesh).
 */
export function publishesOutside(o: K8sObject): boolean {
  if (o.kind !== 'VirtualService') return true;
  const gateways = seqItems(getSeq(specOf(o), 'gateways', o.doc), o.doc).map(r => str(r));
  return gateways.some(g => g !== undefined && g !== 'mesh');
}
