import { isScalar } from 'yaml';
import { findCredential, isConfigText, isPlaceholder, isSecretName, secretSetting } from '../../model/secrets';
import { entries, getMap, keyOf, str, get } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

/** `data` values are base64: judge what they decode to. Undecodable text counts as a value. */
function decoded(v: string): string {
  try {
    return atob(v.replace(/\s+/g, ''));
  } catch {
    return v;
  }
}

/**
 * A Secret's value is presumed secret, unless it is a placeholder, or config text (a settings
 * file kept in a Secret out of habit, `default_timezone = UTC`) in which no setting is a secret,
 * under a key that does not name one, and no credential shows.
 */
function holdsSecret(key: string, value: string): boolean {
  if (findCredential(value)) return true;
  if (isConfigText(value)) return isSecretName(key) || secretSetting(value) !== undefined;
  return !isPlaceholder(value);
}

// Secrets Kubernetes itself fills in (token controller) or that only carry a name: no payload to leak.
const CONTROLLER_FILLED = new Set(['kubernetes.io/service-account-token']);

export default defineRule({
  id: 'disallow-committed-secret-data',
  title: 'Secret manifests do not carry their values',
  category: 'secrets',
  severity: 'warning',
  pss: null,
  covers: ['SEC09', 'SEC11'],
  equivalents: {},
  kinds: ['Secret'],
  messages: {
    payload: 'Secret "{{name}}" carries its values in {{field}}: whoever reads the repository reads them. Commit '
      + 'an ExternalSecret (External Secrets Operator), a VaultStaticSecret (Vault Secrets Operator) or a '
      + 'SealedSecret instead.',
  },
  defaultReason: 'On by default: a security reviewer blocks it.',
  docs: {
    summary: 'A `kind: Secret` with values in `data` or `stringData` puts the secret in the repository: base64 is '
      + 'an encoding, not encryption, and git history keeps it after it is deleted. The fix is to commit a '
      + 'reference to a secret manager — an External Secrets `ExternalSecret`, a Vault Secrets Operator '
      + '`VaultStaticSecret`, or a Sealed Secrets `SealedSecret` (encrypted for the cluster) — and let its '
      + 'controller create the Secret (SEC11 is folded into this rule\'s message rather than a second finding '
      + 'on the same object). Secrets whose every value is empty or a placeholder (`changeme`, `<password>`, '
      + '`${VAR}`, `INSERT_KEY_HERE`) are templates, and Secrets that hold only non-secret settings (a config '
      + 'file such as `default_timezone = UTC` in which no setting names a secret and no credential shows) '
      + 'carry nothing to leak: neither is reported; none of the other tools has this check.',
    remediation: 'Remove the Secret from the repository, rotate what it held, and commit an ExternalSecret / '
      + 'VaultStaticSecret / SealedSecret that produces it in the cluster. For local development, generate it '
      + '(`kubectl create secret ... --dry-run=client`) from an ignored file instead of committing it.',
    references: [
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://external-secrets.io/latest/api/externalsecret/',
      'https://developer.hashicorp.com/vault/docs/platform/k8s/vso',
      'https://github.com/bitnami-labs/sealed-secrets',
    ],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: aHVudGVyMg==
stringData:
  api-key: 9f8e7d6c5b4a
`,
    correct: `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== '') return;
    if (CONTROLLER_FILLED.has(str(get(object.node, 'type', object.doc)) ?? '')) return;
    for (const field of ['data', 'stringData'] as const) {
      const real = entries(getMap(object.node, field, object.doc), object.doc)
        .filter(e => isScalar(e.ref.value) && e.ref.value.value != null)
        .some(e => {
          const v = String((e.ref.value as { value: unknown }).value);
          return holdsSecret(e.name, field === 'data' ? decoded(v) : v);
        });
      const key = keyOf(object.node, field, object.doc);
      if (real && key) report({ messageId: 'payload', data: { name: object.name ?? '(unnamed)', field }, at: key });
    }
  },
});
