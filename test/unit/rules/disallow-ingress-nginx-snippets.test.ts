import { yaml } from '../../helpers/manifest';
import { ruleTester } from '../../helpers/rule-tester';

const ingress = (annotations: string, cls = 'nginx') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n${annotations}spec:\n  ingressClassName: ${cls}\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`;

ruleTester('disallow-ingress-nginx-snippets', {
  valid: [
    ingress('    nginx.ingress.kubernetes.io/rewrite-target: /\n'),
    {
      name: 'auth and mirror URLs written plainly, nginx variables included',
      code: ingress('    nginx.ingress.kubernetes.io/auth-url: "https://$host/oauth2/auth"\n    nginx.ingress.kubernetes.io/mirror-target: https://mirror.example.com$request_uri\n    nginx.ingress.kubernetes.io/mirror-host: mirror.example.com\n'),
    },
    {
      name: 'a CN pattern is a regular expression: | and \\ belong to it',
      code: ingress('    nginx.ingress.kubernetes.io/auth-tls-match-cn: "CN=(web|api)\\\\.example\\\\.com"\n'),
    },
    {
      name: 'the injection characters are ingress-nginx\'s business only',
      code: ingress('    nginx.ingress.kubernetes.io/auth-url: "http://a;b"\n', 'traefik'),
    },
    {
      name: 'the controller ConfigMap keeps snippets off',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingress-nginx-controller\ndata:\n  allow-snippet-annotations: "false"\n',
    },
  ],
  invalid: [
    {
      name: 'a configuration snippet, whatever the controller',
      code: ingress('    nginx.ingress.kubernetes.io/configuration-snippet: |\n      more_set_headers "X-Frame-Options: DENY";\n', 'haproxy'),
      errors: [{ messageId: 'snippet', line: 6, column: 5, endLine: 6, endColumn: 54, severity: 'error', data: { name: 'shop', key: 'nginx.ingress.kubernetes.io/configuration-snippet' } }],
    },
    {
      name: 'snippets with Lua code and with an alias directive',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations:
            nginx.ingress.kubernetes.io/server-snippet: |
              location /x {
                content_by_lua_block { ngx.say(io.popen("id"):read("*a")) }
              }
            nginx.org/location-snippets: "alias /var/run/secrets/;"
        spec:
          rules:
          - host: shop.example.com
      `,
      errors: [
        { messageId: 'snippetCode', line: 6, column: 5, endLine: 6, endColumn: 47, data: { name: 'shop', key: 'nginx.ingress.kubernetes.io/server-snippet', what: 'Lua code', risk: 'the controller runs it, with access to its service account token and every Secret it can read (CKV_K8S_152).' } },
        { messageId: 'snippetCode', line: 10, column: 5, endLine: 10, endColumn: 32, data: { name: 'shop', key: 'nginx.org/location-snippets', what: 'an alias directive', risk: 'it can serve any file of the controller\'s filesystem, its service account token included (CKV_K8S_154).' } },
      ],
    },
    {
      name: 'IngressNightmare injection characters in auth-url, mirror-target, mirror-host and auth-tls-match-cn',
      code: ingress(yaml`
        nginx.ingress.kubernetes.io/auth-url: "http://auth.example.com/#;\\ninjection"
        nginx.ingress.kubernetes.io/mirror-target: "https://m.example.com/{x}"
        nginx.ingress.kubernetes.io/mirror-host: "m.example.com;"
        nginx.ingress.kubernetes.io/auth-tls-match-cn: "CN=web\\"; }"
      `.replace(/^/gm, '    '), ''),
      errors: [
        { messageId: 'injection', line: 6, column: 43, endLine: 6, endColumn: 82, data: { name: 'shop', key: 'nginx.ingress.kubernetes.io/auth-url', char: '#', what: 'URL' } },
        { messageId: 'injection', line: 7, column: 48, endLine: 7, endColumn: 75, data: { name: 'shop', key: 'nginx.ingress.kubernetes.io/mirror-target', char: '{', what: 'URL' } },
        { messageId: 'injection', line: 8, column: 46, endLine: 8, endColumn: 62, data: { name: 'shop', key: 'nginx.ingress.kubernetes.io/mirror-host', char: ';', what: 'host name' } },
        { messageId: 'injection', line: 9, column: 52, endLine: 9, endColumn: 65, data: { name: 'shop', key: 'nginx.ingress.kubernetes.io/auth-tls-match-cn', char: '"', what: 'CN=... pattern' } },
      ],
    },
    {
      name: 'a line break hidden in a block scalar, on an Ingress of the nginx class by annotation',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: shop\n  annotations:\n    kubernetes.io/ingress.class: nginx-internal\n    nginx.ingress.kubernetes.io/auth-url: |\n      http://auth.example.com/\n      }\nspec: {}\n',
      errors: [{ messageId: 'injection', line: 7, column: 43, endLine: 10, endColumn: 1, data: { name: 'shop', key: 'nginx.ingress.kubernetes.io/auth-url', char: '\\n', what: 'URL' } }],
    },
    {
      name: 'the controller ConfigMap allows snippet annotations',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ingress-nginx-controller\n  namespace: ingress-nginx\ndata:\n  allow-snippet-annotations: "true"\n',
      errors: [{ messageId: 'allowSnippets', line: 7, column: 30, endLine: 7, endColumn: 36 }],
    },
  ],
});
