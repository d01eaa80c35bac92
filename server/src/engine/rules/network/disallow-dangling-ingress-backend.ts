import { isMap, YAMLMap } from 'yaml';
import { K8sObject } from '../../model/parse';
import { specOf } from '../../model/object';
import { get, getIn, getMap, getSeq, Ref, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { hasPort, hasServicesIn, serviceNamed } from '../../workspace/domains/services';

/** A backend as written: the Service's name and namespace, and the port (number or name) with their nodes. */
interface Backend {
  name: Ref;
  namespace?: string;
  port?: Ref;
}

const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'];

export default defineRule({
  id: 'disallow-dangling-ingress-backend',
  title: 'Ingress and route backends name Services of the workspace',
  category: 'network',
  severity: 'info',
  pss: null,
  level: 'restricted',
  // Only as reliable as the workspace is complete (as kube-linter, which has it off by default).
  optIn: true,
  covers: ['NET14'],
  equivalents: { kubeLinter: ['dangling-ingress'], kubescape: ['C-0298', 'C-0302'] },
  kinds: ['Ingress', ...ROUTE_KINDS],
  messages: {
    noService: '{{kind}} "{{name}}" routes to Service "{{service}}", which namespace "{{namespace}}" does not have in the workspace: requests to it fail. Check the Service name.',
    noPort: '{{kind}} "{{name}}" routes to port {{port}} of Service "{{service}}", which the Service does not define: requests to it fail. Use one of its ports ({{ports}}).',
  },
  defaultReason: 'Off by default: it is as reliable as the workspace is complete.',
  docs: {
    summary: 'An Ingress (or a Gateway API HTTPRoute / GRPCRoute) whose backend names a Service that does not exist, or a port the Service does not define, answers with errors; the mistake often follows a renamed Service, and a Service created later under that name (by anyone who may create Services) receives the traffic. Ingress backends (`service.name` and `service.port.number` / `.name`, and the older `serviceName` / `servicePort`), the default backend, and route `backendRefs` of kind Service (in the route\'s namespace or the one they name) are checked. A backend is reported only when the workspace holds Services of its namespace.',
    remediation: 'Name an existing Service of the Ingress\'s namespace, and one of its `spec.ports` by number or by name; or add the missing Service.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource', 'https://gateway-api.sigs.k8s.io/reference/spec/#backendref'],
  },
  examples: {
    incorrect: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs:
    - {name: api, port: 80}
    - {name: web, port: 9090}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
  - port: 8443
`,
    correct: `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs:
    - {name: web, port: 80}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
  - name: http
    port: 80
  - port: 8443
`,
  },
  fix: null,
  checkObject({ object, workspace: { index, self }, report }) {
    if (index.isPatch(self.uri)) return;
    const ownNs = index.namespaceOf(self);
    for (const b of backendsOf(object)) {
      const service = str(b.name);
      if (!service) continue;
      const ns = b.namespace ?? ownNs;
      if (!hasServicesIn(index, ns)) continue;
      const data = { kind: object.kind, name: object.name ?? '(unnamed)', service, namespace: ns };
      const target = serviceNamed(index, ns, service);
      if (!target) {
        report({ messageId: 'noService', data, at: b.name.site });
        continue;
      }
      const raw = str(b.port);
      if (raw === undefined || !target.service) continue;
      const port = /^\d+$/.test(raw) ? Number(raw) : raw;
      if (hasPort(target.service, port)) continue;
      const ports = target.service.ports.map(p => (p.name ? `${p.port} "${p.name}"` : String(p.port))).join(', ') || 'none';
      report({ messageId: 'noPort', data: { ...data, port: typeof port === 'number' ? port : `"${port}"`, ports }, at: b.port!.site });
    }
  },
});

function backendsOf(o: K8sObject): Backend[] {
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
  if (ROUTE_KINDS.includes(o.kind) && o.group === 'gateway.networking.k8s.io') {
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
