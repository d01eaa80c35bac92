import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

// Line 9 holds the first secretName; its value `shop-tls` is columns 17-25.
const ingress = (extra = '', annotations = '') => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: shop
    namespace: shop${annotations}
  spec:
    tls:
    - hosts: [shop.example.com]
      secretName: shop-tls${extra}
    rules:
    - host: shop.example.com
      http:
        paths:
        - path: /
          pathType: Prefix
          backend:
            service: {name: web, port: {number: 80}}
`;

const secret = (name: string, ns: string) => yaml`
  apiVersion: v1
  kind: Secret
  metadata:
    name: ${name}
    namespace: ${ns}
  type: kubernetes.io/tls
  data: {tls.crt: "", tls.key: ""}
`;

const certificate = yaml`
  apiVersion: cert-manager.io/v1
  kind: Certificate
  metadata:
    name: shop
    namespace: shop
  spec:
    secretName: shop-tls
    dnsNames: [shop.example.com]
    issuerRef: {name: letsencrypt, kind: ClusterIssuer}
`;

const noSecret = (secretName: string, line: number, column: number) => ({
  messageId: 'noSecret', line, column, endLine: line, endColumn: column + secretName.length,
  data: { name: 'shop', secret: secretName, namespace: 'shop' },
  message: `Ingress "shop" serves TLS with Secret "${secretName}", which namespace "shop" does not have in the workspace: the controller falls back to its default self-signed certificate, so clients get certificate errors (or learn to click through them). Create the Secret, or a cert-manager Certificate with this secretName, or fix the name.`,
});

ruleTester('disallow-dangling-ingress-tls-secret', {
  valid: [
    { name: 'the Secret is in the namespace, in another file', code: ingress(), files: { 'secret.yaml': secret('shop-tls', 'shop') } },
    { name: 'a cert-manager Certificate creates the Secret', code: ingress(), files: { 'cert.yaml': certificate } },
    { name: 'cert-manager ingress-shim creates it (cluster-issuer annotation)', code: ingress('', '\n    annotations: {cert-manager.io/cluster-issuer: letsencrypt}') },
    { name: 'cert-manager ingress-shim creates it (tls-acme annotation)', code: ingress('', '\n    annotations: {kubernetes.io/tls-acme: "true"}') },
    { name: 'a tls entry without secretName uses the controller\'s default certificate on purpose', code: ingress().replace('    secretName: shop-tls\n', '') },
    {
      name: 'an Ingress naming no namespace may land where the Secret is',
      code: ingress().replace('  namespace: shop\n', ''),
      files: { 'secret.yaml': secret('shop-tls', 'prod') },
    },
  ],
  invalid: [
    { name: 'no such Secret in the workspace', code: ingress(), errors: [noSecret('shop-tls', 9, 17)] },
    { name: 'the Secret is in another namespace', code: ingress(), files: { 'secret.yaml': secret('shop-tls', 'prod') }, errors: [noSecret('shop-tls', 9, 17)] },
    {
      name: 'of two tls entries, only the one without its Secret',
      code: ingress('\n    - hosts: [api.example.com]\n      secretName: api-tls'),
      files: { 'secret.yaml': secret('shop-tls', 'shop') },
      errors: [noSecret('api-tls', 11, 17)],
    },
  ],
});
