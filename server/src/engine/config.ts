// Configuration as the engine sees it: plain data, validated here once, so the LSP settings,
// the CLI flags and (later) a repository file all end up in the same shape.
import { Level, LATEST_POLICY_MINOR, parsePolicyVersion } from './policy';
import { RULES } from './registry';
import { RuleMeta, Severity } from './rule';
import { ruleKeyProblem } from './rule-settings';
import { isNamespaceName, namespaceNameProblem } from './workspace/namespace-name';

export type RuleSetting = Severity | 'off';

export interface LintConfig {
  level: Level;
  /** `latest`, or a policy version such as `v1.30`. */
  podSecurityVersion: string;
  /** Every rule on, opt-in rules included: the `strict` preset (`enableAll` is its older name). */
  enableAll: boolean;
  /**
   * Severity, or `off`, per rule id, glob over rule ids (`disallow-host-*`) or category
   * (`category:rbac`); the most specific key wins (see rule-settings.ts).
   */
  rules: Record<string, RuleSetting>;
  /**
   * Rule settings of a lower layer (the editor's, under a repository file): they apply only to
   * the rules no key of `rules` names. Absent without layers.
   */
  baseRules?: Record<string, RuleSetting>;
  /**
   * Registries (or repository prefixes) images may come from: `ghcr.io`, `*.azurecr.io`,
   * `docker.io/library`, `registry.local:5000`. Absent or empty: require-trusted-registry is off.
   */
  trustedRegistries?: string[];
  /** Registries (or repository prefixes) images must not come from; same forms. Absent or empty: off. */
  deniedRegistries?: string[];
  /** Which workloads must run in a sandboxed runtime, and which RuntimeClasses are one (RT01). */
  sandbox?: SandboxConfig;
  /**
   * The namespace of objects that name none and that no kustomization places (absent:
   * `default`). The workspace model reads it, not the rules: one model has one default, so the
   * front ends pick one value for it (see WorkspaceIndex.setDefaultNamespace); a file linted
   * alone takes it from its own configuration.
   */
  defaultNamespace?: string;
}

export interface SandboxConfig {
  /**
   * Pod labels that mark a workload as untrusted, each pair on its own (any one marks it):
   * `{"trust": "untrusted"}`. `kube-harden.io/untrusted: "true"` always marks one.
   */
  untrustedLabels: Record<string, string>;
  /** Namespaces whose every workload is untrusted (multi-tenant or customer code). */
  untrustedNamespaces: string[];
  /** RuntimeClass names that are sandboxes, besides gVisor (`gvisor`, `runsc`) and Kata (`kata*`). */
  runtimeClasses: string[];
}

export const DEFAULT_CONFIG: Readonly<LintConfig> = Object.freeze({
  level: 'restricted',
  podSecurityVersion: 'latest',
  enableAll: false,
  rules: {},
});

export type Preset = 'default' | 'strict';
export const PRESETS: readonly Preset[] = ['default', 'strict'];

/**
 * What a user writes (settings, flags, the repository file): the configuration plus `preset`,
 * which is folded into `enableAll` (`strict` = every rule on, opt-in ones included; `default` =
 * the level's rules). `preset` wins over `enableAll` when both are given.
 */
export type ConfigInput = Partial<LintConfig> & { preset?: Preset };

export interface ConfigProblem {
  setting: string;
  message: string;
  /** For `rules.<key>` problems: the key names no rule (the setting is kept; it does nothing). */
  severity?: 'warning';
}

/**
 * Fills defaults and drops invalid values, saying what was dropped. `known`: the rules a `rules`
 * key is checked against (unknown ids and globs that match nothing are reported, and kept).
 */
