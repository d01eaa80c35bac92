// The Pod Security Standards level and policy version a check runs under. Checks change with
// the version (new safe sysctls, Windows relaxations, user namespaces), exactly as the
// admission plugin's versioned checks do; `latest` is the newest version we know.

export type Level = 'baseline' | 'restricted';

export const LATEST_POLICY_MINOR = 37;

export interface Policy {
  level: Level;
  /** Minor version of the 1.x policy. */
  minor: number;
  /**
   * The object's Namespace enforces `privileged` (PSA01): no Pod Security rule runs for it, so a
   * rule that otherwise leaves a problem to them speaks for it.
   */
  privileged?: boolean;
}

/** Parses `latest`, `v1.30` or `1.30`; undefined when malformed. */
export function parsePolicyVersion(v: string | undefined): number | undefined {
  if (v === undefined || v === '' || v === 'latest') return LATEST_POLICY_MINOR;
  const m = /^v?1\.(\d{1,3})$/.exec(v.trim());
  if (!m) return undefined;
  // Versions newer than we know evaluate as the latest, as the admission plugin does.
  return Math.min(Number(m[1]), LATEST_POLICY_MINOR);
}

/** True when the policy version is at least 1.`minor`. */
export function atLeast(policy: Policy, minor: number): boolean {
  return policy.minor >= minor;
}

export function levelIncludes(active: Level, ruleLevel: Level): boolean {
  return active === 'restricted' || ruleLevel === 'baseline';
}
