import { isScalar } from 'yaml';
import { findCredential, isPlaceholder, isSecretName, secretSetting } from '../../model/secrets';
import { entries, getMap } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

export default defineRule({
  id: 'disallow-secrets-in-configmap',
  title: 'ConfigMaps do not hold secrets',
  category: 'secrets',
  severity: 'warning',
  pss: null,
  covers: ['SEC04'],
  equivalents: { trivy: ['KSV109'], kubescape: ['C-0012'], polaris: ['sensitiveConfigmapContent'] },
  kinds: ['ConfigMap'],
  messages: {
    secretKey: 'ConfigMap key "{{key}}" looks like a secret: move it into a Secret (or a secret manager) and mount or reference that instead.',
    secretLine: 'ConfigMap key "{{key}}" sets "{{setting}}" in plain text: move the value into a Secret (or a secret manager).',
    credential: 'ConfigMap key "{{key}}" holds {{what}} in plain text: move it into a Secret (or a secret manager).',
  },
  defaultReason: 'On by default: a security reviewer blocks a password in a ConfigMap.',
  docs: {
    summary: 'ConfigMaps are not meant for confidential data: they are not encrypted at rest by the Secret '
      + 'encryption configuration, RBAC grants reading them widely (view roles include them), and they show '
      + 'up in logs and dashboards. Reported when a `data` key names a secret (password, token, api_key, '
      + 'client_secret, ...) and holds a real value, when a config file in a value sets such a key '
      + '(`password=...`, `password: ...`), and when any value holds credential material (private key, cloud '
      + 'tokens, JWT, URL with a password; severity error). References and placeholders (`${DB_PASSWORD}`, '
      + '`changeme`, `<password>`) are not reported.',
    remediation: 'Move the secret into a Secret (created by External Secrets, Vault Secrets Operator or Sealed Secrets '
      + 'rather than committed) and read it with `secretKeyRef` or a `secret` volume; keep only '
      + 'non-confidential settings in the ConfigMap. Rotate any credential that was committed.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/configmap/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  DB_PASSWORD: "p4ss-w0rd"
  config.yaml: |
    database:
      host: db
      password: s3cret
  deploy.sh: "aws configure set key AKIAZ7EXAMPLQ3KQWXYZ"
`,
    correct: `apiVersion: example.com/v1
kind: ConfigMap
metadata:
  name: x
data:
  password: hunter2
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== '') return;
    for (const { name, ref } of entries(getMap(object.node, 'data', object.doc), object.doc)) {
      if (!isScalar(ref.value) || typeof ref.value.value !== 'string') continue;
      const text = ref.value.value;
      const cred = findCredential(text);
      if (cred) {
        report({ messageId: 'credential', data: { key: name, what: cred.what }, at: ref.site, severity: 'error' });
      } else if (!text.includes('\n') && isSecretName(name)) {
        if (!isPlaceholder(text)) report({ messageId: 'secretKey', data: { key: name }, at: ref.site });
      } else {
        const setting = secretSetting(text);
        if (setting) report({ messageId: 'secretLine', data: { key: name, setting }, at: ref.site });
      }
    }
  },
});
