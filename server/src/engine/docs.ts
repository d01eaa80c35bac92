// Rule documentation generated from metadata: docs/rules/<id>.md and the index table. The
// pages ship with the extension (offline) and a test fails when they are stale.
import { CATALOGUE_ROWS, catalogueRow } from './catalogue-rows';
import { OWASP_URL, owaspLabel, owaspOf } from './owasp';
import { Rule, RuleMeta, ruleLevel, Tool } from './rule';

export const TOOL_NAMES: Record<Tool, string> = {
  pss: 'Pod Security Admission', kubeLinter: 'kube-linter', checkov: 'Checkov', trivy: 'Trivy',
  kubescape: 'Kubescape', polaris: 'Polaris', kubesec: 'kubesec',
};

function defaultState(rule: Rule): string {
  if (rule.retired) return `retired: reports nothing (${rule.retired}); the id stays valid in settings and suppressions`;
  if (rule.optIn) return 'off by default (opt-in: enable it in settings or with `--enable-all`)';
  return ruleLevel(rule) === 'restricted' ? 'on at the `restricted` level (the default level)' : 'on at both levels (`baseline` and `restricted`)';
}

/**
 * Why the rule is on or off by default: its own `defaultReason` (every opt-in rule has one; a
 * test checks), else what puts the rule in its preset.
 */
