import { isScalar } from 'yaml';
import { envValueToSecretRef } from '../../fix/env';
import { envOf } from '../../model/env';
import { findCredential, isPlaceholder, isSecretName } from '../../model/secrets';
import { str } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-secrets-in-env',
  title: 'Secrets are not written into container env values',
  category: 'secrets',
  severity: 'warning',
  pss: null,
  covers: ['SEC02', 'SEC03'],
  equivalents: {
    kubeLinter: ['env-var-secret'], kubescape: ['C-0012', 'C-0259'], polaris: ['sensitiveContainerEnvVar'],
  },
  messages: {
    secretName: '{{container}} sets env {{name}} to a literal value that looks like a secret: move it into a Secret and read it with valueFrom.secretKeyRef.',
    credential: '{{container}} env {{name}} holds {{what}} in plain text: move it into a Secret (or a secret manager) and read it with valueFrom.secretKeyRef.',
  },
  defaultReason: 'On by default: a security reviewer blocks it.',
  docs: {
    summary: 'A password, token or key written as a literal env `value` is stored in the repository, in the object '
      + 'in etcd and in every `kubectl get -o yaml`, readable by anyone who can read the workload. Reported '
      + 'when the variable\'s name announces a secret (PASSWORD, SECRET, TOKEN, API_KEY, ...) and the value '
      + 'is not a reference or placeholder, and, whatever the name, when the value is credential material '
      + '(private key, AWS access key ID, GitHub/Slack/Google tokens, JWT, bearer token, URL with a password; '
      + 'severity error). References (`$(VAR)`, `${VAR}`, `{{ }}`), placeholders (`changeme`, `<password>`, '
      + '`xxxx`, `...EXAMPLE`), empty values, paths and `valueFrom` are never reported.',
    remediation: 'Create a Secret (better: have a secret manager such as External Secrets, Vault Secrets Operator or '
      + 'Sealed Secrets create it) and replace `value:` with `valueFrom.secretKeyRef: {name: <secret>, key: '
      + '<key>}`. The suggestion writes that reference with a placeholder Secret name `<workload>-secrets` '
      + 'and the variable\'s name, lowercased, as key. Rotate any credential that was committed.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://owasp.org/www-project-kubernetes-top-ten/2022/en/src/K08-secrets-management',
    ],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - name: DB_PASSWORD
      value: hunter2 # TODO move out
    - name: LOG_LEVEL
      value: info
`,
    correct: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    env:
    - {name: DB_PASSWORD, value: "$(PASSWORD_FROM_FILE)"}
    - {name: API_TOKEN, value: "\${API_TOKEN}"}
    - {name: JWT_SECRET, value: "{{ .jwt }}"}
    - {name: ADMIN_PASSWORD, value: changeme}
    - {name: ROOT_PASSWORD, value: "<password>"}
    - {name: CLIENT_SECRET, value: xxxxxxxx}
    - {name: API_KEY, value: your-api-key}
    - {name: SECRET_KEY, value: ""}
    - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
    - {name: SECRET_NAME, value: web-credentials}
    - {name: TOKEN_TTL, value: "3600"}
    - {name: TOKENIZERS_PARALLELISM, value: "false"}
    - {name: AWS_ACCESS_KEY_ID, value: AKIAIOSFODNN7EXAMPLE}
    - {name: LOG_LEVEL, value: debug}
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef: {name: db, key: password}
`,
  },
  // Only a suggestion: the Secret it points at does not exist yet.
  fix: null,
  checkPod({ object, pod, report }) {
    const secret = `${(object.name ?? 'app').toLowerCase()}-secrets`;
    for (const c of pod.containers) {
      for (const e of envOf(c)) {
        if (!e.value || e.name === undefined || !isScalar(e.value.value)) continue;
        const text = str(e.value);
        if (text === undefined) continue;
        const suggestions = e.viaAlias || e.value.viaAlias ? [] : [envValueToSecretRef(e.item, e.name, secret, e.name.toLowerCase())];
        const cred = findCredential(text);
        if (cred) {
          report({ messageId: 'credential', data: { container: c.label, name: e.name, what: cred.what }, at: e.value.site, covers: ['SEC03'], severity: 'error', suggestions });
        } else if (isSecretName(e.name) && !isPlaceholder(text)) {
          report({ messageId: 'secretName', data: { container: c.label, name: e.name }, at: e.value.site, covers: ['SEC02'], suggestions });
        }
      }
    }
  },
});
