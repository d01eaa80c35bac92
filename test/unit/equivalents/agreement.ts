// The pass/fail pairs of every tool, and how a rule is run on them: shared by the equivalents test
// and scripts/peer-agreement.mjs, which prints the agreement figure per tool.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, ruleById, ruleLevel } from '@kube-harden/server';
import type { ConfigInput, Tool } from '@kube-harden/server';
import { CHECKOV_PAIRS } from './checkov-pairs';
import { KUBE_LINTER_PAIRS } from './kube-linter-pairs';
import { KUBESCAPE_PAIRS } from './kubescape-pairs';
import { KUBESCAPE_WORKLOAD_PAIRS } from './kubescape-workload-pairs';
import { KUBESEC_PAIRS } from './kubesec-pairs';
import type { Pair } from './manifests';
import { POLARIS_PAIRS } from './polaris-pairs';
import { REMOVED_PAIRS } from './removed-pairs';
import { TRIVY_PAIRS } from './trivy-pairs';

export type Verdict = 'kept' | 'added' | 'moved' | 'removed' | 'not-mapped';
export interface PeerCheck { tool: Tool; id: string; checks: string; rule: string | null; verdict: Verdict; note?: string }

/** test/fixtures/peers/checks.json, read from the repository root. */
export function peerChecks(root: string): PeerCheck[] {
  return JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/peers/checks.json'), 'utf8')).checks;
}

export const keyOf = (c: Pick<PeerCheck, 'tool' | 'id' | 'rule'>) => `${c.tool}:${c.id}:${c.rule}`;

/** `tool:id:rule` -> a manifest the peer fails and one it passes, for every kept, added or moved mapping. */
export const PAIRS: Record<string, Pair> = {
  ...CHECKOV_PAIRS, ...KUBE_LINTER_PAIRS, ...KUBESCAPE_PAIRS, ...KUBESCAPE_WORKLOAD_PAIRS, ...KUBESEC_PAIRS, ...POLARIS_PAIRS, ...TRIVY_PAIRS,
};
export { REMOVED_PAIRS };

// At the rule's own level: a restricted rule may replace it above (default-deny replaces the namespace policy rule).
export const fires = (rule: string, text: string, config: ConfigInput = {}) =>
  lint(text, { level: ruleLevel(ruleById(rule)!), enableAll: true, ...config }).findings.some(f => f.ruleId === rule);

/** The rule agrees with the peer on the pair: it fires where the peer fails and is silent where it passes. */
export const agrees = (rule: string, pair: Pair) => fires(rule, pair.fail, pair.config) && !fires(rule, pair.pass, pair.config);
