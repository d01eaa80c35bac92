// What looks like a secret written in plain text: names that announce one (SEC02, SEC04) and
// values that are credential material whatever their name (SEC03). Tuned for quiet: a reference
// (`$(VAR)`, `${VAR}`, `{{ .x }}`), a template placeholder (`changeme`, `<password>`, `xxxx`,
// AWS's documented `...EXAMPLE` keys), a path or a boolean is never reported.

// Names that announce a secret, after Polaris', Kubescape's and Trivy's key lists. Bare `key`
// (Kubescape) is left out: it matches CACHE_KEY, SORT_KEY, KEY_PREFIX, and names a secret far
// less often than it misleads; the cloud account keys it is meant for (Kubescape's
// AZURE_BATCH_KEY, AZURE_STORAGE_KEY, ...) are named here instead. Short words only count
// standing alone (`GITHUB_TOKEN`, not `TOKENIZERS_PARALLELISM`).
const SECRET_NAME = /(secret|passw(or)?d|passphrase|pass_?word|credential|api_?key|apikey|private_?key|access_?key|client_?secret|auth_?key|signing_?key|encryption_?key|oci_cli_key_content)|(?<![a-z])(token|pwd|pword|jwt|bearer)(?![a-z])|(?<![a-z])(azure|storage|account|master|shared|sas|primary|secondary)(_[a-z0-9]+)*_key(?![a-z])/i;

// Names whose value is about a secret rather than the secret: a file or path holding it, the name
// of the Secret object or of the env var that holds it (`secretEnv`, `hashFromEnv`), a URL, a
// header name, a lifetime, period or length (`..._REFRESH_INTERVAL`, `TOKEN_REFRESH_SECONDS`),
// a switch, an ID, the component that stores it (`SECRET_STORE`, `SECRETS_BACKEND`).
const NOT_A_SECRET_NAME = /(_|-|\.|^)(file|path|dir|directory|mount|location|name|ref|url|uri|endpoint|host|header|type|mode|ttl|expiry|expiration|expires|lifetime|timeout|duration|interval|period|refresh|seconds|secs|minutes|mins|hours|ms|retries|count|length|len|size|min|max|enabled|enable|disabled|required|id|key_?id|user|username|issuer|audience|algorithm|alg|field|prefix|suffix|format|version|provider|kind|env|var|store|backend|manager|driver|namespace)$/i;

/** True when an env var / config key name announces a secret. */
export function isSecretName(name: string): boolean {
  const n = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  return SECRET_NAME.test(n) && !NOT_A_SECRET_NAME.test(n);
}

const REFERENCE = /\$\([A-Za-z_][\w.-]*\)|\$\{[^}]*\}|\{\{[^}]*\}\}|%\{[^}]*\}|#\{[^}]*\}/;
// A literal `password` or `secret` is not a placeholder: it is a (weak) credential that works.
const PLACEHOLDER_WORD = /^(change[-_ ]?(me|it)|replace[-_ ]?(me|it)|placeholder|dummy|redacted|todo|tbd|fixme|none|null|nil|undefined|empty|\*+|\.+|-+|_+|x+|your[-_ ].*|<.*>|\[.*\])$/i;
// Template markers: `INSERT_TOKEN_HERE`, `PASSWORD_VAL`, `<your key>`, `...EXAMPLE`.
const PLACEHOLDER_PART = /example|x{4,}|\*{3,}|changeme|replace_?me|<[^>]+>|^insert[-_ ]|[-_ ]here$|[-_]val(ue)?$/i;
// A duration (`1m`, `300s`, `1h30m`) or a small number is a setting about a secret (its refresh
// period, its length), not one: no credential is six digits or fewer with a time unit.
const DURATION_OR_NUMBER = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d|w))+$|^\d{1,6}$/i;
// An upper-case identifier (`CLIENT_SECRET`, `DB_PASSWORD`) as the value names the variable or
// key that holds the secret (`secretEnv: CLIENT_SECRET`); a real password is not shaped like one.
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/;

/**
 * True for values that are no secret: empty, references, template placeholders, paths, switches,
 * durations and small numbers, names of other variables.
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (REFERENCE.test(v) || PLACEHOLDER_WORD.test(v) || PLACEHOLDER_PART.test(v)) return true;
  if (/^(true|false|yes|no|on|off)$/i.test(v)) return true;
  if (DURATION_OR_NUMBER.test(v) || VARIABLE_NAME.test(v)) return true;
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
  // The auth scheme is case-insensitive (RFC 7235): `bearer` and `BEARER` are the same header.
  { what: 'a bearer token', re: /\bbearer\s+[A-Za-z0-9._~+/-]{16,}=*/i },
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

// `password=s3cret`, `password: s3cret`, `"password": "s3cret"`, `export PASSWORD='x'`: one
// setting of a config file held in a ConfigMap or Secret value.
const ASSIGNMENT = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*?)\s*,?\s*$/;
// A single line is read as a setting only with the spacing config files use (`tz = UTC`,
// `tz: UTC`): `admin:hunter2` is a credential pair, not a setting named admin.
const SPACED_ASSIGNMENT = /^\s*["']?[A-Za-z_][\w.-]*["']?\s*(=|:\s)/;

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? m[2] : v;
}

/** True when a value is the text of a config file (settings, one per line), not a bare value. */
export function isConfigText(text: string): boolean {
  return text.includes('\n') || SPACED_ASSIGNMENT.test(text);
}

/** The first `key=value` / `key: value` line of a config text that sets a secret, if any. */
export function secretSetting(text: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line)) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) continue;
    const value = unquote(m[2].replace(/\s+#.*$/, ''));
    // `password:` opening a nested block, or `{`/`[`, is structure, not a value.
    if (value === '' || /^[{[|>]/.test(value)) continue;
    if (isSecretName(m[1]) && !isPlaceholder(value)) return m[1];
  }
  return undefined;
}
