import { backendsOf, ROUTING_KINDS } from '../../model/routes';
import { str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { hasPort, hasServicesIn, serviceNamed } from '../../workspace/domains/services';
import { SERVICE_READS } from '../../workspace/reads';

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
  kinds: ROUTING_KINDS,
  messages: {
    noService: '{{kind}} "{{name}}" routes to Service "{{service}}", which namespace "{{namespace}}" does not have '
      + 'in the workspace: requests to it fail. Check the Service name.',
    noPort: '{{kind}} "{{name}}" routes to port {{port}} of Service "{{service}}", which the Service does not '
      + 'define: requests to it fail. Use one of its ports ({{ports}}).',
  },
  defaultReason: 'Off by default: it is as reliable as the workspace is complete.',
  docs: {
    summary: 'An Ingress (or a Gateway API HTTPRoute / GRPCRoute / TCPRoute / TLSRoute / UDPRoute, or an Istio '
      + 'VirtualService) whose backend names a Service that does not exist, or a port the Service does not '
      + 'define, answers with errors; the mistake often follows a renamed Service, and a Service created '
      + 'later under that name (by anyone who may create Services) receives the traffic. Ingress backends '
      + '(`service.name` and `service.port.number` / `.name`, and the older `serviceName` / `servicePort`), '
      + 'the default backend, route `backendRefs` of kind Service (in the route\'s namespace or the one they '
      + 'name), and VirtualService destinations whose host is a Service of the cluster (`web`, `web.shop`, '
      + '`web.shop.svc.cluster.local`) are checked. A backend is reported only when the workspace holds '
      + 'Services of its namespace.',
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
  workspaceReads: SERVICE_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (index.isPatch(self.uri)) return;
    const ownNs = index.namespaceOf(self);
    for (const b of backendsOf(object)) {
      const service = b.service ?? str(b.name);
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
