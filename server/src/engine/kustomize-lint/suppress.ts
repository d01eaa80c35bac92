// Comments are not part of what Kustomize renders: the `# kube-harden-ignore` comments of a source
// file apply to the findings brought back to it, as they do when the file is linted as written.
import type { Finding, ResolvedConfig } from '../lint';
import type { ParsedFile } from '../model/parse';
import { RULES } from '../registry';
import { SuppressedFinding, Suppressor } from '../suppress';

export function suppressInSource(file: ParsedFile, findings: readonly Finding[], resolved: ResolvedConfig, now = new Date()): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const suppressor = new Suppressor(file, RULES, activeRules(resolved), now);
  return suppressor.finish(findings);
}

/** The ids of the rules a configuration runs (asked at every keystroke in a file a root reaches). */
const active = new WeakMap<ResolvedConfig, Set<string>>();

function activeRules(resolved: ResolvedConfig): Set<string> {
  let ids = active.get(resolved);
  if (!ids) active.set(resolved, ids = new Set(resolved.active.map(a => a.rule.id)));
  return ids;
}
