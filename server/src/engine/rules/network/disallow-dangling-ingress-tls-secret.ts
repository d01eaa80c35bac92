import { isMap } from 'yaml';
import { getMap, getSeq, get, seqItems, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { providersOf } from '../../workspace/domains/config-data';
import { CONFIG_DATA_READS } from '../../workspace/reads';

// cert-manager's ingress-shim creates the Certificate, and so the Secret, for Ingresses annotated
// with an issuer (and, for compatibility, kubernetes.io/tls-acme: "true").
const SHIM_ANNOTATIONS = ['cert-manager.io/issuer', 'cert-manager.io/cluster-issuer'];

export default defineRule({
  id: 'disallow-dangling-ingress-tls-secret',
  title: 'Ingress TLS entries name Secrets of the workspace',
  category: 'network',
  severity: 'info',
  pss: null,
  level: 'restricted',
  optIn: true,
  covers: ['NET11'],
  equivalents: {},
  kinds: ['Ingress'],
  messages: {
    noSecret: 'Ingress "{{name}}" serves TLS with Secret "{{secret}}", which namespace "{{namespace}}" does not '
      + 'have in the workspace: the controller falls back to its default self-signed certificate, so clients '
      + 'get certificate errors (or learn to click through them). Create the Secret, or a cert-manager '
      + 'Certificate with this secretName, or fix the name.',
  },
  defaultReason: 'Off by default: TLS Secrets are often created outside the repository (by a pipeline or by hand), so '
    + 'the rule is for repositories that hold the whole application.',
  docs: {
    summary: 'An Ingress `tls` entry whose `secretName` names no Secret of the Ingress\'s namespace does not fail: '
      + 'ingress-nginx, Traefik and most controllers serve the hosts with their built-in self-signed '
      + 'certificate instead, so the site looks like it has TLS while every client sees a certificate error, '
      + 'and users who click through can no longer tell a real man-in-the-middle. The Secret counts as '
      + 'present when the workspace holds it, or an object whose controller creates it: a cert-manager '
      + 'Certificate with that `spec.secretName`, an ExternalSecret, SealedSecret or Vault Secrets Operator '
      + 'resource. Ingresses annotated for cert-manager\'s ingress-shim (`cert-manager.io/issuer`, '
      + '`cert-manager.io/cluster-issuer`, `kubernetes.io/tls-acme: "true"`) get their Secret from it and are '
      + 'not checked.',
    remediation: 'Add the TLS Secret (or a cert-manager Certificate whose `spec.secretName` is the name) in the '
      + 'Ingress\'s namespace, annotate the Ingress with a cert-manager issuer, or correct `secretName`.',
    references: ['https://kubernetes.io/docs/concepts/services-networking/ingress/#tls', 'https://cert-manager.io/docs/usage/ingress/'],
  },
  examples: {
    incorrect: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: web, port: {number: 80}}
`,
    correct: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  tls:
  - hosts: [shop.example.com]
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: web, port: {number: 80}}
`,
  },
  fix: null,
  workspaceReads: CONFIG_DATA_READS,
  checkObject({ object, workspace: { index, self }, report }) {
    if (object.group !== 'networking.k8s.io' && object.group !== 'extensions') return;
    if (index.isPatch(self.uri)) return;
    const annotations = getMap(getMap(object.node, 'metadata', object.doc), 'annotations', object.doc);
    if (SHIM_ANNOTATIONS.some(a => get(annotations, a, object.doc)) || str(get(annotations, 'kubernetes.io/tls-acme', object.doc)) === 'true') return;
    const spec = getMap(object.node, 'spec', object.doc);
    for (const entry of seqItems(getSeq(spec, 'tls', object.doc), object.doc)) {
      if (!isMap(entry.value)) continue;
      const ref = get(entry.value, 'secretName', object.doc);
      const secret = str(ref);
      if (!ref || !secret || providersOf(index, 'Secret', secret, self).length > 0) continue;
      report({ messageId: 'noSecret', data: { name: object.name ?? '(unnamed)', secret, namespace: index.namespaceOf(self) }, at: ref.site });
    }
  },
});
