// The rules a published diagnostic stands for. Findings of several rules on one range are one
// diagnostic (the language server lists them in `data.group`); tests that ask "which rules fired"
// count each of them.
interface DiagnosticLike { code?: string | number; data?: unknown }

export function rulesOf(d: DiagnosticLike): string[] {
  const group = (d.data as { group?: Array<{ ruleId: string }> } | undefined)?.group;
  return group ? group.map(g => g.ruleId) : [String(d.code)];
}

/** Every rule of every diagnostic, in publication order. */
export function rulesIn(diagnostics: readonly DiagnosticLike[]): string[] {
  return diagnostics.flatMap(rulesOf);
}
