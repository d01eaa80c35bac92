import { isMap } from 'yaml';
import { annotationsOf, specAnchor, specOf } from '../../model/object';
import { get, getSeq, keyOf, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { NAMESPACE_ONLY } from '../../workspace/reads';

/** Annotations by which cloud load balancer controllers terminate TLS without `spec.tls`. */
const CLOUD_TLS = [
  'alb.ingress.kubernetes.io/certificate-arn',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'networking.gke.io/managed-certificates',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
  'service.beta.kubernetes.io/aws-load-balancer-ssl-cert',
];

export default defineRule({
  id: 'require-ingress-tls',
  title: 'Ingresses serve their hosts over TLS',
  category: 'network',
  severity: 'warning',
  pss: null,
  level: 'restricted',
  covers: ['NET11'],
  equivalents: { kubescape: ['C-0263'], polaris: ['tlsSettingsMissing'] },
  kinds: ['Ingress'],
  messages: {
    noTls: 'Ingress "{{name}}" has no spec.tls: its hosts are served over plain HTTP, so credentials and cookies '
      + 'cross the network readable. Add a tls entry with the hosts and the Secret holding their certificate.',
    hostNotCovered: 'Host "{{host}}" of Ingress "{{name}}" is not listed in any spec.tls entry: it is served over plain '
      + 'HTTP. Add it to the hosts of a tls entry.',
  },
  docs: {
    summary: 'Without a `tls` section an Ingress serves its hosts over plain HTTP: passwords, session cookies and '
      + 'tokens travel unencrypted between clients and the cluster, and can be read or changed on the way. A '
      + 'host of the rules that no tls entry lists (exactly, or through a `*.` wildcard of one level) is '
      + 'plain HTTP too; a tls entry without hosts covers every host. Ingresses whose cloud controller '
      + 'terminates TLS by annotation (AWS certificate ARN, GKE pre-shared or managed certificates, Azure '
      + 'Application Gateway certificate) are not reported.',
    remediation: 'Add `spec.tls` with the Ingress\'s hosts and a `secretName` holding their certificate (cert-manager '
      + 'can issue it from the `cert-manager.io/cluster-issuer` annotation), and redirect HTTP to HTTPS in '
      + 'the controller.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls', 'https://cert-manager.io/docs/usage/ingress/'],
  },
  examples: {
    incorrect: `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
spec:
  backend:
    serviceName: web
    servicePort: 80
`,
    correct: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  annotations: {networking.gke.io/managed-certificates: shop-cert}
spec:
  ingressClassName: nginx
  rules:
  - host: shop.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
  - host: API.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}
`,
  },
  fix: null,
  workspaceReads: NAMESPACE_ONLY,
  checkObject({ object, workspace: { index, self }, report }) {
    // A patch's tls (or its absence) says nothing of the base's.
    if ((object.group !== 'networking.k8s.io' && object.group !== 'extensions') || index.isPatch(self.uri)) return;
    const names = new Set(annotationsOf(object).map(a => a.name));
    if (CLOUD_TLS.some(a => names.has(a))) return;
    const spec = specOf(object);
    const name = object.name ?? '(unnamed)';
    const tls = seqItems(getSeq(spec, 'tls', object.doc), object.doc).map(t => t.value).filter(isMap);
    if (tls.length === 0) {
      report({ messageId: 'noTls', data: { name }, at: keyOf(spec, 'tls', object.doc) ?? specAnchor(object) });
      return;
    }
    const covered: string[] = [];
    for (const t of tls) {
      const hosts = seqItems(getSeq(t, 'hosts', object.doc), object.doc).map(h => str(h)).filter((h): h is string => !!h);
      if (hosts.length === 0) return; // an entry without hosts applies to every host
      covered.push(...hosts.map(h => h.toLowerCase()));
    }
    for (const rule of seqItems(getSeq(spec, 'rules', object.doc), object.doc)) {
      if (!isMap(rule.value)) continue;
      const hostRef = get(rule.value, 'host', object.doc);
      const host = str(hostRef);
      if (!host || covered.some(c => coversHost(c, host.toLowerCase()))) continue;
      report({ messageId: 'hostNotCovered', data: { name, host }, at: hostRef!.value });
    }
  },
});

/** `*.example.com` covers `a.example.com` (one label), as certificates and Ingress wildcards do. */
function coversHost(tlsHost: string, host: string): boolean {
  if (tlsHost === host) return true;
  if (!tlsHost.startsWith('*.')) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot) === tlsHost.slice(1);
}
