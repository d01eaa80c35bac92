// Comments are not part of what Kustomize renders: the `# kube-harden-ignore` comments of a source
// file apply to the findings brought back to it, as they do when the file is linted as written.
import type { Finding, ResolvedConfig } from '../lint';
import type { ParsedFile } from '../model/parse';
import { RULES } from '../registry';
import { SuppressedFinding, Suppressor } from '../suppress';

export function suppressInSource(file: ParsedFile, findings: readonly Finding[], resolved: ResolvedConfig, now = new Date()): { findings: Finding[]; suppressed: SuppressedFinding[] } {
  const suppressor = new Suppressor(file, RULES, new Set(resolved.active.map(a => a.rule.id)), now);
  return suppressor.finish(findings);
}
