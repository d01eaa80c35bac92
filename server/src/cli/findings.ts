// The CLI's view of a finding: positions 1-based as editors and compilers print them, the file
// named as the user named it. This is the shape of `--format json`.
import { Finding, FixSafety, Severity, SuppressedFinding } from '../engine';
import { byCodeUnit } from './files';
import type { CliSkipped } from './skipped';

export interface CliPosition { line: number; column: number }

export interface CliFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: { start: CliPosition; end: CliPosition };
  covers: string[];
  fix: { safety: FixSafety } | null;
}

export interface CheckSummary {
  findings: CliFinding[];
  scanned: number;
  /** Files and documents not judged (chart templates, syntax errors, binary content, too large). */
  skipped: CliSkipped[];
  /** With --fix / --fix-unsafe: the files written and how many findings each had fixed. */
  fixed?: Array<{ file: string; count: number }>;
  /** Findings a suppression took out, with its reason (for audit). */
  suppressed: CliSuppressed[];
}

export interface CliSuppressed extends CliFinding {
  suppression: { via: string; reason: string; until?: string };
}

export function toCliFinding(file: string, f: Finding): CliFinding {
  return {
    file,
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: {
      start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
      end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
    },
    covers: [...f.covers],
    fix: f.fix ? { safety: f.fix.safety } : null,
  };
}

export function compareFindings(a: CliFinding, b: CliFinding): number {
  return byCodeUnit(a.file, b.file)
    || a.range.start.line - b.range.start.line
    || a.range.start.column - b.range.start.column
    || a.range.end.line - b.range.end.line
    || a.range.end.column - b.range.end.column
    || byCodeUnit(a.rule, b.rule);
}

export function toCliSuppressed(file: string, s: SuppressedFinding): CliSuppressed {
  const suppression: CliSuppressed['suppression'] = { via: s.via, reason: s.reason };
  if (s.until) suppression.until = s.until;
  return { ...toCliFinding(file, s.finding), suppression };
}
