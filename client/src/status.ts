// What the status bar item says: counts of the active file's kube-harden diagnostics. No
// vscode import, so it is unit-tested in plain Node.

export interface SeverityCounts { errors: number; warnings: number; infos: number }

/** vscode.DiagnosticSeverity: Error 0, Warning 1, Information 2, Hint 3 (hints count as info). */
export function countSeverities(diagnostics: Iterable<{ severity: number; source?: string }>, source: string): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.source !== source) continue;
    if (d.severity === 0) counts.errors++;
    else if (d.severity === 1) counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function statusText(c: SeverityCounts): { text: string; tooltip: string } {
  return {
    text: `$(shield) $(error) ${c.errors} $(warning) ${c.warnings} $(info) ${c.infos}`,
    tooltip: `Kube Harden: ${plural(c.errors, 'error', 'errors')}, ${plural(c.warnings, 'warning', 'warnings')}, `
      + `${c.infos} info in this file. Click to open the Problems panel.`,
  };
}

/** The rules listed in docs/rules/README.md (the generated index): `| [id](id.md) | Title | ...`. */
export function rulesOfIndex(markdown: string): Array<{ id: string; title: string }> {
  const rules: Array<{ id: string; title: string }> = [];
  for (const line of markdown.split('\n')) {
    const m = /^\| \[([a-z0-9-]+)\]\(\1\.md\) \| ([^|]+) \|/.exec(line);
    if (m) rules.push({ id: m[1], title: m[2].trim() });
  }
  return rules;
}