export function normalizeConfig(input: ConfigInput | undefined, known: readonly Pick<RuleMeta, 'id' | 'category'>[] = RULES): { config: LintConfig; problems: ConfigProblem[] } {
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
  if (input.preset !== undefined) {
    // Editors send every setting's default, so `default` next to `enableAll: true` is read as
    // "nothing chosen" and enableAll stands (mergeConfigInputs drops it where a layer chose).
    if (input.preset === 'strict') c.enableAll = true;
    else if (input.preset !== 'default')
      problems.push({ setting: 'preset', message: `Unknown preset "${String(input.preset)}": use "default" or "strict".` });
  }
  for (const setting of ['rules', 'baseRules'] as const) {
    const rules = input[setting];
    if (!rules || typeof rules !== 'object') continue;
    const kept: Record<string, RuleSetting> = {};
    for (const [id, v] of Object.entries(rules)) {
      if (v === 'off' || v === 'error' || v === 'warning' || v === 'info') kept[id] = v;
      else problems.push({ setting: `${setting}.${id}`, message: `Unknown rule setting "${String(v)}": use error, warning, info or off.` });
      const unknown = ruleKeyProblem(id, known);
      if (unknown) problems.push({ setting: `${setting}.${id}`, message: unknown, severity: 'warning' });
    }
    if (setting === 'rules') c.rules = kept;
    else if (Object.keys(kept).length) c.baseRules = kept;
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
  if (input.sandbox !== undefined) c.sandbox = normalizeSandbox(input.sandbox, problems);
  if (input.defaultNamespace !== undefined) {
    if (isNamespaceName(input.defaultNamespace)) c.defaultNamespace = input.defaultNamespace;
    else problems.push({ setting: 'defaultNamespace', message: namespaceNameProblem(input.defaultNamespace) });
  }
  return { config: c, problems };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// A label key: an optional DNS-subdomain prefix and `/`, then a name of up to 63 characters.
const LABEL_KEY = /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

function normalizeSandbox(input: unknown, problems: ConfigProblem[]): SandboxConfig {
  const out: SandboxConfig = { untrustedLabels: {}, untrustedNamespaces: [], runtimeClasses: [] };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ setting: 'sandbox', message: 'sandbox must be an object: {"untrustedLabels": {...}, "untrustedNamespaces": [...], "runtimeClasses": [...]}.' });
    return out;
  }
  const raw = input as Record<string, unknown>;
  const labels = raw.untrustedLabels;
  if (labels !== undefined && labels !== null) {
    if (typeof labels !== 'object' || Array.isArray(labels)) {
      problems.push({ setting: 'sandbox.untrustedLabels', message: 'sandbox.untrustedLabels must be an object of label to value, e.g. {"trust": "untrusted"}.' });
    } else {
      for (const [k, v] of Object.entries(labels)) {
        if (LABEL_KEY.test(k) && typeof v === 'string' && LABEL_VALUE.test(v)) out.untrustedLabels[k] = v;
        else problems.push({ setting: 'sandbox.untrustedLabels', message: `Invalid label ${k}: ${JSON.stringify(v)}: use a Kubernetes label key and a string value, e.g. "trust": "untrusted".` });
      }
    }
  }
  for (const key of ['untrustedNamespaces', 'runtimeClasses'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) {
      problems.push({ setting: `sandbox.${key}`, message: `sandbox.${key} must be a list of names.` });
      continue;
    }
    for (const entry of v) {
      // Namespace names are DNS labels; RuntimeClass names are DNS subdomains (dots allowed).
      const ok = typeof entry === 'string' && (key === 'runtimeClasses' ? entry.split('.').every(p => DNS_LABEL.test(p)) && entry.length <= 253 : DNS_LABEL.test(entry));
      if (ok) out[key].push(entry);
      else problems.push({ setting: `sandbox.${key}`, message: `Invalid name "${String(entry)}": use a lower-case Kubernetes name.` });
    }
  }
  return out;
}

/**
 * `over` on top of `base`, setting by setting. `over` decides every rule its `rules` keys name
 * (by id, glob or category); `base`'s rule settings apply to the other rules only (`baseRules`),
 * so a base `disallow-privileged-containers: info` does not outrank an over `disallow-*: off`.
 * A layer that chooses `preset` or `enableAll` decides both.
 */
export function mergeConfigInputs(base: ConfigInput, over: ConfigInput): ConfigInput {
  const merged: ConfigInput = { ...base };
  for (const [k, v] of Object.entries(over) as Array<[keyof ConfigInput, unknown]>) {
    if (v === undefined || k === 'baseRules') continue;
    if (k === 'rules') {
      merged.rules = { ...(v as Record<string, RuleSetting>) };
      const lower = { ...(base.baseRules ?? {}), ...(base.rules ?? {}) };
      if (Object.keys(lower).length) merged.baseRules = lower;
      else delete merged.baseRules;
    } else (merged as Record<string, unknown>)[k] = v;
  }
  if (over.preset !== undefined && over.enableAll === undefined) delete merged.enableAll;
  if (over.enableAll !== undefined && over.preset === undefined) delete merged.preset;
  return merged;
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
