import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

// Service web of namespace shop: port 80 named http, port 8443 unnamed.
const WEB_SVC = yaml`
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
`;

const ingress = (backend: string) => yaml`
  apiVersion: networking.k8s.io/v1
  kind: Ingress
  metadata:
    name: shop
    namespace: shop
  spec:
    rules:
    - host: shop.example.com
      http:
        paths:
        - path: /
          pathType: Prefix
          backend:
            service: ${backend}
`;

const route = (ref: string) => yaml`
  apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata:
    name: shop
    namespace: shop
  spec:
    parentRefs: [{name: gw}]
    rules:
    - backendRefs:
      - ${ref}
`;

ruleTester('disallow-dangling-ingress-backend', {
  valid: [
    { name: 'the Service and its port number exist', code: ingress('{name: web, port: {number: 80}}'), files: { 'svc.yaml': WEB_SVC } },
    { name: 'a port by name', code: ingress('{name: web, port: {name: http}}'), files: { 'svc.yaml': WEB_SVC } },
    { name: 'an unnamed port by number', code: ingress('{name: web, port: {number: 8443}}'), files: { 'svc.yaml': WEB_SVC } },
    { name: 'no Service of the namespace in the workspace: nothing can be said', code: ingress('{name: api, port: {number: 80}}'), files: { 'svc.yaml': WEB_SVC.replace('namespace: shop', 'namespace: prod') } },
    { name: 'an HTTPRoute to an existing Service and port', code: route('{name: web, port: 80}'), files: { 'svc.yaml': WEB_SVC } },
    { name: 'an HTTPRoute backendRef of another kind is not a Service', code: route('{group: multicluster.x-k8s.io, kind: ServiceImport, name: api, port: 80}'), files: { 'svc.yaml': WEB_SVC } },
    {
      name: 'a backendRef to another namespace finds the Service there',
      code: route('{name: web, namespace: shop, port: 80}').replace('namespace: shop\nspec', 'namespace: edge\nspec'),
      files: { 'svc.yaml': WEB_SVC },
    },
  ],
  invalid: [
    {
      name: 'a TCPRoute, a TLSRoute and an Istio VirtualService to missing Services or ports',
      code: [
        'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TCPRoute\nmetadata: {name: db, namespace: shop}\nspec:\n  rules:\n  - backendRefs: [{name: postgres, port: 5432}]\n',
        'apiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TLSRoute\nmetadata: {name: tls, namespace: shop}\nspec:\n  rules:\n  - backendRefs: [{name: web, port: 8443}]\n',
        'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs, namespace: shop}\nspec:\n  hosts: [shop.example.com]\n  http:\n  - route:\n    - destination: {host: web.shop.svc.cluster.local, port: {number: 9090}}\n    - destination: {host: cart, port: {number: 80}}\n    - destination: {host: api.example.com}\n',
      ].join('---\n'),
      files: { 'svc.yaml': WEB_SVC },
      errors: [
        { messageId: 'noService', line: 6, column: 26, endLine: 6, endColumn: 34, data: { kind: 'TCPRoute', name: 'db', service: 'postgres', namespace: 'shop' } },
        { messageId: 'noPort', line: 22, column: 70, endLine: 22, endColumn: 74, data: { kind: 'VirtualService', name: 'vs', service: 'web', namespace: 'shop', port: 9090, ports: '80 "http", 8443' } },
        { messageId: 'noService', line: 23, column: 27, endLine: 23, endColumn: 31, data: { kind: 'VirtualService', name: 'vs', service: 'cart', namespace: 'shop' } },
      ],
    },
    {
      name: 'a Service the namespace does not have',
      code: ingress('{name: wbe, port: {number: 80}}'),
      files: { 'svc.yaml': WEB_SVC },
      errors: [{ messageId: 'noService', line: 14, column: 27, endLine: 14, endColumn: 30, data: { kind: 'Ingress', name: 'shop', service: 'wbe', namespace: 'shop' } }],
    },
    {
      name: 'a port number the Service does not define',
      code: ingress('{name: web, port: {number: 8080}}'),
      files: { 'svc.yaml': WEB_SVC },
      errors: [{ messageId: 'noPort', line: 14, column: 47, endLine: 14, endColumn: 51, data: { kind: 'Ingress', name: 'shop', service: 'web', namespace: 'shop', port: 8080, ports: '80 "http", 8443' } }],
    },
    {
      name: 'a port name the Service does not define',
      code: ingress('{name: web, port: {name: https}}'),
      files: { 'svc.yaml': WEB_SVC },
      errors: [{ messageId: 'noPort', line: 14, column: 45, endLine: 14, endColumn: 50, data: { kind: 'Ingress', name: 'shop', service: 'web', namespace: 'shop', port: '"https"', ports: '80 "http", 8443' } }],
    },
    {
      name: 'the default backend and the older serviceName / servicePort form',
      code: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: old\n  namespace: shop\nspec:\n  backend:\n    serviceName: gone\n    servicePort: 80\n  rules:\n  - http:\n      paths:\n      - backend:\n          serviceName: web\n          servicePort: 81\n',
      files: { 'svc.yaml': WEB_SVC },
      errors: [
        { messageId: 'noService', line: 8, column: 18, endLine: 8, endColumn: 22, data: { kind: 'Ingress', name: 'old', service: 'gone', namespace: 'shop' } },
        { messageId: 'noPort', line: 15, column: 24, endLine: 15, endColumn: 26 },
      ],
    },
    {
      name: 'an HTTPRoute to a missing Service and to a missing port',
      code: route('{name: api, port: 80}\n      - {name: web, port: 9090}'),
      files: { 'svc.yaml': WEB_SVC },
      errors: [
        { messageId: 'noService', line: 10, column: 14, endLine: 10, endColumn: 17, data: { kind: 'HTTPRoute', name: 'shop', service: 'api', namespace: 'shop' } },
        { messageId: 'noPort', line: 11, column: 25, endLine: 11, endColumn: 29, data: { kind: 'HTTPRoute', name: 'shop', service: 'web', namespace: 'shop', port: 9090, ports: '80 "http", 8443' } },
      ],
    },
  ],
});
