// What looks like a secret written in plain text: names that announce one (SEC02, SEC04) and
// values that are credential material whatever their name (SEC03). Tuned for quiet: a reference
// (`$(VAR)`, `${VAR}`, `{{ .x }}`), a template placeholder (`changeme`, `<password>`, `xxxx`,
// AWS's documented `...EXAMPLE` keys), a path or a boolean is never reported.

// Polaris', Kubescape's and Trivy's key lists, merged. Bare `key` (Kubescape) is left out: it
// matches CACHE_KEY, SORT_KEY, KEY_PREFIX, and names a secret far less often than it misleads.
// Short words only count standing alone (`GITHUB_TOKEN`, not `TOKENIZERS_PARALLELISM`).
const SECRET_NAME = /(secret|passw(or)?d|passphrase|pass_?word|credential|api_?key|apikey|private_?key|access_?key|client_?secret|auth_?key|signing_?key|encryption_?key|oci_cli_key_content)|(?<![a-z])(token|pwd|pword|jwt|bearer)(?![a-z])/i;

// Names whose value is about a secret rather than the secret: a file or path holding it, the name
// of the Secret object, a URL, a header name, a lifetime or length, a switch, an ID.
const NOT_A_SECRET_NAME = /(_|-|\.|^)(file|path|dir|directory|mount|location|name|ref|url|uri|endpoint|host|header|type|mode|ttl|expiry|expiration|expires|lifetime|timeout|duration|length|len|size|min|max|enabled|enable|disabled|required|id|key_?id|user|username|issuer|audience|algorithm|alg|field|prefix|suffix|format|version|provider|kind)$/i;

/** True when an env var / config key name announces a secret. */
export function isSecretName(name: string): boolean {
  const n = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  return SECRET_NAME.test(n) && !NOT_A_SECRET_NAME.test(n);
}

const REFERENCE = /\$\([A-Za-z_][\w.-]*\)|\$\{[^}]*\}|\{\{[^}]*\}\}|%\{[^}]*\}|#\{[^}]*\}/;
const PLACEHOLDER_WORD = /^(change[-_ ]?(me|it)|replace[-_ ]?(me|it)|placeholder|dummy|redacted|todo|tbd|fixme|none|null|nil|undefined|empty|secret|password|passwd|token|\*+|\.+|-+|_+|x+|your[-_ ].*|<.*>|\[.*\])$/i;
const PLACEHOLDER_PART = /example|x{4,}|\*{3,}|changeme|replace_?me|<[^>]+>/i;

/** True for values that are no secret: empty, references, template placeholders, paths, switches. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (REFERENCE.test(v) || PLACEHOLDER_WORD.test(v) || PLACEHOLDER_PART.test(v)) return true;
  if (/^(true|false|yes|no|on|off)$/i.test(v)) return true;
  // A path or file URL names where the secret lives (`/var/run/secrets/...`).
  if (/^(\/|\.\/|~\/|file:\/\/)/.test(v)) return true;
  return false;
}

export interface Credential {
  /** Words for the message: `a private key`, `an AWS access key ID`, ... */
  what: string;
}

const CREDENTIALS: ReadonlyArray<{ what: string; re: RegExp }> = [
  { what: 'a private key', re: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----/ },
  { what: 'an AWS access key ID', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token', re: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { what: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'a Slack token', re: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { what: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { what: 'a bearer token', re: /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/ },
  // `postgres://app:s3cret@db:5432/app`: the password is the part between `:` and `@`.
  { what: 'a URL with a password', re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/i },
];

/** The credential material `value` holds, if any (placeholders and references excluded). */
export function findCredential(value: string): Credential | undefined {
  for (const { what, re } of CREDENTIALS) {
    const m = re.exec(value);
    if (!m) continue;
    // Judge the matched token (or, for a URL, its password part), not the whole value.
    const token = what === 'a URL with a password' ? m[1] : m[0];
    if (isPlaceholder(token) || /EXAMPLE/i.test(token)) continue;
    return { what };
  }
  return undefined;
}
