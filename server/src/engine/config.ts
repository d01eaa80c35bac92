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
  return { config: c, problems };
}
