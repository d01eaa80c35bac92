import { annotationsOf, specOf } from '../../model/object';
import { get, getMap, str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

const NGINX = 'nginx.ingress.kubernetes.io/';
// Characters that end an nginx directive or string, start a comment or a block, or break the
// line: what CVE-2025-24514 (auth-url), CVE-2025-1097 (auth-tls-match-cn) and CVE-2025-1098
// (mirror-target, mirror-host) inject with. `$` stays allowed: nginx variables in auth-url are
// documented (`https://$host/oauth2/auth`).
const URL_INJECTION = /[\u0000-\u0020"'`<>{}|\\^;#]/;
// auth-tls-match-cn is a regular expression (`CN=(a|b)`), so `|` and `\` are legitimate there.
const CN_INJECTION = /[\u0000-\u001f"'`#;{}]/;
const CHECKED: Readonly<Record<string, RegExp>> = {
  [`${NGINX}auth-url`]: URL_INJECTION,
  [`${NGINX}mirror-target`]: URL_INJECTION,
  [`${NGINX}mirror-host`]: URL_INJECTION,
  [`${NGINX}auth-tls-match-cn`]: CN_INJECTION,
};

export default defineRule({
  id: 'disallow-ingress-nginx-snippets',
  title: 'Ingresses do not inject nginx configuration',
  category: 'network',
  severity: 'error',
  pss: null,
  level: 'baseline',
  covers: ['NET12'],
  equivalents: { checkov: ['CKV_K8S_152', 'CKV_K8S_153', 'CKV_K8S_154'], trivy: ['KCV0093'] },
  kinds: ['Ingress', 'ConfigMap'],
  messages: {
    snippet: 'Ingress "{{name}}" sets the snippet annotation {{key}}: raw configuration copied into the '
      + 'controller, which runs with access to every Secret its service account can read (CVE-2021-25742). '
      + 'Use the controller\'s dedicated annotations instead, and keep allow-snippet-annotations off.',
    snippetCode: 'Ingress "{{name}}" sets the snippet annotation {{key}} with {{what}}: {{risk}} Remove the snippet '
      + 'and use the controller\'s dedicated annotations.',
    injection: 'The value of {{key}} on Ingress "{{name}}" contains the character {{char}}, which can end an nginx '
      + 'directive or string and inject configuration into the controller (IngressNightmare, CVE-2025-1974). '
      + 'Write a plain {{what}}.',
    allowSnippets: 'ConfigMap "{{name}}" sets allow-snippet-annotations: "true": anyone who can create an Ingress can '
      + 'then inject nginx configuration into the controller and read its Secrets (CVE-2021-25742). Set it to '
      + '"false".',
  },
  docs: {
    summary: 'ingress-nginx copies snippet annotations (`configuration-snippet`, `server-snippet`, `auth-snippet`, '
      + '...) verbatim into the configuration of a controller that can read Secrets in every namespace: '
      + 'anyone allowed to create an Ingress can make it serve the controller\'s service account token or '
      + 'other tenants\' certificates (CVE-2021-25742), or run Lua code. Values of `auth-url`, '
      + '`mirror-target`, `mirror-host` and `auth-tls-match-cn` have been used the same way '
      + '(IngressNightmare, CVE-2025-1097/1098/24514/1974) when they contain quotes, semicolons, braces, `#` '
      + 'or line breaks; these are checked on Ingresses of an nginx class (or of no class). A snippet '
      + 'annotation of any controller is reported, as is a controller ConfigMap that sets '
      + '`allow-snippet-annotations: "true"`.',
    remediation: 'Remove snippet annotations and use the dedicated annotations (rewrite, headers, CORS, auth); keep '
      + '`allow-snippet-annotations: "false"` (the default since ingress-nginx 1.9) and keep '
      + '`annotations-risk-level` below Critical (the default since 1.12). Write auth and mirror URLs and CNs '
      + 'as plain values; upgrade ingress-nginx to 1.11.5 / 1.12.1 or later.',
    references: [
      'https://github.com/kubernetes/ingress-nginx/issues/7837',
      'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations-risk/',
      'https://github.com/kubernetes/kubernetes/issues/131009',
    ],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: ConfigMap
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
data:
  allow-snippet-annotations: "true"
`,
    correct: `apiVersion: v1
kind: ConfigMap
metadata:
  name: ingress-nginx-controller
data:
  allow-snippet-annotations: "false"
`,
  },
  fix: null,
  checkObject({ object, report }) {
    const name = object.name ?? '(unnamed)';
    if (object.kind === 'ConfigMap') {
      if (object.group !== '') return;
      const v = get(getMap(object.node, 'data', object.doc), 'allow-snippet-annotations', object.doc);
      if (str(v)?.toLowerCase() === 'true') report({ messageId: 'allowSnippets', data: { name }, at: v!.value });
      return;
    }
    if (object.group !== 'networking.k8s.io' && object.group !== 'extensions') return;
    const annotations = annotationsOf(object);
    const cls = str(get(specOf(object), 'ingressClassName', object.doc)) ?? str(annotations.find(a => a.name === 'kubernetes.io/ingress.class')?.ref);
    const nginx = cls === undefined || /nginx/i.test(cls);
    for (const a of annotations) {
      const value = str(a.ref) ?? '';
      if (/snippet/i.test(a.name)) {
        const code = snippetCode(value);
        report(code
          ? { messageId: 'snippetCode', data: { name, key: a.name, ...code }, at: a.key ?? a.ref.value }
          : { messageId: 'snippet', data: { name, key: a.name }, at: a.key ?? a.ref.value });
        continue;
      }
      const pattern = CHECKED[a.name];
      const bad = nginx && pattern ? pattern.exec(value) : null;
      if (bad) {
        const what = a.name.endsWith('match-cn') ? 'CN=... pattern' : a.name.endsWith('mirror-host') ? 'host name' : 'URL';
        report({ messageId: 'injection', data: { name, key: a.name, char: bad[0] > ' ' ? bad[0] : JSON.stringify(bad[0]).slice(1, -1).replace(/^ $/, 'space'), what }, at: a.ref.value });
      }
    }
  },
});

function snippetCode(value: string): { what: string; risk: string } | undefined {
  if (/_by_lua|\blua_/i.test(value)) return { what: 'Lua code', risk: 'the controller runs it, with access to its service account token and every Secret it can read (CKV_K8S_152).' };
  if (/(^|[\s;{])alias\s/.test(value)) return { what: 'an alias directive', risk: 'it can serve any file of the controller\'s filesystem, its service account token included (CKV_K8S_154).' };
  return undefined;
}

