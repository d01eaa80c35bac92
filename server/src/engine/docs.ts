// Rule documentation generated from metadata: docs/rules/<id>.md and the index table. The
// pages ship with the extension (offline) and a test fails when they are stale.
import { Rule, ruleLevel, Tool } from './rule';

export const TOOL_NAMES: Record<Tool, string> = {
  pss: 'Pod Security Admission', kubeLinter: 'kube-linter', checkov: 'Checkov', trivy: 'Trivy',
  kubescape: 'Kubescape', polaris: 'Polaris', kubesec: 'kubesec',
};

function defaultState(rule: Rule): string {
  if (rule.optIn) return 'off by default (opt-in: enable it in settings or with `--enable-all`)';
  return ruleLevel(rule) === 'restricted' ? 'on at the `restricted` level (the default level)' : 'on at both levels (`baseline` and `restricted`)';
}

function fixText(rule: Rule): string {
  if (!rule.fix) return 'none: there is no single right edit; the finding explains what to change';
  return rule.fix.safety === 'safe'
    ? 'safe: cannot stop a working pod, so it is applied by "fix all", on save and by `kube-harden check --fix`'
    : `unsafe: ${rule.fix.risk ?? 'may stop an image that relies on the old behaviour'}, so it is never applied by "fix all" or on save; `
      + 'it is applied only when asked for: one at a time, "Fix all ' + rule.id + ' problems", "Harden this workload" or `--fix-unsafe`';
}

export function renderRulePage(rule: Rule): string {
  const lines: string[] = [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Category | ${rule.category} |`,
    `| Default severity | ${rule.severity} |`,
    `| When it runs | ${defaultState(rule)} |`,
  ];
  if (rule.pss) lines.push(`| Pod Security Standards | ${rule.pss.level} level, check \`${rule.pss.check}\`, policy v1.${rule.pss.since} and later |`);
  if (rule.overrides?.length) lines.push(`| Replaces at this level | ${rule.overrides.map(id => `[${id}](${id}.md)`).join(', ')} |`);
  lines.push(`| Quick fix | ${fixText(rule)} |`);
  lines.push(`| Catalogue rows | ${rule.covers.join(', ')} |`);
  lines.push('', '## Why it matters', '', rule.docs.summary, '', '## How to fix', '', rule.docs.remediation, '');
  const eq = (Object.keys(TOOL_NAMES) as Tool[]).filter(t => rule.equivalents[t]?.length);
  if (eq.length) {
    lines.push('## Also known as', '', '| Tool | Check |', '|---|---|');
    for (const t of eq) lines.push(`| ${TOOL_NAMES[t]} | ${rule.equivalents[t]!.map(id => `\`${id}\``).join(', ')} |`);
    lines.push('');
  }
  lines.push('## Messages', '');
  for (const m of Object.values<string>(rule.messages)) lines.push(`- ${m}`);
  lines.push('', '## References', '');
  for (const r of rule.docs.references) lines.push(`- <${r}>`);
  lines.push('', '<!-- Generated from the rule\'s metadata by `npm run docs`. Do not edit. -->', '');
  return lines.join('\n');
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const lines = [
    '# Kube Harden rules',
    '',
    `${rules.length} rules. Level: the Pod Security Standards level from which a rule runs. Fix: the safety of its quick fix.`,
    '',
    '| Rule | Title | Category | Severity | Level | Fix | Also known as |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rules) {
    const peers = (Object.keys(TOOL_NAMES) as Tool[]).flatMap(t => r.equivalents[t] ?? []).map(id => `\`${id}\``).join(' ');
    const level = r.optIn ? `${ruleLevel(r)} (opt-in)` : ruleLevel(r);
    lines.push(`| [${r.id}](${r.id}.md) | ${r.title} | ${r.category} | ${r.severity} | ${level} | ${r.fix?.safety ?? '—'} | ${peers} |`);
  }
  lines.push('', '<!-- Generated from rule metadata by `npm run docs`. Do not edit. -->', '');
  return lines.join('\n');
}
