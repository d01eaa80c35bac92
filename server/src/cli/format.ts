// Output of `check`: a stable JSON object for scripts, or one line per finding for people.
import { Severity } from '../engine/checking';
import { describeGroup, groupBy } from '../engine/checking';
import { CheckSummary, CliFinding } from './findings';

export function formatJson(summary: CheckSummary): string {
  // `fixed` only when fixing was asked for, `suppressed` only when a suppression took something
  // out: the plain contract stays `{ findings }`.
  const out: Record<string, unknown> = { findings: summary.findings };
  if (summary.fixed) out.fixed = summary.fixed;
  if (summary.suppressed.length) out.suppressed = summary.suppressed;
  if (summary.skipped.length) out.skipped = summary.skipped;
  if (summary.baseline) out.baseline = summary.baseline;
  return JSON.stringify(out, null, 2) + '\n';
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function formatText(summary: CheckSummary, color: boolean): string {
  const paint = (code: string, s: string) => (color ? code + s + RESET : s);
  // What --fix did comes first, as its own block; then what remains, one block per file.
  const lines: string[] = (summary.fixed ?? []).map(({ file, count }) => `${file}: fixed ${plural(count, 'problem')}`);
  let previous: string | undefined = lines.length ? '' : undefined;
  // Findings of several rules on one node (a container missing several settings) are printed as
  // one entry listing them, as the editor shows them; JSON keeps one entry per rule finding.
  const at = (f: CliFinding) => `${f.file}\0${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column}`;
  for (const group of groupBy(summary.findings.map(f => ({ ...f, ruleId: f.rule })), at)) {
    const f = group[0];
    if (previous !== undefined && f.file !== previous) lines.push('');
    previous = f.file;
    const where = `${f.file}:${f.range.start.line}:${f.range.start.column}`;
    const severity = (s: Severity) => paint(COLOURS[s], s);
    if (group.length === 1) {
      lines.push(`${where}  ${severity(f.severity)}  ${paint(DIM, f.rule)}  ${f.message}`);
      continue;
    }
    const { head, members } = describeGroup(group);
    lines.push(`${where}  ${severity(f.severity)}  ${head}`);
    for (const m of members) lines.push(`    ${severity(m.item.severity)}  ${paint(DIM, m.item.rule)}  ${m.text}`);
  }
  if (summary.baseline?.gone.length) {
    if (lines.length) lines.push('');
    lines.push(`${plural(summary.baseline.gone.length, 'baseline entry', 'baseline entries')} no longer found (the baseline can shrink):`);
    for (const e of summary.baseline.gone) lines.push(`  ${e.file}  ${paint(DIM, e.rule)}  ${e.message}`);
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(summary));
  return lines.join('\n') + '\n';
}

function summaryLine(summary: CheckSummary): string {
  const { findings, scanned, skipped, fixed, suppressed } = summary;
  const count = (s: Severity) => findings.filter(f => f.severity === s).length;
  const errors = count('error'), warnings = count('warning'), infos = count('info');
  const files = `${scanned} ${scanned === 1 ? 'file' : 'files'} scanned` + (skipped.length ? `, ${skipped.length} skipped` : '')
    + (suppressed.length ? `, ${suppressed.length} suppressed` : '')
    + (summary.baseline ? `, ${summary.baseline.known} known to the baseline` : '');
  if (fixed) {
    const total = fixed.reduce((n, f) => n + f.count, 0);
    return `${plural(findings.length, 'finding')} left after fixing ${plural(total, 'problem')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info (${files})`;
  }
  return `${plural(findings.length, 'finding')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info (${files})`;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
