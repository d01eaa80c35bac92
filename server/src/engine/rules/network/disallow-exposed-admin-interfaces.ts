import { ADMIN_INTERFACES, AdminInterface, interfaceOfImage, interfaceOfLabels } from '../../model/admin-interfaces';
import { specOf } from '../../model/object';
import { loadBalancerLimited } from '../../model/service-exposure';
import { get, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { byLocation } from '../../workspace/domains/network';
import { matches } from '../../workspace/selector';
import { ObjectSummary } from '../../workspace/summary';

export default defineRule({
  id: 'disallow-exposed-admin-interfaces',
  title: 'Admin web interfaces are not exposed outside the cluster',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'baseline',
  covers: ['NET15'],
  equivalents: { kubescape: ['C-0021'] },
  kinds: ['Service'],
  messages: {
    exposed: 'Service "{{name}}" of type {{type}} exposes {{ui}} outside the cluster: {{risk}}. Use type ClusterIP and reach it through kubectl port-forward or an authenticating proxy.',
  },
  docs: {
    summary: `Admin interfaces left reachable from outside the cluster are among the most exploited Kubernetes mistakes: exposed Jupyter notebooks, Kubernetes Dashboards and Argo servers have been taken over to mine cryptocurrency and move into the cluster. A Service of type NodePort, or LoadBalancer that is not internal nor limited to source ranges, is reported when it fronts a known admin interface: ${ADMIN_INTERFACES.map(a => a.name).join(', ')}. It is recognised by the Service's selector (the labels their manifests and charts use, such as \`app.kubernetes.io/name: argocd-server\`), or, through the workspace, by the image or labels of the workloads of its namespace that the selector picks. The list is data (server/src/engine/model/admin-interfaces.ts); images shared by several components (Argo CD's) are recognised by the server's label only.`,
    remediation: 'Make the Service `type: ClusterIP` and reach the interface with `kubectl port-forward`, or publish it through an Ingress or Gateway with authentication (OIDC proxy) and TLS. If a load balancer is unavoidable, make it internal or set `loadBalancerSourceRanges` to the administrators\' addresses.',
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
  checkObject({ object, workspace: { index, self }, report }) {
    const svc = self.service;
    const type = get(specOf(object), 'type', object.doc);
    if (!svc?.selector || Object.keys(svc.selector).length === 0 || !type) return;
    if (svc.type !== 'NodePort' && (svc.type !== 'LoadBalancer' || loadBalancerLimited(object))) return;
    const selector = { matchLabels: svc.selector, matchExpressions: [] };
    const ns = index.namespaceOf(self);
    const picked = byLocation(index.workloadsIn(ns).filter(w => w.kind !== 'PodTemplate' && matches(selector, w.pod!.labels)));
    const ui = interfaceOfLabels(svc.selector) ?? picked.map(interfaceOfWorkload).find(a => a);
    if (!ui) return;
    report({ messageId: 'exposed', data: { name: object.name ?? '(unnamed)', type: str(type)!, ui: ui.name, risk: ui.risk }, at: type.site });
  },
});

function interfaceOfWorkload(w: ObjectSummary): AdminInterface | undefined {
  return (w.pod!.images ?? []).map(interfaceOfImage).find(a => a) ?? interfaceOfLabels(w.pod!.labels);
}
