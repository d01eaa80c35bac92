// `kube-harden rules`: the rule catalogue from the engine's metadata.
import { catalogueRow, Rule, RULES, ruleLevel, rowSeverities } from '../engine/checking';
import { RulesArgs } from './args';
import { Io } from './io';

export function rulesJson(rules: readonly Rule[]): object {
  return {
    rules: rules.map(r => ({ severities: rowSeverities(r, rules), r })).map(({ severities, r }) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      severity: r.severity,
      pss: r.pss ? { level: r.pss.level, check: r.pss.check } : null,
      covers: [...r.covers],
      // A finding takes the highest severity of the rows it covers: a replacing rule's rows that
      // the replaced rule also covers keep that rule's severity (README, Configuration).
      rows: r.covers.map(id => ({ id, check: catalogueRow(id)?.check ?? null, severity: severities[id] })),
      ...(r.overrides ? { overrides: [...r.overrides] } : {}),
      equivalents: r.equivalents,
      fix: r.fix ? r.fix.safety : null,
    })),
  };
}

export function rulesTable(rules: readonly Rule[]): string {
  const header = ['ID', 'CATEGORY', 'LEVEL', 'SEVERITY', 'FIX', 'TITLE'];
  const rows = rules.map(r => [
    r.id,
    r.category,
    ruleLevel(r) + (r.optIn ? ' (opt-in)' : ''),
    r.severity,
    r.fix ? r.fix.safety : '-',
    r.title,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(row => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export function runRules(args: RulesArgs, io: Io): number {
  io.out(args.format === 'json' ? JSON.stringify(rulesJson(RULES), null, 2) + '\n' : rulesTable(RULES));
  return 0;
}
