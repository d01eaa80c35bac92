import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const ingress = (tls: string, annotations = '') => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: shop
    annotations: {${annotations}}
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
    ${tls}
`;

ruleTester('require-ingress-tls', {
  valid: [
    ingress('tls: [{hosts: [shop.example.com, api.example.com], secretName: shop-tls}]'),
    { name: 'a wildcard certificate covers one level of subdomains', code: ingress('tls: [{hosts: ["*.example.com"], secretName: wildcard}]') },
    { name: 'a tls entry without hosts covers every host', code: ingress('tls: [{secretName: default-cert}]') },
    { name: 'TLS terminated by the AWS load balancer', code: ingress('', 'alb.ingress.kubernetes.io/certificate-arn: "arn:aws:acm:eu-west-1:123:certificate/abc"') },
    { name: 'a kustomize patch', code: ingress(''), files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- base.yaml\npatchesStrategicMerge:\n- case.yaml\n' } },
    { name: 'GKE managed certificates', code: ingress('', 'networking.gke.io/managed-certificates: shop-cert') },
  ],
  invalid: [
    {
      name: 'no tls at all',
      code: ingress(''),
      errors: [{ messageId: 'noTls', line: 6, column: 1, endLine: 6, endColumn: 5, data: { name: 'shop' } }],
    },
    {
      name: 'an empty tls list',
      code: ingress('tls: []'),
      errors: [{ messageId: 'noTls', line: 17, column: 3, endLine: 17, endColumn: 6 }],
    },
    {
      name: 'a host missing from the tls hosts, and one a wildcard does not reach (two levels down)',
      code: ingress('tls: [{hosts: [shop.example.com, "*.eu.example.com"], secretName: shop-tls}, {hosts: ["*.example.com"], secretName: wildcard}]').replace('API.example.com', 'api.v2.example.com'),
      errors: [{ messageId: 'hostNotCovered', line: 13, column: 11, endLine: 13, endColumn: 29, data: { name: 'shop', host: 'api.v2.example.com' } }],
    },
    {
      name: 'an extensions/v1beta1 Ingress',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: old\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n',
      errors: [{ messageId: 'noTls', line: 5, column: 1, endLine: 5, endColumn: 5 }],
    },
  ],
});
