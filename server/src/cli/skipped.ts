// What `check` could not judge, and the exit status that follows. Nothing unread may pass as
// clean: each skipped file or document is a line on stderr and an entry of `--format json`'s
// "skipped", and fails the run unless --allow-skipped says the user accepts it.
import { LintResult } from '../engine/checking';

export interface CliSkipped {
  file: string;
  /** 1-based line where the unread part starts; null for a whole file. */
  line: number | null;
  reason: string;
}

export function toCliSkipped(file: string, result: LintResult): CliSkipped[] {
  if (result.skipped && !result.notChecked?.length) return [{ file, line: null, reason: result.skipped }];
  return (result.notChecked ?? []).map(n => ({ file, line: result.skipped ? null : n.range.start.line + 1, reason: n.reason }));
}

export const EXIT = { clean: 0, findings: 1, error: 2, skipped: 3 } as const;

/**
 * 2 for usage and I/O errors, else 1 when there are findings, else 3 when something was
 * skipped (unless allowed), else 0. Findings win over skips: both fail a CI run, and 1 keeps
 * meaning "here is what to fix" for scripts written before skips were reported; the skipped
 * lines on stderr still say what was not read.
 */
export function exitStatus(run: { errors: number; findings: number; skipped: number; allowSkipped: boolean }): number {
  if (run.errors) return EXIT.error;
  if (run.findings) return EXIT.findings;
  if (run.skipped && !run.allowSkipped) return EXIT.skipped;
  return EXIT.clean;
}
