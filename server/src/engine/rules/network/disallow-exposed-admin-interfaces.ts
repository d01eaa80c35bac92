import { ADMIN_INTERFACES, AdminInterface, interfaceOfImage, interfaceOfLabels } from '../../model/admin-interfaces';
import { metadataOf, specOf } from '../../model/object';
import { K8sObject } from '../../model/parse';
import { backendsOf, publishesOutside, ROUTING_KINDS } from '../../model/routes';
import { loadBalancerLimited } from '../../model/service-exposure';
import { isMap } from 'yaml';
import { get, getMap, getSeq, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { WorkspaceIndex } from '../../workspace';
import { byLocation } from '../../workspace/domains/network';
import { matches } from '../../workspace/selector';
import { serviceNamed } from '../../workspace/domains/services';
import { ObjectSummary } from '../../workspace/summary';
import { MESH_AUTH_READS, SERVICE_READS, WORKLOAD_READS } from '../../workspace/reads';
import { objectsOfKind } from '../../workspace/facets';

export default defineRule({
  id: 'disallow-exposed-admin-interfaces',
  title: 'Admin web interfaces are not exposed outside the cluster',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['NET15'],
  equivalents: { kubescape: ['C-0021'] },
  kinds: ['Service', ...ROUTING_KINDS],
  messages: {
    exposed: 'Service "{{name}}" of type {{type}} exposes {{ui}} outside the cluster: {{risk}}. Use type ClusterIP '
      + 'and reach it through kubectl port-forward or an authenticating proxy.',
    routed: '{{kind}} "{{name}}" publishes Service "{{service}}", which serves {{ui}} with no login: {{risk}}. '
      + 'Put an authenticating proxy in front of it (OAuth2 Proxy, the controller\'s or Gateway\'s external '
      + 'authentication), or keep it internal and use kubectl port-forward.',
  },
  docs: {
    summary: `Admin interfaces left reachable from outside the cluster are among the most exploited Kubernetes `
      + `mistakes: exposed Jupyter notebooks, Kubernetes Dashboards and Argo servers have been taken over to `
      + `mine cryptocurrency and move into the cluster. A Service of type NodePort, or LoadBalancer that is `
      + `not internal nor limited to source ranges, is reported when it fronts a known admin interface: `
      + `${ADMIN_INTERFACES.map(a => a.name).join(', ')}. An Ingress, a Gateway API route (HTTP, GRPC, TCP, `
      + `TLS, UDP) or an Istio VirtualService bound to a Gateway that publishes the Service of an interface `
      + `with no login of its own (${ADMIN_INTERFACES.filter(a => a.noAuth).map(a => a.name).join(', ')}) is `
      + `reported too, unless it shows authentication: an Ingress annotation about auth (ingress-nginx `
      + `\`auth-url\`, \`auth-type\`, Traefik middlewares), a route filter that extends the Gateway `
      + `(ExtensionRef), or an Istio RequestAuthentication / AuthorizationPolicy in the namespace. Interfaces `
      + `with a login (Argo CD, Grafana, Jenkins, ...) are reported only when a Service exposes them `
      + `directly. It is recognised by the Service's selector (the labels their manifests and charts use, `
      + `such as \`app.kubernetes.io/name: argocd-server\`), or, through the workspace, by the image or `
      + `labels of the workloads of its namespace that the selector picks. The list is data `
      + `(server/src/engine/model/admin-interfaces.ts); images shared by several components (Argo CD's) are `
      + `recognised by the server's label only.`,
    remediation: 'Make the Service `type: ClusterIP` and reach the interface with `kubectl port-forward`, or publish '
      + 'it through an Ingress or Gateway with authentication (OIDC proxy) and TLS. If a load balancer is '
      + 'unavoidable, make it internal or set `loadBalancerSourceRanges` to the administrators\' addresses.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types', 'https://hub.armosec.io/docs/c-0021'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Service
metadata:
  name: ui
  namespace: tools
spec:
  type: LoadBalancer
  selector: {app.kubernetes.io/name: argocd-server}
  ports:
  - port: 443
`,
    correct: `apiVersion: v1
kind: Service
metadata:
  name: ui
  namespace: tools
spec:
  type: LoadBalancer
  selector: {app.kubernetes.io/name: argocd-server}
  ports:
  - port: 443
  loadBalancerSourceRanges: [10.0.0.0/8]
`,
  },
  fix: null,
  workspaceReads: [...WORKLOAD_READS, ...SERVICE_READS, ...MESH_AUTH_READS],
  checkObject({ object, workspace: { index, self }, report }) {
    if (object.kind !== 'Service') {
      if (!publishesOutside(object) || showsAuthentication(object, index, index.namespaceOf(self))) return;
      const ownNs = index.namespaceOf(self);
      for (const b of backendsOf(object)) {
        const name = b.service ?? str(b.name);
        const target = name ? serviceNamed(index, b.namespace ?? ownNs, name) : undefined;
        const ui = target && interfaceBehind(index, target);
        if (!ui?.noAuth) continue;
        report({ messageId: 'routed', data: { kind: object.kind, name: object.name ?? '(unnamed)', service: name!, ui: ui.name, risk: ui.risk }, at: b.name.site });
      }
      return;
    }
    const svc = self.service;
    const type = get(specOf(object), 'type', object.doc);
    if (!svc?.selector || Object.keys(svc.selector).length === 0 || !type) return;
    if (svc.type !== 'NodePort' && (svc.type !== 'LoadBalancer' || loadBalancerLimited(object))) return;
    const ui = interfaceBehind(index, self);
    if (!ui) return;
    report({ messageId: 'exposed', data: { name: object.name ?? '(unnamed)', type: str(type)!, ui: ui.name, risk: ui.risk }, at: type.site });
  },
});

function interfaceOfWorkload(w: ObjectSummary): AdminInterface | undefined {
  return (w.pod!.images ?? []).map(interfaceOfImage).find(a => a) ?? interfaceOfLabels(w.pod!.labels);
}

/** The admin interface a Service fronts: by its selector, else by the workloads it selects. */
function interfaceBehind(index: WorkspaceIndex, service: ObjectSummary): AdminInterface | undefined {
  const selector = service.service?.selector;
  if (!selector || Object.keys(selector).length === 0) return undefined;
  const picked = byLocation(index.workloadsIn(index.namespaceOf(service))
    .filter(w => w.kind !== 'PodTemplate' && matches({ matchLabels: selector, matchExpressions: [] }, w.pod!.labels)));
  return interfaceOfLabels(selector) ?? picked.map(interfaceOfWorkload).find(a => a);
}

/**
 * The route shows that something authenticates requests before they reach the backend: an
 * Ingress annotation about auth (ingress-nginx, Traefik middlewares, ...), a Gateway API filter
 * that extends the Gateway, or Istio request authentication in the namespace.
 */
function showsAuthentication(o: K8sObject, index: WorkspaceIndex, ns: string): boolean {
  if (o.kind === 'Ingress') {
    const annotations = getMap(metadataOf(o), 'annotations', o.doc);
    return (annotations?.items ?? []).some(p => /auth|middlewares/i.test(String((p.key as { value?: unknown } | null)?.value ?? '')));
  }
  if (o.kind === 'VirtualService') {
    return ['RequestAuthentication', 'AuthorizationPolicy'].some(kind => objectsOfKind(index, kind).some(x => x.group === 'security.istio.io' && index.namespaceOf(x) === ns));
  }
  for (const rule of seqItems(getSeq(specOf(o), 'rules', o.doc), o.doc)) {
    const filters = isMap(rule.value) ? seqItems(getSeq(rule.value, 'filters', o.doc), o.doc) : [];
    if (filters.some(f => isMap(f.value) && str(get(f.value, 'type', o.doc)) === 'ExtensionRef')) return true;
  }
  return false;
}
