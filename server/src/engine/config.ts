// Configuration as the engine sees it: plain data, validated here once, so the LSP settings,
// the CLI flags and (later) a repository file all end up in the same shape.
import { Level, LATEST_POLICY_MINOR, parsePolicyVersion } from './policy';
import { Severity } from './rule';

export type RuleSetting = Severity | 'off';

export interface LintConfig {
  level: Level;
  /** `latest`, or a policy version such as `v1.30`. */
  podSecurityVersion: string;
  /** Every rule on, opt-in rules included. */
  enableAll: boolean;
  /** Per-rule severity, or `off`. */
  rules: Record<string, RuleSetting>;
  /**
   * Registries (or repository prefixes) images may come from: `ghcr.io`, `*.azurecr.io`,
   * `docker.io/library`, `registry.local:5000`. Absent or empty: require-trusted-registry is off.
   */
  trustedRegistries?: string[];
  /** Registries (or repository prefixes) images must not come from; same forms. Absent or empty: off. */
  deniedRegistries?: string[];
}

export const DEFAULT_CONFIG: Readonly<LintConfig> = Object.freeze({
  level: 'restricted',
  podSecurityVersion: 'latest',
  enableAll: false,
  rules: {},
});

export interface ConfigProblem { setting: string; message: string }

/** Fills defaults and drops invalid values, saying what was dropped. */
export function normalizeConfig(input: Partial<LintConfig> | undefined): { config: LintConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const c: LintConfig = { ...DEFAULT_CONFIG, rules: {} };
  if (!input || typeof input !== 'object') return { config: c, problems };
  if (input.level !== undefined) {
    if (input.level === 'baseline' || input.level === 'restricted') c.level = input.level;
    else problems.push({ setting: 'level', message: `Unknown level "${String(input.level)}": use "baseline" or "restricted".` });
  }
  if (input.podSecurityVersion !== undefined) {
    if (parsePolicyVersion(String(input.podSecurityVersion)) !== undefined) c.podSecurityVersion = String(input.podSecurityVersion);
    else problems.push({ setting: 'podSecurityVersion', message: `Unknown policy version "${String(input.podSecurityVersion)}": use "latest" or v1.0 to v1.${LATEST_POLICY_MINOR}.` });
  }
  if (input.enableAll !== undefined) c.enableAll = input.enableAll === true;
  if (input.rules && typeof input.rules === 'object') {
    for (const [id, v] of Object.entries(input.rules)) {
      if (v === 'off' || v === 'error' || v === 'warning' || v === 'info') c.rules[id] = v;
      else problems.push({ setting: `rules.${id}`, message: `Unknown rule setting "${String(v)}": use error, warning, info or off.` });
    }
  }
  for (const setting of ['trustedRegistries', 'deniedRegistries'] as const) {
    const v = input[setting];
    if (v === undefined) continue;
    if (!Array.isArray(v)) {
      problems.push({ setting, message: `${setting} must be a list of registries, e.g. ["ghcr.io/acme", "*.azurecr.io"].` });
      continue;
    }
    const list: string[] = [];
    c[setting] = list;
    for (const entry of v) {
      const e = typeof entry === 'string' ? normalizeRegistryPattern(entry) : undefined;
      if (e) list.push(e);
      else problems.push({ setting, message: `Invalid registry "${String(entry)}": use a host with an optional path, e.g. "ghcr.io/acme", "*.azurecr.io" or "registry.local:5000".` });
    }
  }
  return { config: c, problems };
}

/**
 * `https://GHCR.io/acme/` -> `ghcr.io/acme`. A host, optionally `*.` for any subdomain, a port,
 * and repository path segments; undefined when it is not one.
 */
export function normalizeRegistryPattern(entry: string): string | undefined {
  const e = entry.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
  const m = /^(\*\.)?([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)(:\d{1,5})?((\/[a-z0-9._-]+)*)$/.exec(e);
  if (!m) return undefined;
  const host = (m[1] ?? '') + m[2].toLowerCase() + (m[4] ?? '');
  return (host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host) + m[5];
}
