import { isScalar } from 'yaml';
import { entries, getMap } from '../../model/yaml-nav';
import { defineRule } from '../../rule';

// Personal data and password hashes as they appear in config files. Documentation domains and
// role mailboxes (example.com, noreply@, postmaster@) are not a person.
const PII: ReadonlyArray<{ what: string; re: RegExp; skip?: RegExp }> = [
  {
    what: 'an email address',
    re: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/,
    skip: /^(no-?reply|postmaster|admin|root|support|info|security|webmaster|abuse|hostmaster|alerts?)@|@(example\.(com|org|net)|localhost|[\w.-]+\.(local|internal|svc|cluster\.local|test|invalid))$/i,
  },
  { what: 'a phone number', re: /(?<![\w.:/-])\+\d{1,3}[ .-]?\(?\d{1,4}\)?([ .-]?\d{2,4}){2,4}(?![\w.:/-])/ },
  { what: 'an IBAN', re: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/ },
];

// A bare 32/40-digit hex string is as often a dashboard uid, a commit or a checksum: it counts
// as a password hash only next to a password-like name (the data key, or the key on its line).
const HASH = /(?<![A-Fa-f0-9])([a-f0-9]{32}|[a-f0-9]{40})(?![A-Fa-f0-9])/;
const HASH_CONTEXT = /pass|pwd|hash|credential/i;
const HASH_ON_LINE = /(pass|pwd|hash|credential)[\w.-]*["']?\s*[:=]\s*["']?([a-f0-9]{32}|[a-f0-9]{40})(?![A-Fa-f0-9])/i;

function findPii(key: string, text: string): string | undefined {
  for (const { what, re, skip } of PII) {
    const m = re.exec(text);
    if (m && !(skip && skip.test(m[0]))) return what;
  }
  if ((HASH_CONTEXT.test(key) && HASH.test(text)) || HASH_ON_LINE.test(text)) return 'an MD5 or SHA-1 hash';
  return undefined;
}

export default defineRule({
  id: 'disallow-pii-in-configmap',
  title: 'ConfigMaps do not hold personal data or password hashes',
  category: 'secrets',
  severity: 'info',
  pss: null,
  optIn: true,
  covers: ['SEC05'],
  equivalents: { trivy: ['KSV01010'] },
  kinds: ['ConfigMap'],
  messages: {
    pii: 'ConfigMap key "{{key}}" holds {{what}}: keep personal data and password hashes out of ConfigMaps '
      + '(use a Secret, or a data store with access control).',
  },
  defaultReason: 'Off by default: the patterns also match legitimate data (a maintainer\'s address, a git commit SHA, '
    + 'a checksum), so the rule suits audits more than everyday linting.',
  docs: {
    summary: 'Email addresses, phone numbers, IBANs and unsalted MD5/SHA-1 password hashes (a 32/40-digit hex '
      + 'value next to a password-like name) in a ConfigMap are readable by everyone with view access to the '
      + 'namespace and end up in the repository.',
    remediation: 'Move the data into a Secret or the application\'s data store, or replace it with a reference. '
      + 'Password hashes belong in a Secret, computed with a slow, salted algorithm (bcrypt, scrypt, Argon2).',
    references: ['https://kubernetes.io/docs/concepts/configuration/configmap/'],
  },
  examples: {
    incorrect: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  OWNER: jane.doe@acme.io
  ONCALL: "+44 20 7946 0958"
  payout.conf: |
    iban = DE89 3704 0044 0532 0130 00
  ADMIN_HASH: 5f4dcc3b5aa765d61d8327deb882cf99
`,
    correct: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  FROM: noreply@acme.io
  CONTACT: jane@example.com
  DB_HOST: postgres.db.svc.cluster.local
  COLOR: "#a1b2c3"
  URL: "https://acme.io:8443/api/v1"
  dashboard.json: '{"uid": "5f4dcc3b5aa765d61d8327deb882cf99"}'
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== '') return;
    for (const { name, ref } of entries(getMap(object.node, 'data', object.doc), object.doc)) {
      if (!isScalar(ref.value) || typeof ref.value.value !== 'string') continue;
      const what = findPii(name, ref.value.value);
      if (what) report({ messageId: 'pii', data: { key: name, what }, at: ref.site });
    }
  },
});