export function defaultStateReason(rule: RuleMeta): string {
  if (rule.defaultReason) return rule.defaultReason;
  if (rule.optIn) return '';
  if (rule.pss) return `A Pod Security Standards ${rule.pss.level} check: a namespace that enforces that level rejects the pod.`;
  return `Part of the \`${ruleLevel(rule)}\` preset.`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const SAFE_MEANS = 'applied by "fix all", on save and by `kube-harden check --fix`';

function unsafeText(rule: Rule): string {
  return `unsafe: ${rule.fix?.risk ?? 'may stop an image that relies on the old behaviour'}, so it is never applied by "fix all" or on save; `
    + 'it is applied only when asked for: one at a time, "Fix all ' + rule.id + ' problems", "Harden this workload" or `--fix-unsafe`';
}

/** The index's Fix column: a rule whose fix is safe in one situation and unsafe in another says both. */
function fixColumn(rule: Rule): string {
  if (!rule.fix) return '—';
  return rule.fix.safeBecause && rule.fix.risk ? 'safe or unsafe' : rule.fix.safeBecause ? 'safe' : 'unsafe';
}

function fixText(rule: Rule): string {
  if (!rule.fix) return 'none: there is no single right edit. Where several are valid, the editor offers them as suggestions to choose from (never applied by "fix all" or `--fix`); the finding explains what to change';
  if (!rule.fix.safeBecause) return unsafeText(rule);
  // A rule whose fixes are safe in one situation and unsafe in another says both.
  const safe = `safe where it only adds what the manifest does not state (see "Fix safety"), so ${SAFE_MEANS}`;
  return rule.fix.risk ? `${safe}; otherwise ${unsafeText(rule)}` : `safe (see "Fix safety"), so ${SAFE_MEANS}`;
}

/**
 * What "safe" means on every page with a safe fix: the rule's own reasoning, after the policy
 * that decides it (a safe fix adds; taking away what the author wrote never is).
 */
function fixSafetySection(rule: Rule): string[] {
  if (!rule.fix?.safeBecause) return [];
  return [
    '## Fix safety', '',
    'A *safe* fix cannot stop a working pod: it adds a setting the manifest does not state, with a value nearly every image '
      + 'tolerates, or rewrites the object into one the API server treats the same. Taking away or flipping what the author '
      + 'wrote (`privileged: true`, host namespaces, `hostPort`, added capabilities, `hostPath`, `procMount: Unmasked`, '
      + '`Unconfined` profiles) is never safe. Every fix is parsed before it is offered or written, and none produces an object '
      + 'the API server rejects.', '',
    rule.fix.safeBecause, '',
  ];
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
    `| Why | ${cell(defaultStateReason(rule))} |`,
    `| OWASP Kubernetes Top 10 | [${owaspLabel(owaspOf(rule))}](${OWASP_URL}) |`,
  ];
  if (rule.pss) lines.push(`| Pod Security Standards | ${rule.pss.level} level, check \`${rule.pss.check}\`, policy v1.${rule.pss.since} and later |`);
  if (rule.overrides?.length) lines.push(`| Replaces at this level | ${rule.overrides.map(id => `[${id}](${id}.md)`).join(', ')} |`);
  lines.push(`| Quick fix | ${fixText(rule)} |`);
  lines.push(`| Catalogue rows | ${rule.covers.map(id => `[${id}](../catalogue.md#${id.toLowerCase()})`).join(', ')} |`);
  lines.push('', '## Why it matters', '', rule.docs.summary, '', '## How to fix', '', rule.docs.remediation, '');
  lines.push(...fixSafetySection(rule));
  lines.push('## What it checks', '', 'The rows of the [catalogue](../catalogue.md) this rule answers for:', '');
  for (const id of rule.covers) {
    const row = catalogueRow(id);
    lines.push(row ? `- **${id}** ${row.check}: ${row.condition.replace(/\n/g, ' ')}` : `- **${id}**`);
  }
  lines.push('');
  const eq = (Object.keys(TOOL_NAMES) as Tool[]).filter(t => rule.equivalents[t]?.length);
  if (eq.length) {
    lines.push('## Also known as', '', '| Tool | Check |', '|---|---|');
    for (const t of eq) lines.push(`| ${TOOL_NAMES[t]} | ${rule.equivalents[t]!.map(id => `\`${id}\``).join(', ')} |`);
    lines.push('');
  }
  if (rule.examples) {
    const settings = rule.examples.settings ? ` (with the settings \`${JSON.stringify(rule.examples.settings)}\`)` : '';
    lines.push('## Examples', '');
    if (rule.examples.incorrect !== undefined) lines.push(`Incorrect${settings}:`, '', '```yaml', rule.examples.incorrect.trimEnd(), '```', '');
    lines.push('Correct:', '', '```yaml', rule.examples.correct.trimEnd(), '```', '');
  }
  lines.push('## Messages', '');
  for (const m of Object.values<string>(rule.messages)) lines.push(`- ${m}`);
  if (rule.fixMessages) {
    lines.push('', '## Fix and suggestion titles', '');
    for (const m of Object.values(rule.fixMessages)) lines.push(`- ${m}`);
  }
  lines.push('', '## References', '');
  for (const r of rule.docs.references) lines.push(`- <${r}>`);
  lines.push('', '<!-- Generated from the rule\'s metadata by `npm run docs`. Do not edit. -->', '');
  return lines.join('\n');
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const lines = [
    '# Kube Harden rules',
    '',
    `${rules.length} rules. Level: the Pod Security Standards level from which a rule runs (opt-in: off unless enabled). `
      + `Fix: the safety of its quick fix. OWASP: the [OWASP Kubernetes Top 10 (2022)](${OWASP_URL}) category.`,
    '',
    '| Rule | Title | Category | Severity | Level | Fix | Also known as | OWASP |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rules) {
    const peers = (Object.keys(TOOL_NAMES) as Tool[]).flatMap(t => r.equivalents[t] ?? []).map(id => `\`${id}\``).join(' ');
    const level = r.optIn ? `${ruleLevel(r)} (opt-in)` : ruleLevel(r);
    lines.push(`| [${r.id}](${r.id}.md) | ${r.title} | ${r.category} | ${r.severity} | ${level} | ${fixColumn(r)} | ${peers} | ${owaspOf(r)} |`);
  }
  lines.push('', '<!-- Generated from rule metadata by `npm run docs`. Do not edit. -->', '');
  return lines.join('\n');
}

/**
 * docs/catalogue.md: every row of the catalogue with its condition, its peers' ids and the rules
 * that answer for it, so a row id in a finding's `covers` can be looked up.
 */
export function renderCatalogue(rules: readonly Rule[]): string {
  const lines = [
    '# The check catalogue',
    '',
    `${CATALOGUE_ROWS.length} rows: every distinct check of the union of what Pod Security Admission, kube-linter, Checkov, `
      + 'Trivy, Kubescape, Polaris and kubesec check. A finding\'s `covers` names the rows it answers for. Sources: the '
      + 'PSA check id; KL kube-linter; CKV Checkov; KSV/KCV Trivy; C-xxxx Kubescape; POL Polaris; KS kubesec; "(ours)" none of them.',
    '',
  ];
  let section = '';
  for (const row of CATALOGUE_ROWS) {
    if (row.section !== section) {
      section = row.section;
      lines.push(`## ${section}`, '', '| Row | Check | Violation | Severity | Sources | Rules |', '|---|---|---|---|---|---|');
    }
    const by = rules.filter(r => r.covers.includes(row.id)).map(r => `[${r.id}](rules/${r.id}.md)`).join(', ') || '—';
    lines.push(`| <a id="${row.id.toLowerCase()}"></a>${row.id} | ${cell(row.check)} | ${cell(row.condition)} | ${row.severity} | ${cell(row.sources)} | ${by} |`);
  }
  lines.push('', '<!-- Generated from server/src/engine/catalogue-rows.ts and rule metadata by `npm run docs`. Do not edit. -->', '');
  return lines.join('\n');
}
